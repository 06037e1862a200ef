/**
 * Mermaid erDiagram text from a schema document: one entity per table (alias = the exact name), one
 * attribute per column (single-token type and name, PK/FK/UK keys, the exact type, the real name when
 * it had to be changed, and the column comment in the attribute comment), one crow's-foot relationship
 * per foreign key with cardinality and optionality from cardinalityOf.
 *
 * Mermaid (and GitHub) refuses to render diagrams over 50,000 characters, so generateMermaidDiagrams
 * splits a large schema into an overview plus one diagram per area, each under a text budget.
 */
import type { CardinalityEnd, Dialect, Relationship, SchemaDocument, Table } from '../model/document';
import { cardinalityOf } from '../model/cardinality';
import { displayName, DocumentIndex } from '../model/lookup';
import { attributeWord, entityIdAllocator, mermaidQuoted } from './mermaid-text';
import { columnTypeLabel } from './type-label';

export interface MermaidOptions {
  /** Only the tables of this area (plus, without attributes, the tables they relate to outside it). */
  areaId?: string;
  /** Default true; false = tables and relationships only (an overview). */
  attributes?: boolean;
  /** Which dialect's native types to show; default the document's dialect. */
  dialect?: Dialect;
}

export interface MermaidDiagram {
  title: string;
  text: string;
}

/** Default text budget per diagram: mermaid's maxTextSize is 50,000 characters; keep a margin. */
export const DEFAULT_MERMAID_BUDGET = 45_000;

const HEADER = 'erDiagram';

/** Crow's-foot symbols: the parent (referenced) end is written left of the line, the child end right. */
const LEFT_SYMBOL: Record<CardinalityEnd, string> = {
  'zero-or-one': '|o',
  'exactly-one': '||',
  'zero-or-many': '}o',
  'one-or-many': '}|',
};
const RIGHT_SYMBOL: Record<CardinalityEnd, string> = {
  'zero-or-one': 'o|',
  'exactly-one': '||',
  'zero-or-many': 'o{',
  'one-or-many': '|{',
};

/** Everything about a document the renderer needs, computed once (O(size of the document)). */
interface DiagramContext {
  doc: SchemaDocument;
  dialect: Dialect;
  entityIds: Map<string, string>;
  relationshipsByTable: Map<string, Relationship[]>;
  /** Rendered pieces, reused when a split renders the same table or relationship several times. */
  entityCache: Map<string, string>;
  relationshipCache: Map<string, string>;
  index: DocumentIndex;
}

function contextOf(doc: SchemaDocument, dialect: Dialect = doc.settings.dialect): DiagramContext {
  const allocate = entityIdAllocator();
  const entityIds = new Map<string, string>();
  const relationshipsByTable = new Map<string, Relationship[]>();
  for (const t of Object.values(doc.tables)) {
    entityIds.set(t.id, allocate(displayName(doc, t)));
    relationshipsByTable.set(t.id, []);
  }
  for (const r of Object.values(doc.relationships)) {
    relationshipsByTable.get(r.fromTableId)?.push(r);
    if (r.toTableId !== r.fromTableId) relationshipsByTable.get(r.toTableId)?.push(r);
  }
  return { doc, dialect, entityIds, relationshipsByTable, entityCache: new Map(), relationshipCache: new Map(), index: new DocumentIndex() };
}

/** The column ids of a table that are covered by a unique constraint or a full unique index. */
function uniqueColumnIds(table: Table): Set<string> {
  const ids = new Set<string>();
  for (const u of table.uniques) u.columnIds.forEach((id) => ids.add(id));
  for (const ix of table.indexes) {
    if (!ix.unique || ix.where) continue;
    for (const p of ix.parts) if (p.kind === 'column') ids.add(p.columnId);
  }
  return ids;
}

function entityBlock(ctx: DiagramContext, table: Table, attributes: boolean): string {
  const key = `${attributes ? 'a' : 'b'}${table.id}`;
  let block = ctx.entityCache.get(key);
  if (block === undefined) {
    block = renderEntityBlock(ctx, table, attributes);
    ctx.entityCache.set(key, block);
  }
  return block;
}

