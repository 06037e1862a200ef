'use client';
/**
 * Inviting by email (owner): the server answers with an invite link, shown once for the owner to copy
 * and send (no mail server needed). Pending invites can be revoked.
 */
import { useState, type FormEvent } from 'react';
import type { InviteInfo, ProjectRole } from '@/lib/api/teams';
import { PROJECT_ROLES, ROLE_LABELS } from '@/lib/auth/roles';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/styles';
import { CopyLink } from './copy-link';
import { shortDate } from './format';
import { useTeamAction } from './use-team-action';
import { absoluteUrl, createInvite, revokeInvite } from './teams-client';

const INVITABLE = PROJECT_ROLES.filter((r) => r !== 'owner');

export function InvitesSection({ projectId, invites, onChanged }: { projectId: string; invites: InviteInfo[]; onChanged: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProjectRole>('editor');
  const [created, setCreated] = useState<{ url: string; email: string }>();
  const { busy, error, run } = useTeamAction(onChanged);
  const pending = invites.filter((i) => !i.acceptedAt);

  const invite = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const r = await createInvite(projectId, email.trim(), role);
      setCreated({ url: absoluteUrl(r.url), email: r.invite.email });
      setEmail('');
    });
  };
  const revoke = (id: string) => run(() => revokeInvite(projectId, id), id);

  return (
    <section aria-labelledby="invite-title" className="flex flex-col gap-1">
      <h3 id="invite-title" className="text-sm font-semibold">
        Invite
      </h3>
      <form className="flex items-end gap-1" onSubmit={invite}>
        <label className="flex min-w-0 flex-1 flex-col text-[11px]">
          Email
          <input type="email" required className={controlClass} value={email} onChange={(e) => setEmail(e.target.value)} data-testid="invite-email" />
        </label>
        <label className="flex flex-col text-[11px]">
          Role
          <select className={controlClass} value={role} onChange={(e) => setRole(e.target.value as ProjectRole)} data-testid="invite-role">
            {INVITABLE.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="primary" disabled={busy === true} data-testid="invite-create">
          Invite
        </Button>
      </form>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      {created && <CopyLink url={created.url} label={`Invite link for ${created.email}`} testId="invite-url" />}
      {pending.length > 0 && (
        <ul className="divide-y divide-slate-100 text-xs dark:divide-slate-800" aria-label="Pending invites">
          {pending.map((i) => (
            <li key={i.id} className="flex items-center gap-2 py-1" data-testid="pending-invite" data-email={i.email}>
              <span className="min-w-0 flex-1 truncate">
                {i.email} <span className="text-slate-500">· {ROLE_LABELS[i.role]} · expires {shortDate(i.expiresAt)}</span>
              </span>
              <Button variant="danger" onClick={() => void revoke(i.id)} data-testid="invite-revoke">
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
