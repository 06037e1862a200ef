/**
 * Projects and their named versions, on either database (see lib/server/db/tables.ts).
 *
 * Documents are stored as JSON text exactly as serialized (key order is display order) and are
 * validated before they get here (route handlers use loadDocument). Every document save names the
 * version it replaces: the update is one conditional statement (`WHERE id = ? AND version = ?`,
 * version + 1), so two tabs can never silently overwrite each other.
 *
 * Team mode (issue 18): the creator of a project becomes its owner in the same transaction; every save,
 * rename and named version records its author (Project.updatedById, ProjectVersion.createdById) and an
 * audit event (lib/server/teams/events.ts) written with the change. Writes that record an event take
 * the full Prisma client (for the transaction); reads take the narrow ProjectTables.
 */
import 'server-only';
import type { ProjectSummary, VersionSummary } from '../../api/projects';
import type { SchemaDocument } from '../../model/document';

export type { ProjectSummary, VersionSummary } from '../../api/projects';
import type { ProjectRole } from '../../auth/roles';
import { isProjectRole } from '../../auth/roles';
import { emptyDocument } from '../../model/empty';
import { newId } from '../../model/ids';
import type { AppPrisma } from '../db/client';
import { inTransaction, type TeamsDb, type TeamsTx } from '../teams/db';
import { recordEvent, type Author } from '../teams/events';
import {
  projectStateSelect,
  projectSummarySelect,
  projectVersionSummarySelect,
  type ProjectSummaryRow,
  type ProjectTables,
  type ProjectVersionSummaryRow,
} from '../db/tables';

/** A project with its document as the stored JSON text (sent to clients without re-serializing). */
export interface ProjectWithDocument extends ProjectSummary {
  documentJson: string;
}

export interface VersionWithDocument extends VersionSummary {
  documentJson: string;
}

export type SaveResult =
  | { ok: true; version: number; updatedAt: string }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'conflict'; currentVersion: number };

export function tableCountOf(doc: SchemaDocument): number {
  return Object.keys(doc.tables).length;
}

function toSummary(row: ProjectSummaryRow): ProjectSummary {
  return {
    id: row.id,
    name: row.name,
    tableCount: row.tableCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toVersionSummary(row: ProjectVersionSummaryRow, authors: ReadonlyMap<string, string>): VersionSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    tableCount: row.tableCount,
    projectVersion: row.projectVersion,
    createdAt: row.createdAt.toISOString(),
    author: row.createdById ? (authors.get(row.createdById) ?? null) : null,
  };
}

/** The names of the users who authored `rows` (one query; a deleted account shows no name). */
async function authorNames(db: ProjectTables | TeamsDb, rows: readonly { createdById: string | null }[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** All projects, most recently edited first. */
export async function listProjects(db: ProjectTables): Promise<ProjectSummary[]> {
  const rows = await db.project.findMany({ select: projectSummarySelect, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }] });
  return rows.map(toSummary);
}

