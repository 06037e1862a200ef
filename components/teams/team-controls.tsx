'use client';
/** The editor toolbar's team part (team mode only): Share (or Members) and the account menu. */
import { useEffect, useState } from 'react';
import type { ProjectAccessInfo, SessionInfo } from '@/lib/api/teams';
import { AccountMenu } from '@/components/auth/account-menu';
import { ShareButton } from './share-dialog';
import { fetchSession } from './teams-client';

export function TeamControls({ projectId, access }: { projectId: string; access: ProjectAccessInfo }) {
  const [session, setSession] = useState<SessionInfo>();
  useEffect(() => {
    let stop = false;
    fetchSession().then(
      (s) => !stop && setSession(s),
      () => undefined,
    );
    return () => {
      stop = true;
    };
  }, []);
  return (
    <>
      <span className="shrink-0 text-xs text-slate-500" data-testid="my-role" title="Your role on this project">
        {access.role}
      </span>
      <ShareButton projectId={projectId} access={access} currentUserId={session?.user?.id} />
      {session?.user && <AccountMenu user={session.user} />}
    </>
  );
}
