/**
 * Invites: an owner invites an email address with a role and copies the link (no mail server). The
 * link's token is shown once; only its hash is stored. An invite is good for 7 days and once: the
 * signed-in user whose email matches accepts it and becomes a member; any later use is 410.
 */
import 'server-only';
import type { InviteInfo } from '../../api/teams';
import { isProjectRole, PROJECT_ROLES, type ProjectRole } from '../../auth/roles';
import { newId } from '../../model/ids';
import type { AppPrisma } from '../db/client';
import { HttpError } from '../http/error-response';
import { inTransaction, type TeamsDb } from './db';
import { recordEvent, type Author } from './events';
import { newToken, tokenHashOf } from './tokens';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Pending and past invites listed to owners (newest first). */
const INVITES_LISTED = 100;

interface InviteRow {
  id: string;
  email: string;
  role: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

function toInviteInfo(row: InviteRow): InviteInfo {
  return {
    id: row.id,
    email: row.email,
    role: isProjectRole(row.role) ? row.role : 'viewer',
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}

/** Emails compare case-insensitively (the domain part is, and people type the rest either way). */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function createInvite(
  prisma: AppPrisma,
  projectId: string,
  input: { email: string; role: ProjectRole; createdById: string },
  author: Author,
): Promise<{ invite: InviteInfo; url: string }> {
  const { token, tokenHash } = newToken();
  const email = normalizeEmail(input.email);
  const now = new Date();
  const row = await inTransaction(prisma, async (tx) => {
    const created = await tx.projectInvite.create({
      data: { id: newId('inv'), projectId, tokenHash, email, role: input.role, createdById: input.createdById, createdAt: now, expiresAt: new Date(now.getTime() + INVITE_TTL_MS) },
    });
    await recordEvent(tx, projectId, author, 'invite', { detail: `${email} as ${input.role}` });
    return created;
  });
  return { invite: toInviteInfo(row), url: `/invite/${token}` };
}

/** The project's invites that were not withdrawn, newest first. */
export async function listInvites(db: TeamsDb, projectId: string): Promise<InviteInfo[]> {
  const rows = await db.projectInvite.findMany({ where: { projectId, revokedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: INVITES_LISTED });
  return rows.map(toInviteInfo);
}

/** Withdraws an invite (its link stops working). 404 when it is not this project's. */
export async function revokeInvite(prisma: AppPrisma, projectId: string, inviteId: string, author: Author): Promise<void> {
  await inTransaction(prisma, async (tx) => {
    const invite = await tx.projectInvite.findFirst({ where: { id: inviteId, projectId } });
    if (!invite) throw new HttpError(404, 'not_found', `No invite with id ${JSON.stringify(inviteId)} on this project.`);
    if (invite.revokedAt) return;
    await tx.projectInvite.update({ where: { id: inviteId }, data: { revokedAt: new Date() } });
    await recordEvent(tx, projectId, author, 'invite.revoke', { detail: invite.email });
  });
}

const unknownInvite = () => new HttpError(404, 'not_found', 'This invite link is not valid.');
const usedInvite = (why: string) => new HttpError(410, 'invite_gone', `This invite ${why}; ask the project's owner for a new one.`);

/** An invite by its token, usable or not (404 for a token we never issued). */
async function inviteByToken(db: TeamsDb, token: string) {
  const hash = tokenHashOf(token);
  const row = hash ? await db.projectInvite.findUnique({ where: { tokenHash: hash }, include: { project: { select: { name: true } } } }) : null;
  if (!row) throw unknownInvite();
  return row;
}

function refuseUnusable(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): void {
  if (row.acceptedAt) throw usedInvite('was already used');
  if (row.revokedAt) throw usedInvite('was withdrawn');
  if (row.expiresAt.getTime() <= Date.now()) throw usedInvite('has expired');
}

/** GET /api/invites/:token: what the invite is for, so the page can say it before accepting. */
export async function previewInvite(db: TeamsDb, token: string): Promise<{ projectName: string; email: string; role: ProjectRole; expiresAt: string }> {
  const row = await inviteByToken(db, token);
  refuseUnusable(row);
  return { projectName: row.project.name, email: row.email, role: isProjectRole(row.role) ? row.role : 'viewer', expiresAt: row.expiresAt.toISOString() };
}

const higher = (a: ProjectRole, b: ProjectRole) => (PROJECT_ROLES.indexOf(a) >= PROJECT_ROLES.indexOf(b) ? a : b);

/**
 * Accepts an invite for the signed-in user: their email must be the invite's (403 otherwise). The
 * invite is claimed with one conditional update, so two accepts of one link cannot both succeed.
 * A user who is already a member keeps the higher of the two roles.
 */
export async function acceptInvite(prisma: AppPrisma, token: string, user: { userId: string; email: string; name: string }): Promise<{ projectId: string }> {
  return inTransaction(prisma, async (tx) => {
    const invite = await inviteByToken(tx, token);
    refuseUnusable(invite);
    if (normalizeEmail(user.email) !== normalizeEmail(invite.email)) {
      throw new HttpError(403, 'wrong_account', 'This invite was sent to another email address: sign in with that address to accept it.');
    }
    const now = new Date();
    const claimed = await tx.projectInvite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: user.userId },
    });
    if (claimed.count !== 1) throw usedInvite('was already used');
    const role: ProjectRole = isProjectRole(invite.role) ? invite.role : 'viewer';
    const key = { projectId_userId: { projectId: invite.projectId, userId: user.userId } };
    const existing = await tx.projectMember.findUnique({ where: key });
    if (existing) {
      const kept = higher(isProjectRole(existing.role) ? existing.role : 'viewer', role);
      if (kept !== existing.role) await tx.projectMember.update({ where: key, data: { role: kept } });
    } else {
      await tx.projectMember.create({ data: { projectId: invite.projectId, userId: user.userId, role } });
    }
    await recordEvent(tx, invite.projectId, { id: user.userId, name: user.name || user.email }, 'member.join', { detail: `${user.name || user.email} as ${role}` });
    return { projectId: invite.projectId };
  });
}
