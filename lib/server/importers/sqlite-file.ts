/**
 * Importing an SQLite database file (`app.db`): its schema is read from its own catalog, never by
 * running anything the file holds.
 *
 * - Refused before it is opened when it is larger than MAX_SQLITE_FILE_BYTES or does not start with
 *   the header magic `SQLite format 3\0` (a text file, an encrypted or truncated database).
 * - Opened READ-ONLY through an SQLite URI (`file:…?mode=ro`; libsql ignores a `readonly` option, the
 *   URI is what SQLite itself honours), with `query_only` and `trusted_schema = OFF` on top. Only
 *   catalog reads run: `sqlite_schema` (the CREATE statements SQLite itself re-reads on open) and the
 *   pragmas readSqliteCatalog (lib/server/sqlite/catalog.ts) reads for a cross-check. No trigger can
 *   fire (nothing is written), no view is queried, no function the schema names is called.
 * - The CREATE statements are imported by the SQLite script importer, so a database and the
 *   `.schema` of it give the same document; the engine's own columns per table (table_xinfo, through
 *   readSqliteCatalog) are compared with the document's and a difference is a warning.
 * - An uploaded file is written to a private temporary folder (0700/0600), read, and deleted; a
 *   WAL-mode header (bytes 18-19 = 2) is turned to rollback mode in that copy so a read-only open
 *   needs no -wal/-shm files beside it.
 */
import 'server-only';
import { mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'libsql';
import { readSqliteCatalog, type SqliteExecutor } from '../sqlite/catalog';
import { importSqlite } from '../../importers/sqlite/import-sqlite';
import { foldSqliteName } from '../../importers/sqlite/cursor';
import { ImportError, type ImportResult } from '../../importers/types';

/** Largest database file accepted (the schema is tiny, but the file carries the data too). */
export const MAX_SQLITE_FILE_BYTES = 200 * 1024 * 1024;

/** The 16 bytes every SQLite 3 database starts with (fileformat2.html, 1.3). */
const MAGIC = new TextEncoder().encode('SQLite format 3\u0000');

/** Whether `head` (the file's first bytes) is an SQLite 3 database header. */
export function hasSqliteHeader(head: Uint8Array): boolean {
  if (head.byteLength < MAGIC.byteLength) return false;
  for (let i = 0; i < MAGIC.byteLength; i++) if (head[i] !== MAGIC[i]) return false;
  return true;
}

/** Whether the file at `file` starts with the SQLite header (false when it cannot be read). */
export async function isSqliteDatabaseFile(file: string): Promise<boolean> {
  const fh = await open(file, 'r').catch(() => undefined);
  if (!fh) return false;
  try {
    const head = new Uint8Array(MAGIC.byteLength);
    const { bytesRead } = await fh.read(head, 0, head.byteLength, 0).catch(() => ({ bytesRead: 0 })); // a folder: EISDIR
    return bytesRead === head.byteLength && hasSqliteHeader(head);
  } finally {
    await fh.close();
  }
}

function tooLarge(bytes: number, limit: number): ImportError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
  return new ImportError(`the database file is ${mb(bytes)}; SQLite database imports are limited to ${mb(limit)} (export the schema with \`sqlite3 app.db .schema > schema.sql\` and import that instead)`);
}

export interface SqliteCatalogRead {
  /** The CREATE statements of sqlite_schema in creation order, each ending with `;`. */
  script: string;
  /** Column names per table as the engine reports them (readSqliteCatalog: pragma table_xinfo), by folded table name. */
  columns: Map<string, string[]>;
  /** Why the engine's catalog could not be read for the cross-check (a virtual table of a module this build lacks...). */
  crossCheckSkipped?: string;
}

/** libsql's synchronous statements behind the `execute` readSqliteCatalog calls (it binds every name as an argument). */
function executorOf(db: Database.Database): SqliteExecutor {
  const execute = async (stmt: { sql: string; args?: unknown[] } | string) => {
    const { sql, args = [] } = typeof stmt === 'string' ? { sql: stmt } : stmt;
    return { rows: db.prepare(sql).all(...(args as unknown[])) };
  };
  // Only `rows` is read from the result; the rest of @libsql/client's ResultSet is not needed.
  return { execute } as unknown as SqliteExecutor;
}

interface SchemaRow {
  type: string;
  name: string;
  sql: string | null;
}

/**
 * Reads the schema of the database at `file` (checked: size, header) read-only. Throws ImportError
 * for a file that is not an SQLite database or cannot be opened.
 */