/** The projects `userId` is a member of (team mode), most recently edited first, with their role. */
export async function listProjectsOfUser(db: TeamsDb, userId: string): Promise<ProjectSummary[]> {
  const rows = await db.project.findMany({
    where: { members: { some: { userId } } },
    select: { ...projectSummarySelect, members: { where: { userId }, select: { role: true } } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map(({ members, ...row }) => {
    const role = members[0]?.role;
    return { ...toSummary(row), ...(isProjectRole(role) ? { role: role as ProjectRole } : {}) };
  });
}

/**
 * Creates a project. With `owner` (team mode) the creator becomes its owner in the same transaction,
 * so a project never exists without someone who can open it.
 */
export async function createProject(
  db: AppPrisma,
  input: { name: string; document?: SchemaDocument; owner?: Author; detail?: string; stored?: { documentJson: string; tableCount: number } },
): Promise<ProjectSummary> {
  const document = input.document ?? emptyDocument();
  // A copy keeps the stored text as is (its key order is display order).
  const stored = input.stored ?? { documentJson: JSON.stringify(document), tableCount: tableCountOf(document) };
  return inTransaction(db, async (tx) => {
    const row = await tx.project.create({
      data: { id: newId('prj'), name: input.name, document: stored.documentJson, tableCount: stored.tableCount, updatedById: input.owner?.id ?? null },
      select: projectSummarySelect,
    });
    if (input.owner?.id) await tx.projectMember.create({ data: { projectId: row.id, userId: input.owner.id, role: 'owner' } });
    if (input.owner) await recordEvent(tx, row.id, input.owner, 'create', { projectVersion: row.version, ...(input.detail ? { detail: input.detail } : {}) });
    return { ...toSummary(row), ...(input.owner?.id ? { role: 'owner' as const } : {}) };
  });
}

export async function getProject(db: ProjectTables, id: string): Promise<ProjectWithDocument | null> {
  const row = await db.project.findFirst({ where: { id } });
  return row ? { ...toSummary(row), documentJson: row.document } : null;
}

/**
 * The project's current version and last save time, without its document: what an open editor polls
 * to learn that another tab or person saved. Null for an unknown id.
 */
export async function getProjectState(db: ProjectTables, id: string): Promise<{ version: number; updatedAt: string } | null> {
  const row = await db.project.findUnique({ where: { id }, select: projectStateSelect });
  return row ? { version: row.version, updatedAt: row.updatedAt.toISOString() } : null;
}

/**
 * Saves a document if `expectedVersion` is still current (optimistic concurrency), recording its
 * author on the row and as a `save` event in the same transaction (with `author`).
 */
export async function saveProject(
  db: AppPrisma,
  id: string,
  input: { expectedVersion: number; document: SchemaDocument; name?: string; author?: Author },
): Promise<SaveResult> {
  return inTransaction(db, (tx) => saveProjectIn(tx, id, input));
}

/**
 * saveProject inside the caller's transaction: the live session's write-back (lib/server/collab)
 * saves the canonical document and records the live state it came from in one transaction.
 */
export async function saveProjectIn(
  tx: TeamsTx,
  id: string,
  input: { expectedVersion: number; document: SchemaDocument; name?: string; author?: Author },
): Promise<SaveResult> {
  const author = input.author;
  const { count } = await tx.project.updateMany({
    where: { id, version: input.expectedVersion },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      document: JSON.stringify(input.document),
      tableCount: tableCountOf(input.document),
      version: { increment: 1 },
      ...(author ? { updatedById: author.id } : {}),
    },
  });
  const version = input.expectedVersion + 1;
  if (count === 1 && author) await recordEvent(tx, id, author, 'save', { projectVersion: version, ...(input.name !== undefined ? { detail: `named ${input.name}` } : {}) });
  // Read back after the write: on success the row holds our version.
  const current = await tx.project.findUnique({ where: { id }, select: projectStateSelect });
  if (count === 1) return { ok: true, version, updatedAt: (current?.updatedAt ?? new Date()).toISOString() };
  if (!current) return { ok: false, reason: 'not_found' };
  return { ok: false, reason: 'conflict', currentVersion: current.version };
}

/**
 * Renames without touching the document or its version: a rename from the project list must not make
 * an open editor's next save fail. Returns null for an unknown id.
 */
export async function renameProject(db: AppPrisma, id: string, name: string, author?: Author): Promise<ProjectSummary | null> {
  return inTransaction(db, async (tx) => {
    const before = await tx.project.findUnique({ where: { id }, select: { name: true } });
    if (!before) return null;
    await tx.project.updateMany({ where: { id }, data: { name } });
    if (author && before.name !== name) await recordEvent(tx, id, author, 'rename', { detail: `${before.name} -> ${name}` });
    const row = await tx.project.findUnique({ where: { id }, select: projectSummarySelect });
    return row ? toSummary(row) : null;
  });
}

/**
 * Copies a project's current document into a new project (versions, members and comments are not
 * copied). With `owner`, the one who copies owns the copy.
 */
export async function duplicateProject(db: AppPrisma, id: string, name?: string, owner?: Author): Promise<ProjectSummary | null> {
  const source = await db.project.findUnique({ where: { id }, select: { name: true, document: true, tableCount: true } });
  if (!source) return null;
  return createProject(db, {
    name: name ?? `${source.name} (copy)`,
    owner,
    detail: `copy of ${source.name}`,
    stored: { documentJson: source.document, tableCount: source.tableCount },
  });
}

/** Deletes a project and (by cascade) its versions. False for an unknown id. */
export async function deleteProject(db: ProjectTables, id: string): Promise<boolean> {
  const { count } = await db.project.deleteMany({ where: { id } });
  return count > 0;
}

/** Snapshots the project's current document under `name`. Null for an unknown project. */
export async function createVersion(db: AppPrisma, projectId: string, name: string, author?: Author): Promise<VersionSummary | null> {
  return inTransaction(db, async (tx) => {
    const project = await tx.project.findFirst({ where: { id: projectId } });
    if (!project) return null;
    const row = await tx.projectVersion.create({
      data: { id: newId('ver'), projectId, name, document: project.document, tableCount: project.tableCount, projectVersion: project.version, createdById: author?.id ?? null },
      select: projectVersionSummarySelect,
    });
    if (author) await recordEvent(tx, projectId, author, 'version', { projectVersion: project.version, detail: name });
    return toVersionSummary(row, new Map(author?.id ? [[author.id, author.name]] : []));
  });
}

/** A project's versions, newest first; null for an unknown project. */
export async function listVersions(db: ProjectTables, projectId: string): Promise<VersionSummary[] | null> {
  const exists = await db.project.findUnique({ where: { id: projectId }, select: projectStateSelect });
  if (!exists) return null;
  const rows = await db.projectVersion.findMany({ where: { projectId }, select: projectVersionSummarySelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  const authors = await authorNames(db, rows);
  return rows.map((r) => toVersionSummary(r, authors));
}

export async function getVersion(db: ProjectTables, projectId: string, versionId: string): Promise<VersionWithDocument | null> {
  const row = await db.projectVersion.findFirst({ where: { id: versionId, projectId } });
  return row ? { ...toVersionSummary(row, await authorNames(db, [row])), documentJson: row.document } : null;
}