function renderEntityBlock(ctx: DiagramContext, table: Table, attributes: boolean): string {
  const id = ctx.entityIds.get(table.id)!;
  const head = `  ${id}[${mermaidQuoted(displayName(ctx.doc, table))}]`;
  if (!attributes || table.columns.length === 0) return head;

  const pk = new Set(table.primaryKey?.columnIds ?? []);
  const fk = new Set<string>();
  for (const r of ctx.relationshipsByTable.get(table.id) ?? []) {
    if (r.fromTableId === table.id) r.columnPairs.forEach((p) => fk.add(p.fromColumnId));
  }
  const uk = uniqueColumnIds(table);

  const lines = [`${head} {`];
  for (const column of table.columns) {
    const typeLabel = columnTypeLabel(ctx.doc, column, ctx.dialect);
    const typeWord = attributeWord(typeLabel, 'type');
    const nameWord = attributeWord(column.name, 'column');
    const keys = [pk.has(column.id) && 'PK', fk.has(column.id) && 'FK', uk.has(column.id) && 'UK'].filter(Boolean).join(', ');
    // The comment carries what the single tokens could not: the real name and the exact type.
    const notes = [
      nameWord !== column.name ? `column ${column.name}` : '',
      typeWord !== typeLabel ? typeLabel : '',
      column.comment?.trim() ?? '',
    ].filter((s) => s !== '');
    let line = `    ${typeWord} ${nameWord}`;
    if (keys) line += ` ${keys}`;
    if (notes.length) line += ` ${mermaidQuoted(notes.join('; '))}`;
    lines.push(line);
  }
  lines.push('  }');
  return lines.join('\n');
}

function relationshipLine(ctx: DiagramContext, rel: Relationship): string {
  let line = ctx.relationshipCache.get(rel.id);
  if (line === undefined) {
    line = renderRelationshipLine(ctx, rel);
    ctx.relationshipCache.set(rel.id, line);
  }
  return line;
}

function renderRelationshipLine(ctx: DiagramContext, rel: Relationship): string {
  const child = ctx.doc.tables[rel.fromTableId];
  const card = cardinalityOf(ctx.doc, rel, ctx.index);
  const pk = new Set(child?.primaryKey?.columnIds ?? []);
  // Identifying (solid line) when the foreign key is part of the child's primary key.
  const identifying = rel.columnPairs.every((p) => pk.has(p.fromColumnId));
  const columns = rel.columnPairs.map((p) => (child ? ctx.index.columnName(child, p.fromColumnId) : p.fromColumnId));
  const label = rel.columnPairs.length > 1 ? `(${columns.join(', ')})` : columns[0];
  const parentId = ctx.entityIds.get(rel.toTableId)!;
  const childId = ctx.entityIds.get(rel.fromTableId)!;
  return `  ${parentId} ${LEFT_SYMBOL[card.to]}${identifying ? '--' : '..'}${RIGHT_SYMBOL[card.from]} ${childId} : ${mermaidQuoted(label)}`;
}

/**
 * The diagram of the given tables. Relationships with both ends among them are drawn; with
 * `withNeighbours`, relationships to tables outside the set are drawn too, those tables declared
 * without attributes so the reader sees where the area connects.
 */
function renderTables(ctx: DiagramContext, tableIds: readonly string[], attributes: boolean, withNeighbours: boolean): string {
  const inSet = new Set(tableIds);
  const parts = [HEADER];
  const neighbours: string[] = [];
  const neighbourSet = new Set<string>();
  const rels: Relationship[] = [];
  const seenRels = new Set<string>();
  for (const id of tableIds) {
    const table = ctx.doc.tables[id];
    if (!table) continue;
    parts.push(entityBlock(ctx, table, attributes));
    for (const r of ctx.relationshipsByTable.get(id) ?? []) {
      if (seenRels.has(r.id)) continue;
      const other = r.fromTableId === id ? r.toTableId : r.fromTableId;
      if (!inSet.has(other)) {
        if (!withNeighbours) continue;
        if (!neighbourSet.has(other)) {
          neighbourSet.add(other);
          neighbours.push(other);
        }
      }
      seenRels.add(r.id);
      rels.push(r);
    }
  }
  for (const id of neighbours) parts.push(entityBlock(ctx, ctx.doc.tables[id], false));
  for (const r of rels) parts.push(relationshipLine(ctx, r));
  return parts.join('\n') + '\n';
}