export async function readSqliteSchema(file: string, limit = MAX_SQLITE_FILE_BYTES): Promise<SqliteCatalogRead> {
  const info = await stat(file).catch((e: unknown) => {
    throw new ImportError(`cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
  });
  if (!info.isFile()) throw new ImportError('not a file');
  if (info.size > limit) throw tooLarge(info.size, limit);
  if (!(await isSqliteDatabaseFile(file))) throw new ImportError('this is not an SQLite 3 database: the file does not start with the header "SQLite format 3"');
  let db: Database.Database;
  try {
    db = new Database(`${pathToFileURL(path.resolve(file)).href}?mode=ro`);
  } catch (e) {
    throw new ImportError(`the SQLite database cannot be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    db.exec('PRAGMA query_only = ON; PRAGMA trusted_schema = OFF;');
    const rows = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY rowid').all() as SchemaRow[];
    const statements: string[] = [];
    for (const row of rows) {
      if (typeof row.sql !== 'string' || row.sql.trim() === '') continue; // automatic indexes have no SQL
      statements.push(`${row.sql.replace(/;\s*$/, '')};`);
    }
    const read: SqliteCatalogRead = { script: statements.join('\n'), columns: new Map() };
    try {
      const catalog = await readSqliteCatalog(executorOf(db));
      for (const t of catalog.tables) read.columns.set(foldSqliteName(t.name), t.columns.map((c) => c.name));
    } catch (e) {
      read.crossCheckSkipped = e instanceof Error ? e.message : String(e);
    }
    return read;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`the SQLite database's catalog cannot be read (the file may be damaged or encrypted): ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    db.close();
  }
}

/** Imports the schema of the database file at `file`. */
export async function importSqliteFile(file: string, limit = MAX_SQLITE_FILE_BYTES): Promise<ImportResult> {
  const read = await readSqliteSchema(file, limit);
  return crossChecked(await importSqliteScriptOf(read), read);
}

/** The catalog's CREATE statements imported (the report's lines are lines of that script). */
export function importSqliteScriptOf(read: SqliteCatalogRead): Promise<ImportResult> {
  return importSqlite(read.script);
}

/**
 * The engine's columns of each imported table against the document's: a difference says the reader
 * missed something, and is a warning, never silent.
 */
export function crossChecked(result: ImportResult, read: SqliteCatalogRead): ImportResult {
  if (read.crossCheckSkipped !== undefined) {
    result.report.diagnostics.push({ severity: 'info', code: 'sqlite.catalog-check-skipped', message: `the database's column catalog could not be read to cross-check the import: ${read.crossCheckSkipped.slice(0, 200)}` });
    return result;
  }
  for (const t of Object.values(result.document.tables)) {
    const engine = read.columns.get(foldSqliteName(t.name));
    const imported = t.columns.map((c) => c.name);
    if (engine !== undefined && engine.join('\u0000') !== imported.join('\u0000')) {
      const missing = engine.filter((n) => !imported.includes(n));
      const detail = missing.length ? `; not imported: ${missing.slice(0, 5).map((n) => `"${n}"`).join(', ')}` : '';
      result.report.diagnostics.push({ severity: 'warning', code: 'sqlite.catalog-mismatch', message: `table "${t.name}": the database reports ${engine.length} columns, the import read ${imported.length}${detail}`, entityId: t.id });
    }
  }
  return result;
}

/**
 * An uploaded database (the bytes of the file): checked (size, header), written to a private
 * temporary folder, its schema read, the copy deleted whatever happens.
 */
export async function readUploadedSqliteSchema(bytes: Uint8Array, limit = MAX_SQLITE_FILE_BYTES): Promise<SqliteCatalogRead> {
  if (bytes.byteLength > limit) throw tooLarge(bytes.byteLength, limit);
  if (!hasSqliteHeader(bytes)) throw new ImportError('this is not an SQLite 3 database: the file does not start with the header "SQLite format 3"');
  const dir = await mkdtemp(path.join(tmpdir(), 'draftbase-sqlite-'));
  try {
    const file = path.join(dir, 'upload.db');
    const copy = bytes.byteLength > 19 && (bytes[18] === 2 || bytes[19] === 2) ? withRollbackJournalHeader(bytes) : bytes;
    await writeFile(file, copy, { mode: 0o600 });
    return await readSqliteSchema(file, limit);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A WAL-mode database's header with read/write versions 1 (rollback journal): openable read-only alone. */
function withRollbackJournalHeader(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[18] = 1;
  copy[19] = 1;
  return copy;
}

