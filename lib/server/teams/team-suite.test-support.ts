/**
 * What the team-mode route suites share: accounts made straight in the app database (sign-in itself is
 * the auth work's; the suites mock `sessionUser` to say who is signed in), projects with members and
 * share links, and a document whose table name must never leak to someone without access.
 */
import 'server-only';
import { documentOf, makeColumn, makeTable, scalar } from '../../model/build';
import type { ProjectRole, ShareLinkRole } from '../../auth/roles';
import { newId } from '../../model/ids';
import type { SessionUser } from '../auth/session';
import type { AppPrisma } from '../db/client';
import { newToken } from './tokens';

/** A table name that appears only inside the project's document: any response carrying it leaked it. */
export const SECRET_TABLE = 'secret_payroll_ledger';

export const secretDocument = () =>
  documentOf({ tables: [makeTable({ id: 'tbl_secret', name: SECRET_TABLE, columns: [makeColumn({ id: 'col_id', name: 'id', type: scalar('bigint'), nullable: false })] })] });

/** A new account (unique email per call), as Better Auth would store it. */
export async function createUser(prisma: AppPrisma, name: string): Promise<SessionUser> {
  const id = newId('usr');
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${id}@example.test`;
  await prisma.user.create({ data: { id, name, email } });
  return { userId: id, name, email };
}

/** A project holding `secretDocument()` with these members (owner first), at version 1. */
export async function createTeamProject(prisma: AppPrisma, name: string, members: Array<[SessionUser, ProjectRole]>): Promise<string> {
  const id = newId('prj');
  const doc = secretDocument();
  await prisma.project.create({ data: { id, name, document: JSON.stringify(doc), tableCount: 1 } });
  await prisma.projectMember.createMany({ data: members.map(([u, role]) => ({ projectId: id, userId: u.userId, role })) });
  return id;
}

/** A share link on `projectId`; its token (what the /s/<token> page sends) and id. */
export async function createLink(
  prisma: AppPrisma,
  projectId: string,
  role: ShareLinkRole,
  state: { revoked?: boolean; expiresAt?: Date } = {},
): Promise<{ token: string; id: string }> {
  const { token, tokenHash } = newToken();
  const id = newId('shl');
  await prisma.shareLink.create({ data: { id, projectId, tokenHash, role, revokedAt: state.revoked ? new Date() : null, expiresAt: state.expiresAt ?? null } });
  return { token, id };
}
