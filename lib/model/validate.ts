/**
 * Validation at every boundary: shape (zod), size (the document limits of lib/model/limits.ts) and
 * referential integrity (every id a document refers to exists). `parseDocument` is the only way
 * untrusted JSON becomes a SchemaDocument.
 */
import { DOCUMENT_VERSION, schemaDocumentShape, type SchemaDocument } from './document';
import { limitIssues } from './limits';

export interface DocumentIssue {
  /** Dotted path into the document, e.g. `tables.tbl_1.columns.2.name`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; document: SchemaDocument } | { ok: false; issues: DocumentIssue[] };

function joinPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.') || '(root)';
}

/** Parses and checks a document. Never throws on bad input. */
export function parseDocument(raw: unknown): ParseResult {
  if (raw && typeof raw === 'object' && 'version' in raw) {
    const version = (raw as { version: unknown }).version;
    if (typeof version === 'number' && version > DOCUMENT_VERSION) {
      return {
        ok: false,
        issues: [{ path: 'version', message: `this document has version ${version}, newer than this Draftbase reads (${DOCUMENT_VERSION}); upgrade Draftbase to open it` }],
      };
    }
  }
  const parsed = schemaDocumentShape.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.slice(0, 50).map((i) => ({ path: joinPath(i.path), message: i.message })) };
  }
  // Limits before integrity: what follows (and every generator) may assume a bounded document.
  const over = limitIssues(parsed.data);
  if (over.length) return { ok: false, issues: over };
  const issues = integrityIssues(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, document: parsed.data };
}

/** Like parseDocument but throws an Error listing the issues; for trusted call sites and tests. */
export function assertDocument(raw: unknown): SchemaDocument {
  const r = parseDocument(raw);
  if (!r.ok) throw new Error(`invalid document: ${formatIssues(r.issues)}`);
  return r.document;
}

export function formatIssues(issues: DocumentIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}

