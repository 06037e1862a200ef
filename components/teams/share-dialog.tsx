'use client';
/**
 * The editor's Share button and dialog (team mode). The owner manages members, invites and share
 * links; anyone else sees who is on the project (the button reads "Members").
 */
import { useCallback, useEffect, useState } from 'react';
import type { InviteInfo, MemberInfo, ProjectAccessInfo } from '@/lib/api/teams';
import { Dialog } from '@/components/ui/dialog';
import { errorText } from './format';
import { InvitesSection } from './invites-section';
import { MembersSection } from './members-section';
import { ShareLinksSection } from './share-links-section';
import { listMembers } from './teams-client';

const toolbarButton =
  'shrink-0 whitespace-nowrap rounded px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800';

export function ShareButton({ projectId, access, currentUserId }: { projectId: string; access: ProjectAccessInfo; currentUserId?: string }) {
  const [open, setOpen] = useState(false);
  const manage = access.capabilities.manage;
  return (
    <>
      <button type="button" className={toolbarButton} onClick={() => setOpen(true)} data-testid="share-button" title={manage ? 'Members, invites and share links' : 'Who is on this project'}>
        {manage ? 'Share' : 'Members'}
      </button>
      {open && <ShareDialog projectId={projectId} manage={manage} currentUserId={currentUserId} onClose={() => setOpen(false)} />}
    </>
  );
}

function ShareDialog({ projectId, manage, currentUserId, onClose }: { projectId: string; manage: boolean; currentUserId?: string; onClose: () => void }) {
  const [members, setMembers] = useState<MemberInfo[]>();
  const [invites, setInvites] = useState<InviteInfo[]>([]);
  const [error, setError] = useState<string>();
  const reload = useCallback(() => {
    listMembers(projectId).then(
      (r) => {
        setMembers(r.members);
        setInvites(r.invites ?? []);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [projectId]);
  useEffect(reload, [reload]);

  return (
    <Dialog open onClose={onClose} title={manage ? 'Share this project' : 'Members'} className="w-[min(46rem,94vw)]">
      <div className="flex flex-col gap-4" data-testid="share-dialog">
        {error && (
          <p role="alert" className="text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
        {members ? (
          <MembersSection projectId={projectId} members={members} canManage={manage} currentUserId={currentUserId} onChanged={reload} />
        ) : (
          !error && <p className="text-xs text-slate-500">Loading…</p>
        )}
        {manage && <InvitesSection projectId={projectId} invites={invites} onChanged={reload} />}
        {manage && <ShareLinksSection projectId={projectId} />}
      </div>
    </Dialog>
  );
}
