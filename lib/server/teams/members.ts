/**
 * Project members: list, change a role, remove, transfer ownership. A project always keeps at least
 * one owner: demoting or removing the last one is refused (409 `last_owner`).
 */
import 'server-only';
import type { MemberInfo } from '../../api/teams';
import { isProjectRole, PROJECT_ROLES, type ProjectRole } from '../../auth/roles';
import type { AppPrisma } from '../db/client';
import { HttpError } from '../http/error-response';
import { inSerializableTransaction, type TeamsDb, type TeamsTx } from './db';
import { recordEvent, type Author } from './events';

interface MemberRow {
  userId: string;
  role: string;
  createdAt: Date;
  user: { name: string; email: string };
}

const memberInclude = { user: { select: { name: true, email: true } } } as const;

function toMemberInfo(row: MemberRow, withEmail: boolean): MemberInfo {
  return {
    userId: row.userId,
    name: row.user.name,
    email: withEmail ? row.user.email : '',
    role: isProjectRole(row.role) ? row.role : 'viewer',
    since: row.createdAt.toISOString(),
  };
}

const rank = (role: string) => PROJECT_ROLES.indexOf(role as ProjectRole);

/**
 * A project's members, owners first. `withEmails: false` (a share-link visitor, who has no account)
 * blanks the addresses: names are enough to read and mention, addresses are personal data.
 */
export async function listMembers(db: TeamsDb, projectId: string, opts: { withEmails: boolean }): Promise<MemberInfo[]> {
  const rows = await db.projectMember.findMany({ where: { projectId }, include: memberInclude, orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }] });
  return rows.map((r) => toMemberInfo(r, opts.withEmails)).sort((a, b) => rank(b.role) - rank(a.role));
}

const noMember = (userId: string) => new HttpError(404, 'not_found', `No member with id ${JSON.stringify(userId)} on this project.`);
const lastOwner = () => new HttpError(409, 'last_owner', 'A project keeps at least one owner: make someone else owner first (or transfer ownership).');

async function requireMember(tx: TeamsTx, projectId: string, userId: string): Promise<MemberRow> {
  const row = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId } }, include: memberInclude });
  if (!row) throw noMember(userId);
  return row;
}

async function ownerCount(tx: TeamsTx, projectId: string): Promise<number> {
  return tx.projectMember.count({ where: { projectId, role: 'owner' } });
}

export async function changeMemberRole(prisma: AppPrisma, projectId: string, userId: string, role: ProjectRole, author: Author): Promise<MemberInfo> {
  return inSerializableTransaction(prisma, async (tx) => {
    const member = await requireMember(tx, projectId, userId);
    if (member.role === role) return toMemberInfo(member, true);
    if (member.role === 'owner' && (await ownerCount(tx, projectId)) <= 1) throw lastOwner();
    const updated = await tx.projectMember.update({ where: { projectId_userId: { projectId, userId } }, data: { role }, include: memberInclude });
    await recordEvent(tx, projectId, author, 'member.role', { detail: `${member.user.name}: ${member.role} -> ${role}` });
    return toMemberInfo(updated, true);
  });
}

export async function removeMember(prisma: AppPrisma, projectId: string, userId: string, author: Author): Promise<void> {
  await inSerializableTransaction(prisma, async (tx) => {
    const member = await requireMember(tx, projectId, userId);
    if (member.role === 'owner' && (await ownerCount(tx, projectId)) <= 1) throw lastOwner();
    await tx.projectMember.delete({ where: { projectId_userId: { projectId, userId } } });
    await recordEvent(tx, projectId, author, 'member.remove', { detail: `${member.user.name} (${member.role})` });
  });
}

/** `toUserId` (already a member) becomes owner; `fromUserId` (an owner) becomes editor. */
export async function transferOwnership(prisma: AppPrisma, projectId: string, fromUserId: string | null, toUserId: string, author: Author): Promise<void> {
  if (fromUserId === toUserId) throw new HttpError(400, 'invalid_body', 'You already own this project: choose another member.');
  await inSerializableTransaction(prisma, async (tx) => {
    const target = await requireMember(tx, projectId, toUserId);
    await tx.projectMember.update({ where: { projectId_userId: { projectId, userId: toUserId } }, data: { role: 'owner' } });
    if (fromUserId) await tx.projectMember.updateMany({ where: { projectId, userId: fromUserId, role: 'owner' }, data: { role: 'editor' } });
    await recordEvent(tx, projectId, author, 'transfer', { detail: `to ${target.user.name}` });
  });
}
