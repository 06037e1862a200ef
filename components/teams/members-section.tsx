'use client';
/**
 * Who is on the project and with which role. The owner changes roles, removes members and hands the
 * ownership over (the old owner becomes an editor); everyone else sees the list only.
 */
import type { MemberInfo, ProjectRole } from '@/lib/api/teams';
import { PROJECT_ROLES, ROLE_LABELS } from '@/lib/auth/roles';
import { Button } from '@/components/ui/button';
import { useTeamAction } from './use-team-action';
import { removeMember, setMemberRole, transferOwnership } from './teams-client';

/** Roles an owner may give a member directly; owner is given by transferring the ownership. */
const ASSIGNABLE = PROJECT_ROLES.filter((r) => r !== 'owner');

export function MembersSection({
  projectId,
  members,
  canManage,
  currentUserId,
  onChanged,
}: {
  projectId: string;
  members: MemberInfo[];
  canManage: boolean;
  currentUserId?: string;
  onChanged: () => void;
}) {
  const { busy, error, run } = useTeamAction(onChanged);
  const act = (userId: string, work: () => Promise<unknown>) => run(work, userId);
  return (
    <section aria-labelledby="members-title" className="flex flex-col gap-1">
      <h3 id="members-title" className="text-sm font-semibold">
        Members
      </h3>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <ul className="divide-y divide-slate-100 text-xs dark:divide-slate-800" data-testid="member-list">
        {members.map((m) => {
          const editable = canManage && m.role !== 'owner' && m.userId !== currentUserId;
          return (
            <li key={m.userId} className="flex items-center gap-2 py-1" data-testid="member" data-email={m.email} data-role={m.role}>
              <span className="min-w-0 flex-1 truncate">
                <span className="font-medium">{m.name || m.email}</span> <span className="text-slate-500">{m.email}</span>
              </span>
              {editable ? (
                <>
                  <label className="sr-only" htmlFor={`role-${m.userId}`}>
                    Role of {m.email}
                  </label>
                  <select
                    id={`role-${m.userId}`}
                    className="rounded border border-slate-300 px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
                    value={m.role}
                    disabled={busy === m.userId}
                    data-testid="member-role"
                    onChange={(e) => void act(m.userId, () => setMemberRole(projectId, m.userId, e.target.value as ProjectRole))}
                  >
                    {ASSIGNABLE.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  <Button disabled={busy === m.userId} onClick={() =>
                      void act(m.userId, async () => {
                        await transferOwnership(projectId, m.userId);
                        // This page's role changed (owner -> editor): load the project again under it.
                        location.reload();
                      })
                    } title="Make this member the owner; you become an editor">
                    Make owner
                  </Button>
                  <Button variant="danger" disabled={busy === m.userId} onClick={() => void act(m.userId, () => removeMember(projectId, m.userId))} data-testid="member-remove">
                    Remove
                  </Button>
                </>
              ) : (
                <span className="text-slate-600 dark:text-slate-300">{ROLE_LABELS[m.role]}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
