/**
 * The one gate from JSON to a document: `loadDocument` upgrades documents written by older Draftbase
 * versions one version step at a time, then `parseDocument` checks shape, limits and references.
 * Every boundary (stored projects, API bodies, the CLI, JSON import, paste, `document.replace`) calls
 * it; ESLint forbids `parseDocument` outside lib/model.
 *
 * Documents newer than this build are left alone: `parseDocument` rejects them with a message that
 * says to upgrade Draftbase. Steps never mutate their input.
 */
import { designFingerprint } from './design-fingerprint';
import { DOCUMENT_VERSION, type SchemaDocument } from './document';
import { numericQueryPattern, numericRequirements } from './migrate-requirements';
import { parseDocument, type DocumentIssue, type ParseResult } from './validate';

export interface MigrationStep {
  /** The version this step reads; it returns a document of version `from + 1`. */
  from: number;
  /** What changed, for the load report. */
  description: string;
  migrate(raw: Record<string, unknown>): Record<string, unknown>;
}

function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** Maps every column of every table record through `f` (tables or columns that are not records pass through). */
function mapColumns(doc: Record<string, unknown>, f: (column: Record<string, unknown>) => Record<string, unknown>): Record<string, unknown> {
  if (!isRecord(doc.tables)) return doc;
  const tables: Record<string, unknown> = {};
  for (const [id, table] of Object.entries(doc.tables)) {
    tables[id] = isRecord(table) && Array.isArray(table.columns)
      ? { ...table, columns: table.columns.map((c: unknown) => (isRecord(c) ? f(c) : c)) }
      : table;
  }
  return { ...doc, tables };
}

/** Steps in order of `from`. */
export const MIGRATION_STEPS: readonly MigrationStep[] = [
  {
    from: 1,
    description: 'columns marked "sensitive" are classified "confidential" (the classification has five levels now)',
    migrate: (doc) => ({
      ...mapColumns(doc, ({ sensitive, ...column }) => (sensitive === true ? { ...column, classification: 'confidential' } : column)),
      version: 2,
    }),
  },
  {
    from: 2,
    description: 'the document has extensions and sequences (none yet); serial columns stay identity columns until re-imported',
    migrate: (doc) => ({ ...doc, extensions: {}, sequences: {}, version: 3 }),
  },
  {
    from: 3,
    description: 'requirements and query patterns hold numbers with units (sizes, p99 ms, per second, minutes, reads per write, connections); text that does not parse is kept as a note',
    migrate: (doc) => ({ ...doc, design: mapDesign(doc.design), version: 4 }),
  },
];

/** The design part of a version-3 document with its free-text figures read as numbers (migrate-requirements.ts). */
function mapDesign(design: unknown): unknown {
  if (!isRecord(design)) return design;
  return {
    ...design,
    ...(isRecord(design.requirements) ? { requirements: numericRequirements(design.requirements) } : {}),
    ...(Array.isArray(design.queryPatterns) ? { queryPatterns: design.queryPatterns.map((q: unknown) => (isRecord(q) ? numericQueryPattern(q) : q)) } : {}),
  };
}

export type MigrateResult =
  | { ok: true; document: unknown; fromVersion: number | undefined; applied: string[] }
  | { ok: false; issues: DocumentIssue[] };

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
    const approved = approvalMatches(doc);
    doc = step.migrate(doc);
    if (doc.version !== v + 1) {
      return { ok: false, issues: [{ path: 'version', message: `upgrade step from version ${v} produced version ${String(doc.version)} instead of ${v + 1}` }] };
    }
    if (approved) doc = withApprovalFingerprint(doc);
    applied.push(`version ${v} -> ${v + 1}: ${step.description}`);
  }
  return { ok: true, document: doc, fromVersion, applied };
}

/** The approval record of a raw document, when it has one. */
function approvalOf(doc: Record<string, unknown>): Record<string, unknown> | undefined {
  const g = doc.governance;
  return isRecord(g) && isRecord(g.approval) ? g.approval : undefined;
}

/**
 * An upgrade is not a design change: an approval that matched the design before a step (its
 * fingerprint covers the version and the shape of every field) is carried over to the upgraded
 * document, or every stored sign-off would go stale on the first load by a newer build.
 */
function approvalMatches(doc: Record<string, unknown>): boolean {
  const approval = approvalOf(doc);
  return approval !== undefined && approval.fingerprint === designFingerprint(doc as SchemaDocument);
}

function withApprovalFingerprint(doc: Record<string, unknown>): Record<string, unknown> {
  const g = doc.governance as Record<string, unknown>;
  return { ...doc, governance: { ...g, approval: { ...approvalOf(doc), fingerprint: designFingerprint(doc as SchemaDocument) } } };
}

/** The load path for stored or imported JSON: upgrade, then parse and check shape, limits and integrity. */
export function loadDocument(raw: unknown, steps: readonly MigrationStep[] = MIGRATION_STEPS): ParseResult {
  const migrated = migrateDocument(raw, steps);
  return migrated.ok ? parseDocument(migrated.document) : migrated;
}

/** The version a stored document's text declares, read without parsing it (documents are written with
 * `format` and `version` first); undefined when the text does not start that way. */
export function storedVersionOf(text: string): number | undefined {
  const m = /^\s*\{\s*"format"\s*:\s*"draftbase"\s*,\s*"version"\s*:\s*(\d{1,6})\s*[,}]/.exec(text.slice(0, 200));
  return m ? Number(m[1]) : undefined;
}

/** True when stored text is already at this build's version, so it can be served as is. */
export function isCurrentDocumentText(text: string): boolean {
  return storedVersionOf(text) === DOCUMENT_VERSION;
}

/**
 * Tables copied out of a document of `fromVersion` (the clipboard, which another tab running an older
 * build may have written), brought up to this build's version by the same steps as whole documents.
 * The caller still validates the result with the document's zod schemas.
 */
export function upgradeTableRecords(tables: unknown[], fromVersion: number): unknown[] | undefined {
  if (fromVersion > DOCUMENT_VERSION) return undefined;
  const skeleton = { format: 'draftbase', version: fromVersion, tables: Object.fromEntries(tables.map((t, i) => [`t${i}`, t])) };
  const migrated = migrateDocument(skeleton);
  if (!migrated.ok || !isRecord(migrated.document) || !isRecord(migrated.document.tables)) return undefined;
  return Object.values(migrated.document.tables);
}
