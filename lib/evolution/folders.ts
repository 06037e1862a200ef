/**
 * A migration as the files of a migration tool's folder, so it drops into a repository that already
 * runs one:
 *
 *   Flyway          `V<version>__<name>.sql` (the up script). Flyway runs each script in a
 *                   transaction; a plan with steps that cannot run in one (CREATE INDEX CONCURRENTLY)
 *                   gets `V<version>__<name>.sql.conf` with `executeInTransaction=false` and keeps its
 *                   own BEGIN / COMMIT around the runs that can.
 *   golang-migrate  `<version>_<name>.up.sql` and `<version>_<name>.down.sql`. It wraps nothing in a
 *                   transaction: the scripts carry their own BEGIN / COMMIT.
 *
 * Pure: returns file names and contents; the CLI writes them. Names are sanitized (lower case ASCII
 * letters, digits and single underscores) so no user-typed name becomes a path or breaks a tool's
 * `__` separator.
 */
import { dialectSpec } from '../dialects/dialects';
import { migrationScript } from './plan';
import type { MigrationPlan } from './types';

export const FOLDER_TOOLS = ['flyway', 'golang-migrate'] as const;
export type FolderTool = (typeof FOLDER_TOOLS)[number];

export interface MigrationFile {
  /** A file name (no directory). */
  name: string;
  content: string;
}

export interface FolderOptions {
  /** The migration's version: digits (Flyway also accepts `.`-separated parts like `2.1`). Default `1`. */
  version?: string;
  /** What the migration does, e.g. `rename email to login` (sanitized). Default `migration`. */
  name?: string;
}

const MAX_NAME = 80;

/** `Rename "email" -> login!` -> `rename_email_login`; empty -> `migration`. */
export function sanitizeMigrationName(name: string | undefined): string {
  const s = (name ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_NAME)
    .replace(/_+$/, '');
  return s || 'migration';
}

/** The version as the tool accepts it, or an error message. */
export function checkVersion(tool: FolderTool, version: string): string | undefined {
  const ok = tool === 'flyway' ? /^\d+(\.\d+)*$/.test(version) : /^\d+$/.test(version);
  if (ok && version.length <= 32) return undefined;
  return tool === 'flyway' ? `a Flyway version is digits separated by dots (1, 2.1, 20261204120000), got "${version}"` : `a golang-migrate version is digits (1, 20261204120000), got "${version}"`;
}

/** The files of the migration `plan` for `tool`. Throws on a version the tool would not read. */
export function migrationFolder(tool: FolderTool, plan: MigrationPlan, options: FolderOptions = {}): MigrationFile[] {
  const version = options.version ?? '1';
  const bad = checkVersion(tool, version);
  if (bad) throw new Error(bad);
  const name = sanitizeMigrationName(options.name);
  // Only where DDL is transactional does a step that cannot be in a transaction need saying (any
  // MySQL DDL commits on its own).
  const transactional = dialectSpec(plan.dialect).migration.transactionalDdl;
  const outsideTx = transactional && plan.up.some((s) => !s.transactional && !s.commented);
  if (tool === 'flyway') {
    const file = `V${version}__${name}.sql`;
    // Flyway wraps a script in a transaction: our BEGIN / COMMIT only when it must not.
    const files: MigrationFile[] = [{ name: file, content: migrationScript(plan, plan.up, { transactions: outsideTx }) }];
    if (outsideTx) files.push({ name: `${file}.conf`, content: '# Steps that cannot run in a transaction (CREATE INDEX CONCURRENTLY): the script has its own BEGIN / COMMIT.\nexecuteInTransaction=false\n' });
    return files;
  }
  const downOutsideTx = transactional && plan.down.some((s) => !s.transactional && !s.commented);
  const note = (yes: boolean) => (yes ? '-- Holds statements that cannot run in a transaction block: run with x-multi-statement=true (PostgreSQL) so each runs on its own.\n' : '');
  return [
    { name: `${version}_${name}.up.sql`, content: note(outsideTx) + migrationScript(plan, plan.up) },
    { name: `${version}_${name}.down.sql`, content: note(downOutsideTx) + migrationScript(plan, plan.down, { direction: 'down' }) },
  ];
}
