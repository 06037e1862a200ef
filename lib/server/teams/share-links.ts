/**
 * Share links: a viewer or commenter link to one project that needs no account. The token is shown
 * once (url `/s/<token>`); only its hash is stored, and the link is looked up again on every request
 * (lib/server/auth/access.ts), so revoking or expiry takes effect on the next request.
 */
import 'server-only';
import type { ShareLinkInfo } from '../../api/teams';
import type { ShareLinkRole } from '../../auth/roles';
import { isShareLinkRole } from '../../auth/roles';
import { newId } from '../../model/ids';
import type { AppPrisma } from '../db/client';
import { HttpError } from '../http/error-response';
import { inTransaction, type TeamsDb } from './db';
import { recordEvent, type Author } from './events';
import { newToken, tokenHashOf } from './tokens';

const LINKS_LISTED = 200;

interface ShareLinkRow {
  id: string;
  role: string;
  label: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

function toShareLinkInfo(row: ShareLinkRow): ShareLinkInfo {
  return {
    id: row.id,
    role: isShareLinkRole(row.role) ? row.role : 'viewer',
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function createShareLink(
  prisma: AppPrisma,
  projectId: string,
  input: { role: ShareLinkRole; label?: string; expiresAt?: Date; createdById: string | null },
  author: Author,
): Promise<{ link: ShareLinkInfo; url: string }> {
  const { token, tokenHash } = newToken();
  const row = await inTransaction(prisma, async (tx) => {
    const created = await tx.shareLink.create({
      data: { id: newId('shl'), projectId, tokenHash, role: input.role, label: input.label ?? null, expiresAt: input.expiresAt ?? null, createdById: input.createdById },
    });
    await recordEvent(tx, projectId, author, 'share.create', { detail: `${input.role} link${input.label ? ` "${input.label}"` : ''}` });
    return created;
  });
  return { link: toShareLinkInfo(row), url: `/s/${token}` };
}

/** All of a project's links (revoked ones too, so the owner sees what was withdrawn), newest first. */
export async function listShareLinks(db: TeamsDb, projectId: string): Promise<ShareLinkInfo[]> {
  const rows = await db.shareLink.findMany({ where: { projectId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: LINKS_LISTED });
  return rows.map(toShareLinkInfo);
}

/** Revokes a link at once. 404 when it is not this project's; revoking twice is a no-op. */
export async function revokeShareLink(prisma: AppPrisma, projectId: string, linkId: string, author: Author): Promise<void> {
  await inTransaction(prisma, async (tx) => {
    const link = await tx.shareLink.findFirst({ where: { id: linkId, projectId } });
    if (!link) throw new HttpError(404, 'not_found', `No share link with id ${JSON.stringify(linkId)} on this project.`);
    if (link.revokedAt) return;
    await tx.shareLink.update({ where: { id: linkId }, data: { revokedAt: new Date() } });
    await recordEvent(tx, projectId, author, 'share.revoke', { detail: `${link.role} link${link.label ? ` "${link.label}"` : ''}` });
  });
}

/** GET /api/share/:token: the project a live link opens. 404 for unknown, revoked or expired links alike. */
export async function resolveShareLink(db: TeamsDb, token: string): Promise<{ projectId: string; projectName: string; role: ShareLinkRole }> {
  const hash = tokenHashOf(token);
  const link = hash ? await db.shareLink.findUnique({ where: { tokenHash: hash }, include: { project: { select: { name: true } } } }) : null;
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt.getTime() <= Date.now()) || !isShareLinkRole(link.role)) {
    throw new HttpError(404, 'not_found', 'This share link is not valid: it was revoked, it expired, or it never existed.');
  }
  return { projectId: link.projectId, projectName: link.project.name, role: link.role };
}