function tablesOfArea(doc: SchemaDocument, areaId: string): string[] {
  const area = doc.areas[areaId];
  if (!area) throw new Error(`unknown area id "${areaId}"`);
  return area.tableIds.filter((id) => doc.tables[id]);
}

export function generateMermaid(doc: SchemaDocument, options: MermaidOptions = {}): string {
  const ctx = contextOf(doc, options.dialect);
  const attributes = options.attributes ?? true;
  if (options.areaId !== undefined) return renderTables(ctx, tablesOfArea(doc, options.areaId), attributes, true);
  return renderTables(ctx, Object.keys(doc.tables), attributes, false);
}

/**
 * Splits `tableIds` into consecutive chunks whose diagrams each fit `budget`. The cost of a table is
 * an upper bound of what it adds (its entity block, its relationship lines, and a bare declaration of
 * every neighbour), so every rendered chunk is within budget. A table too big on its own goes alone
 * and is rendered without attributes.
 */
function chunkByBudget(ctx: DiagramContext, tableIds: readonly string[], attributes: boolean, budget: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let used = HEADER.length + 1;
  for (const id of tableIds) {
    const table = ctx.doc.tables[id];
    let cost = entityBlock(ctx, table, attributes).length + 1;
    for (const r of ctx.relationshipsByTable.get(id) ?? []) {
      const other = r.fromTableId === id ? r.toTableId : r.fromTableId;
      cost += relationshipLine(ctx, r).length + 1 + entityBlock(ctx, ctx.doc.tables[other], false).length + 1;
    }
    if (current.length > 0 && used + cost > budget) {
      chunks.push(current);
      current = [];
      used = HEADER.length + 1;
    }
    current.push(id);
    used += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Diagrams for the given tables under `title`, split into numbered parts when over budget. */
function diagramsFor(ctx: DiagramContext, title: string, tableIds: readonly string[], attributes: boolean, budget: number): MermaidDiagram[] {
  const whole = renderTables(ctx, tableIds, attributes, true);
  if (whole.length <= budget) return [{ title, text: whole }];
  const chunks = chunkByBudget(ctx, tableIds, attributes, budget);
  return chunks.map((chunk, i) => {
    let text = renderTables(ctx, chunk, attributes, true);
    // One table alone over budget (hundreds of columns): show it without attributes rather than
    // produce a diagram mermaid refuses to render.
    if (text.length > budget && attributes) text = renderTables(ctx, chunk, false, true);
    return { title: `${title} (part ${i + 1} of ${chunks.length})`, text };
  });
}

/**
 * One diagram when the whole schema fits the budget; else an overview (tables and relationships
 * only, itself in parts if needed), one diagram per area, and one for the tables in no area, each
 * split further when still over budget.
 */
export function generateMermaidDiagrams(
  doc: SchemaDocument,
  options: { budget?: number; dialect?: Dialect } = {},
): MermaidDiagram[] {
  const budget = options.budget ?? DEFAULT_MERMAID_BUDGET;
  const ctx = contextOf(doc, options.dialect);
  const allIds = Object.keys(doc.tables);
  const full = renderTables(ctx, allIds, true, false);
  if (full.length <= budget) return [{ title: 'Entity-relationship diagram', text: full }];

  const diagrams: MermaidDiagram[] = [];
  const overview = renderTables(ctx, allIds, false, false);
  if (overview.length <= budget) diagrams.push({ title: 'Overview', text: overview });
  else diagrams.push(...diagramsFor(ctx, 'Overview', allIds, false, budget));

  const inSomeArea = new Set<string>();
  for (const area of Object.values(doc.areas)) {
    const ids = tablesOfArea(doc, area.id);
    ids.forEach((id) => inSomeArea.add(id));
    if (ids.length > 0) diagrams.push(...diagramsFor(ctx, `Area: ${area.name}`, ids, true, budget));
  }
  const rest = allIds.filter((id) => !inSomeArea.has(id));
  if (rest.length > 0) {
    const title = inSomeArea.size > 0 ? 'Tables in no area' : 'Tables';
    diagrams.push(...diagramsFor(ctx, title, rest, true, budget));
  }
  return diagrams;
}