/** Referential integrity: ids used as keys match, and every reference points at something that exists. */
export function integrityIssues(doc: SchemaDocument): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const add = (path: string, message: string) => {
    if (issues.length < 100) issues.push({ path, message });
  };

  const collections = ['schemas', 'tables', 'relationships', 'enums', 'domains', 'views', 'extensions', 'sequences', 'areas', 'notes'] as const;
  for (const c of collections) {
    for (const [key, value] of Object.entries(doc[c])) {
      if (value.id !== key) add(`${c}.${key}.id`, `id "${value.id}" does not match its key "${key}"`);
    }
  }

  const schemaExists = (id: string | undefined, path: string) => {
    if (id !== undefined && !doc.schemas[id]) add(path, `unknown schema id "${id}"`);
  };

  // Column ids per table, for the relationships below (a scan per pair would be quadratic).
  const columnsOf = new Map<object, Set<string>>();
  for (const t of Object.values(doc.tables)) {
    const base = `tables.${t.id}`;
    schemaExists(t.schemaId, `${base}.schemaId`);
    const columnIds = new Set<string>();
    columnsOf.set(t, columnIds);
    t.columns.forEach((c, i) => {
      if (columnIds.has(c.id)) add(`${base}.columns.${i}.id`, `duplicate column id "${c.id}"`);
      columnIds.add(c.id);
      if (c.type.kind === 'enum' && !doc.enums[c.type.enumId]) add(`${base}.columns.${i}.type.enumId`, `unknown enum id "${c.type.enumId}"`);
      if (c.type.kind === 'domain' && !doc.domains[c.type.domainId]) add(`${base}.columns.${i}.type.domainId`, `unknown domain id "${c.type.domainId}"`);
      if (c.default.kind === 'sequence' && !doc.sequences[c.default.sequenceId]) add(`${base}.columns.${i}.default.sequenceId`, `unknown sequence id "${c.default.sequenceId}"`);
    });
    const col = (id: string, path: string) => {
      if (!columnIds.has(id)) add(path, `unknown column id "${id}" in table "${t.name}"`);
    };
    t.primaryKey?.columnIds.forEach((id, i) => col(id, `${base}.primaryKey.columnIds.${i}`));
    t.uniques.forEach((u, ui) => u.columnIds.forEach((id, i) => col(id, `${base}.uniques.${ui}.columnIds.${i}`)));
    t.indexes.forEach((ix, xi) => {
      ix.parts.forEach((p, i) => {
        if (p.kind === 'column') col(p.columnId, `${base}.indexes.${xi}.parts.${i}.columnId`);
      });
      ix.includeColumnIds?.forEach((id, i) => col(id, `${base}.indexes.${xi}.includeColumnIds.${i}`));
    });
    t.partitioning?.key.forEach((p, i) => {
      if (p.kind === 'column') col(p.columnId, `${base}.partitioning.key.${i}.columnId`);
    });
  }

  for (const r of Object.values(doc.relationships)) {
    const base = `relationships.${r.id}`;
    const from = doc.tables[r.fromTableId];
    const to = doc.tables[r.toTableId];
    if (!from) add(`${base}.fromTableId`, `unknown table id "${r.fromTableId}"`);
    if (!to) add(`${base}.toTableId`, `unknown table id "${r.toTableId}"`);
    if (!from || !to) continue;
    r.columnPairs.forEach((p, i) => {
      if (!columnsOf.get(from)?.has(p.fromColumnId)) add(`${base}.columnPairs.${i}.fromColumnId`, `unknown column id "${p.fromColumnId}" in table "${from.name}"`);
      if (!columnsOf.get(to)?.has(p.toColumnId)) add(`${base}.columnPairs.${i}.toColumnId`, `unknown column id "${p.toColumnId}" in table "${to.name}"`);
    });
  }

  for (const e of Object.values(doc.enums)) schemaExists(e.schemaId, `enums.${e.id}.schemaId`);
  for (const d of Object.values(doc.domains)) {
    schemaExists(d.schemaId, `domains.${d.id}.schemaId`);
    if (d.default.kind === 'sequence' && !doc.sequences[d.default.sequenceId]) add(`domains.${d.id}.default.sequenceId`, `unknown sequence id "${d.default.sequenceId}"`);
  }
  for (const x of Object.values(doc.extensions)) schemaExists(x.schemaId, `extensions.${x.id}.schemaId`);
  for (const s of Object.values(doc.sequences)) {
    schemaExists(s.schemaId, `sequences.${s.id}.schemaId`);
    if (!s.ownedBy) continue;
    const owner = doc.tables[s.ownedBy.tableId];
    if (!owner) add(`sequences.${s.id}.ownedBy.tableId`, `unknown table id "${s.ownedBy.tableId}"`);
    else if (!columnsOf.get(owner)?.has(s.ownedBy.columnId)) add(`sequences.${s.id}.ownedBy.columnId`, `unknown column id "${s.ownedBy.columnId}" in table "${owner.name}"`);
  }
  for (const [key, r] of Object.entries(doc.routines ?? {})) {
    const base = `routines.${key}`;
    if (r.id !== key) add(`${base}.id`, `id "${r.id}" does not match its key "${key}"`);
    schemaExists(r.schemaId, `${base}.schemaId`);
    if (r.tableId !== undefined && !doc.tables[r.tableId]) add(`${base}.tableId`, `unknown table id "${r.tableId}"`);
    if (r.kind === 'trigger' && r.tableId === undefined) add(`${base}.tableId`, `trigger "${r.name}" has no table`);
    if (r.kind !== 'trigger' && r.tableId !== undefined) add(`${base}.tableId`, `only a trigger has a table (${r.kind} "${r.name}")`);
  }
  for (const v of Object.values(doc.views)) schemaExists(v.schemaId, `views.${v.id}.schemaId`);
  for (const a of Object.values(doc.areas)) {
    a.tableIds.forEach((id, i) => {
      if (!doc.tables[id]) add(`areas.${a.id}.tableIds.${i}`, `unknown table id "${id}"`);
    });
  }
  return issues;
}
