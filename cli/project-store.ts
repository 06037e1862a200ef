/**
 * Reading a stored project or one of its named versions from the app's database (DATABASE_URL, as
 * the app reads it: SQLite by default, or PostgreSQL), for `draftbase diff project:<id>@<version>`.
 * lib/server modules are marked `server-only`; a resolve hook (server-only-hook.mjs) lets the CLI
 * load them outside Next. The JSON read goes through loadDocument like every other document.
 */
import { existsSync } from 'node:fs';
import { register } from 'node:module';

export interface StoredDocument {
  /** The stored JSON (not yet through the gate). */
  documentJson: string;
  /** `Shop` or `Shop @ release 1`. */
  label: string;
}

let hooked = false;

/** The project's current document (no version) or a named version's; undefined when either is unknown. */
export async function readStoredDocument(projectId: string, versionId: string | undefined): Promise<StoredDocument | undefined> {
  if (!hooked) {
    register('./server-only-hook.mjs', import.meta.url);
    hooked = true;
  }
  const { openDatabase } = await import('../lib/server/db/client');
  const { describeDatabase, resolveDatabaseConfig } = await import('../lib/server/db/config');
  const { getProject, getVersion } = await import('../lib/server/projects/repository');
  const config = resolveDatabaseConfig(process.env.DATABASE_URL);
  // Never create or migrate a database only to read from it.
  if (config.provider === 'sqlite' && !existsSync(config.path)) throw new Error(`no Draftbase database at ${describeDatabase(config)} (set DATABASE_URL to the app's database)`);
  const opened = await openDatabase(config, { migrate: false });
  try {
    const db = opened.tables;
    const project = await getProject(db, projectId);
    if (!project) return undefined;
    if (versionId === undefined) return { documentJson: project.documentJson, label: project.name };
    const version = await getVersion(db, projectId, versionId);
    return version ? { documentJson: version.documentJson, label: `${project.name} @ ${version.name}` } : undefined;
  } finally {
    await opened.close();
  }
}
