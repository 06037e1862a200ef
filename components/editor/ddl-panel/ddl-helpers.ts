/**
 * The DDL panel's pure half: download file names, diagnostic summaries, and which element a
 * diagnostic points at (so clicking it selects that element on the canvas).
 */
import type { Diagnostic, Severity } from '@/lib/model/diagnostics';
import type { Dialect, SchemaDocument } from '@/lib/model/document';
import type { Selection } from '@/components/editor/store/editor-store';

/** `My Shop!` + postgres -> `my-shop.postgres.sql`; never empty, never a path. */
export function ddlFileName(projectName: string, dialect: Dialect): string {
  const base = projectName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'schema'}.${dialect}.sql`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; stable within a severity (generator order). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] || a.i - b.i)
    .map((x) => x.d);
}

/** The DDL panel's banner: `3 statements were commented out: MySQL would reject them; ...`. */
export function commentedOutSentence(count: number, target: string): string {
  const one = count === 1;
  return `${count} statement${one ? ' was' : 's were'} commented out: ${target} would reject ${one ? 'it' : 'them'}. The rest of the script applies; download or copy it as it is, and fix these:`;
}

/** "1 error, 2 warnings" (zero counts omitted), or "No diagnostics". */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  const parts = (['error', 'warning', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s === 'info' ? 'note' : s}${counts[s] === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'No diagnostics';
}

/** The selection that shows the element a diagnostic names, when it names one the inspector edits. */
export function selectionForEntity(doc: SchemaDocument, entityId: string | undefined): Selection | undefined {
  if (!entityId) return undefined;
  if (doc.tables[entityId]) return { kind: 'tables', tableIds: [entityId] };
  if (doc.relationships[entityId]) return { kind: 'relationship', relationshipId: entityId };
  if (doc.areas[entityId]) return { kind: 'area', areaId: entityId };
  if (doc.notes[entityId]) return { kind: 'note', noteId: entityId };
  for (const table of Object.values(doc.tables)) {
    if (table.columns.some((c) => c.id === entityId)) return { kind: 'column', tableId: table.id, columnId: entityId };
    if (table.indexes.some((ix) => ix.id === entityId)) return { kind: 'index', tableId: table.id, indexId: entityId };
    // Constraints and partitions are edited in their table's pane.
    if (table.uniques.some((u) => u.id === entityId) || table.checks.some((c) => c.id === entityId) || table.partitioning?.partitions.some((p) => p.id === entityId)) {
      return { kind: 'tables', tableIds: [table.id] };
    }
  }
  return undefined;
}

/**
 * The parts of a document the DDL generator reads. Layout (drags, viewport, colours), notes and the
 * design narrative never change DDL, so edits to them must not trigger a regeneration.
 */
const DDL_INPUT_KEYS = ['settings', 'schemas', 'tables', 'relationships', 'enums', 'domains', 'views', 'extensions', 'sequences', 'areas'] as const satisfies readonly (keyof SchemaDocument)[];

/**
 * True when the generator's inputs are the same objects (immer shares untouched subtrees, so identity
 * is a cheap and exact test).
 */
export function sameDdlInputs(a: SchemaDocument, b: SchemaDocument): boolean {
  return a === b || DDL_INPUT_KEYS.every((k) => a[k] === b[k]);
}

/** Above this many lines the DDL text is windowed (only visible lines are in the DOM). */
export const WINDOWING_THRESHOLD_LINES = 3000;

/**
 * The half-open line range [first, last) to render for a scroll position, with `overscan` extra
 * lines on each side so fast scrolling does not show blank space before React catches up.
 */
export function visibleWindow(scrollTop: number, viewportHeight: number, lineCount: number, lineHeight: number, overscan = 60): { first: number; last: number } {
  const top = Math.floor(Math.max(0, scrollTop) / lineHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / lineHeight) + 1;
  const first = Math.max(0, Math.min(top - overscan, lineCount));
  const last = Math.min(lineCount, top + inView + overscan);
  return { first, last: Math.max(first, last) };
}
