/**
 * The part of Prisma Client the app uses, as one narrow interface. Both generated clients (SQLite and
 * PostgreSQL, one schema with the provider swapped) satisfy it structurally, which client.ts checks at
 * compile time; the repository is written once against it instead of against either client type
 * (the two full client types are not assignable to each other).
 */
import 'server-only';

export interface ProjectRow {
  id: string;
  name: string;
  document: string;
  tableCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type ProjectSummaryRow = Omit<ProjectRow, 'document'>;

export interface ProjectVersionRow {
  id: string;
  projectId: string;
  name: string;
  document: string;
  tableCount: number;
  projectVersion: number;
  createdAt: Date;
  /** Who named the version (a user id; null in solo mode). */
  createdById: string | null;
}

export type ProjectVersionSummaryRow = Omit<ProjectVersionRow, 'document'>;

export const projectSummarySelect = { id: true, name: true, tableCount: true, version: true, createdAt: true, updatedAt: true } as const;
export const projectVersionSummarySelect = { id: true, projectId: true, name: true, tableCount: true, projectVersion: true, createdAt: true, createdById: true } as const;

type ProjectSummarySelect = typeof projectSummarySelect;
/** Just what a save needs to report back (never the document). */
export const projectStateSelect = { version: true, updatedAt: true } as const;
type ProjectStateSelect = typeof projectStateSelect;
type ProjectVersionSummarySelect = typeof projectVersionSummarySelect;

export interface ProjectDelegate {
  findMany(args: { select: ProjectSummarySelect; orderBy: Array<{ updatedAt: 'desc' } | { id: 'asc' }> }): PromiseLike<ProjectSummaryRow[]>;
  // One signature per method: overloads defeat inference against Prisma's generic signatures.
  findFirst(args: { where: { id: string } }): PromiseLike<ProjectRow | null>;
  findUnique(args: { where: { id: string }; select: ProjectStateSelect }): PromiseLike<{ version: number; updatedAt: Date } | null>;
  create(args: { data: { id: string; name: string; document: string; tableCount: number }; select: ProjectSummarySelect }): PromiseLike<ProjectSummaryRow>;
  updateMany(args: {
    where: { id: string; version?: number };
    data: { name?: string; document?: string; tableCount?: number; version?: { increment: number } };
  }): PromiseLike<{ count: number }>;
  deleteMany(args: { where: { id: string } }): PromiseLike<{ count: number }>;
}

export interface ProjectVersionDelegate {
  findMany(args: { where: { projectId: string }; select: ProjectVersionSummarySelect; orderBy: Array<{ createdAt: 'desc' } | { id: 'desc' }> }): PromiseLike<ProjectVersionSummaryRow[]>;
  findFirst(args: { where: { id: string; projectId: string } }): PromiseLike<ProjectVersionRow | null>;
  create(args: {
    data: { id: string; projectId: string; name: string; document: string; tableCount: number; projectVersion: number; createdById?: string | null };
    select: ProjectVersionSummarySelect;
  }): PromiseLike<ProjectVersionSummaryRow>;
}

/** Names of the users who authored versions (the audit trail shows a name, not an id). */
export interface UserNameDelegate {
  findMany(args: { where: { id: { in: string[] } }; select: { id: true; name: true } }): PromiseLike<Array<{ id: string; name: string }>>;
}

export interface ProjectTables {
  project: ProjectDelegate;
  projectVersion: ProjectVersionDelegate;
  user: UserNameDelegate;
}
