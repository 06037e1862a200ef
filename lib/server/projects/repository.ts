/**
 * Projects and their named versions, on either database (see lib/server/db/tables.ts).
 *
 * Documents are stored as JSON text exactly as serialized (key order is display order) and are
 * validated before they get here (route handlers use loadDocument). Every document save names the
 * version it replaces: the update is one conditional statement (`WHERE id = ? AND version = ?`,
 * version + 1), so two tabs can never silently overwrite each other.
 */
import type { ProjectSummary, VersionSummary } from '../../api/projects';
import type { SchemaDocument } from '../../model/document';

export type { ProjectSummary, VersionSummary } from '../../api/projects';
import { emptyDocument } from '../../model/empty';
import { newId } from '../../model/ids';
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

function toVersionSummary(row: ProjectVersionSummaryRow): VersionSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    tableCount: row.tableCount,
    projectVersion: row.projectVersion,
    createdAt: row.createdAt.toISOString(),
  };
}

/** All projects, most recently edited first. */
export async function listProjects(db: ProjectTables): Promise<ProjectSummary[]> {
  const rows = await db.project.findMany({ select: projectSummarySelect, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }] });
  return rows.map(toSummary);
}

export async function createProject(db: ProjectTables, input: { name: string; document?: SchemaDocument }): Promise<ProjectSummary> {
  const document = input.document ?? emptyDocument();
  const row = await db.project.create({
    data: { id: newId('prj'), name: input.name, document: JSON.stringify(document), tableCount: tableCountOf(document) },
    select: projectSummarySelect,
  });
  return toSummary(row);
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

/** Saves a document if `expectedVersion` is still current (optimistic concurrency). */
export async function saveProject(
  db: ProjectTables,
  id: string,
  input: { expectedVersion: number; document: SchemaDocument; name?: string },
): Promise<SaveResult> {
  const { count } = await db.project.updateMany({
    where: { id, version: input.expectedVersion },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      document: JSON.stringify(input.document),
      tableCount: tableCountOf(input.document),
      version: { increment: 1 },
    },
  });
  // Read back after the write: on success the row holds our version (a later save may already have
  // moved it on, which is fine: ours was expectedVersion + 1).
  const current = await db.project.findUnique({ where: { id }, select: projectStateSelect });
  if (count === 1) return { ok: true, version: input.expectedVersion + 1, updatedAt: (current?.updatedAt ?? new Date()).toISOString() };
  if (!current) return { ok: false, reason: 'not_found' };
  return { ok: false, reason: 'conflict', currentVersion: current.version };
}

/**
 * Renames without touching the document or its version: a rename from the project list must not make
 * an open editor's next save fail. Returns null for an unknown id.
 */
export async function renameProject(db: ProjectTables, id: string, name: string): Promise<ProjectSummary | null> {
  const { count } = await db.project.updateMany({ where: { id }, data: { name } });
  if (count === 0) return null;
  const row = await db.project.findFirst({ where: { id } });
  return row ? toSummary(row) : null;
}

/** Copies a project's current document into a new project (versions are not copied). */
export async function duplicateProject(db: ProjectTables, id: string, name?: string): Promise<ProjectSummary | null> {
  const source = await db.project.findFirst({ where: { id } });
  if (!source) return null;
  const row = await db.project.create({
    data: { id: newId('prj'), name: name ?? `${source.name} (copy)`, document: source.document, tableCount: source.tableCount },
    select: projectSummarySelect,
  });
  return toSummary(row);
}

/** Deletes a project and (by cascade) its versions. False for an unknown id. */
export async function deleteProject(db: ProjectTables, id: string): Promise<boolean> {
  const { count } = await db.project.deleteMany({ where: { id } });
  return count > 0;
}

/** Snapshots the project's current document under `name`. Null for an unknown project. */
export async function createVersion(db: ProjectTables, projectId: string, name: string): Promise<VersionSummary | null> {
  const project = await db.project.findFirst({ where: { id: projectId } });
  if (!project) return null;
  const row = await db.projectVersion.create({
    data: { id: newId('ver'), projectId, name, document: project.document, tableCount: project.tableCount, projectVersion: project.version },
    select: projectVersionSummarySelect,
  });
  return toVersionSummary(row);
}

/** A project's versions, newest first; null for an unknown project. */
export async function listVersions(db: ProjectTables, projectId: string): Promise<VersionSummary[] | null> {
  const exists = await db.project.findUnique({ where: { id: projectId }, select: projectStateSelect });
  if (!exists) return null;
  const rows = await db.projectVersion.findMany({ where: { projectId }, select: projectVersionSummarySelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return rows.map(toVersionSummary);
}

export async function getVersion(db: ProjectTables, projectId: string, versionId: string): Promise<VersionWithDocument | null> {
  const row = await db.projectVersion.findFirst({ where: { id: versionId, projectId } });
  return row ? { ...toVersionSummary(row), documentJson: row.document } : null;
}
