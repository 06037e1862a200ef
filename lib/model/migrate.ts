/**
 * Upgrades documents written by older Draftbase versions, one version step at a time, before
 * `parseDocument` checks them. Only version 1 exists so far, so the list of steps is empty and a v1
 * document passes through untouched; the structure is here so that the first schema change only has
 * to add a step (and a test with a stored document of the old version).
 *
 * Documents newer than this build are left alone: `parseDocument` rejects them with a message that
 * says to upgrade Draftbase. Steps never mutate their input.
 */
import { DOCUMENT_VERSION } from './document';
import { parseDocument, type DocumentIssue, type ParseResult } from './validate';

export interface MigrationStep {
  /** The version this step reads; it returns a document of version `from + 1`. */
  from: number;
  /** What changed, for the load report. */
  description: string;
  migrate(raw: Record<string, unknown>): Record<string, unknown>;
}

/** Steps in order of `from`. Empty: version 1 is the first document version. */
export const MIGRATION_STEPS: readonly MigrationStep[] = [];

export type MigrateResult =
  | { ok: true; document: unknown; fromVersion: number | undefined; applied: string[] }
  | { ok: false; issues: DocumentIssue[] };

function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/**
 * Brings `raw` up to DOCUMENT_VERSION. Anything that is not an older, known version is returned as
 * is, for parseDocument to judge (it names the exact problem: missing version, newer version...).
 */
export function migrateDocument(raw: unknown, steps: readonly MigrationStep[] = MIGRATION_STEPS, target = DOCUMENT_VERSION): MigrateResult {
  if (!isRecord(raw) || typeof raw.version !== 'number' || raw.version >= target) {
    return { ok: true, document: raw, fromVersion: isRecord(raw) && typeof raw.version === 'number' ? raw.version : undefined, applied: [] };
  }
  const fromVersion = raw.version;
  let doc: Record<string, unknown> = structuredClone(raw);
  const applied: string[] = [];
  for (let v = fromVersion; v < target; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) {
      return { ok: false, issues: [{ path: 'version', message: `documents of version ${v} cannot be upgraded: this Draftbase reads versions ${steps[0]?.from ?? target} to ${target}` }] };
    }
    doc = step.migrate(doc);
    if (doc.version !== v + 1) {
      return { ok: false, issues: [{ path: 'version', message: `upgrade step from version ${v} produced version ${String(doc.version)} instead of ${v + 1}` }] };
    }
    applied.push(`version ${v} -> ${v + 1}: ${step.description}`);
  }
  return { ok: true, document: doc, fromVersion, applied };
}

/** The load path for stored or imported JSON: upgrade, then parse and check integrity. */
export function loadDocument(raw: unknown, steps: readonly MigrationStep[] = MIGRATION_STEPS): ParseResult {
  const migrated = migrateDocument(raw, steps);
  return migrated.ok ? parseDocument(migrated.document) : migrated;
}
