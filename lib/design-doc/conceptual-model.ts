/**
 * The Conceptual Model section (issue 16): entities and their relationships with cardinality — no
 * columns, no types (the physical ERD sits under Physical Implementation). Join tables — a table that
 * only links two others (its foreign keys together unique, nothing else but a surrogate id and
 * timestamps, nothing referencing it) — fold into one many-to-many relationship, as a conceptual
 * model draws them. Entities are grouped by area in a table beside the diagram; a schema whose
 * diagram would pass mermaid's budget gets one diagram per area instead.
 */
import { escapeInline, inlineCode, markdown, markdownTable } from '../markdown/escape';
import { DEFAULT_MERMAID_BUDGET } from '../mermaid/generate-mermaid';
import { entityIdAllocator, mermaidQuoted } from '../mermaid/mermaid-text';
import { cardinalityOf } from '../model/cardinality';
import type { CardinalityEnd, Relationship, SchemaDocument, Table } from '../model/document';
import { displayName, isUniqueColumnSet } from '../model/lookup';
import { plural } from './facts';
import { fencedBlock } from './fence';

const LEFT: Record<CardinalityEnd, string> = { 'zero-or-one': '|o', 'exactly-one': '||', 'zero-or-many': '}o', 'one-or-many': '}|' };
const RIGHT: Record<CardinalityEnd, string> = { 'zero-or-one': 'o|', 'exactly-one': '||', 'zero-or-many': 'o{', 'one-or-many': '|{' };

/** Bookkeeping columns a join table may carry besides its two foreign keys. */
const BOOKKEEPING = /^(id|created(_at|_on|at)?|updated(_at|_on|at)?|inserted_at|modified(_at)?|last_update|assigned_at|added_at)$/i;

export interface JoinTable {
  tableId: string;
  /** The two linked tables (the same one twice for a self many-to-many). */
  leftTableId: string;
  rightTableId: string;
}

/** Join tables of the document, by table id. */
export function joinTables(doc: SchemaDocument): Map<string, JoinTable> {
  const outgoing = new Map<string, Relationship[]>();
  const referenced = new Set<string>();
  for (const r of Object.values(doc.relationships)) {
    let list = outgoing.get(r.fromTableId);
    if (!list) outgoing.set(r.fromTableId, (list = []));
    list.push(r);
    referenced.add(r.toTableId);
  }
  const out = new Map<string, JoinTable>();
  for (const t of Object.values(doc.tables)) {
    const rels = outgoing.get(t.id) ?? [];
    if (rels.length !== 2 || referenced.has(t.id)) continue;
    if (rels.some((r) => r.toTableId === t.id || !doc.tables[r.toTableId])) continue;
    const fkColumns = new Set(rels.flatMap((r) => r.columnPairs.map((p) => p.fromColumnId)));
    if (!t.columns.every((c) => fkColumns.has(c.id) || BOOKKEEPING.test(c.name))) continue;
    if (!isUniqueColumnSet(t, [...fkColumns])) continue;
    out.set(t.id, { tableId: t.id, leftTableId: rels[0].toTableId, rightTableId: rels[1].toTableId });
  }
  return out;
}

interface Drawn {
  entities: Table[];
  lines: string[];
}

function draw(doc: SchemaDocument, tableIds: ReadonlySet<string>, joins: Map<string, JoinTable>): string {
  const allocate = entityIdAllocator();
  const ids = new Map<string, string>();
  const idOf = (t: Table) => {
    let id = ids.get(t.id);
    if (!id) ids.set(t.id, (id = allocate(displayName(doc, t))));
    return id;
  };
  const drawn: Drawn = { entities: [], lines: [] };
  const declared = new Set<string>();
  const declare = (t: Table) => {
    if (declared.has(t.id)) return;
    declared.add(t.id);
    drawn.entities.push(t);
  };
  for (const id of tableIds) if (!joins.has(id)) declare(doc.tables[id]);
  for (const r of Object.values(doc.relationships)) {
    if (joins.has(r.fromTableId)) continue;
    if (!tableIds.has(r.fromTableId) && !tableIds.has(r.toTableId)) continue;
    const parent = doc.tables[r.toTableId];
    const child = doc.tables[r.fromTableId];
    if (!parent || !child) continue;
    declare(parent);
    declare(child);
    const card = cardinalityOf(doc, r);
    drawn.lines.push(`  ${idOf(parent)} ${LEFT[card.to]}--${RIGHT[card.from]} ${idOf(child)} : ${mermaidQuoted('has')}`);
  }
  for (const j of joins.values()) {
    if (!tableIds.has(j.tableId) && !tableIds.has(j.leftTableId) && !tableIds.has(j.rightTableId)) continue;
    const left = doc.tables[j.leftTableId];
    const right = doc.tables[j.rightTableId];
    declare(left);
    declare(right);
    drawn.lines.push(`  ${idOf(left)} }o--o{ ${idOf(right)} : ${mermaidQuoted(`via ${displayName(doc, doc.tables[j.tableId])}`)}`);
  }
  const entityLines = drawn.entities.map((t) => `  ${idOf(t)}[${mermaidQuoted(displayName(doc, t))}]`);
  return ['erDiagram', ...entityLines, ...drawn.lines].join('\n') + '\n';
}

function groups(doc: SchemaDocument, joins: Map<string, JoinTable>): { name: string; tableIds: string[] }[] {
  const placed = new Set<string>();
  const out: { name: string; tableIds: string[] }[] = [];
  for (const a of Object.values(doc.areas)) {
    const ids = a.tableIds.filter((id) => doc.tables[id] && !joins.has(id) && !placed.has(id));
    ids.forEach((id) => placed.add(id));
    if (ids.length) out.push({ name: a.name, tableIds: ids });
  }
  const rest = Object.keys(doc.tables).filter((id) => !placed.has(id) && !joins.has(id));
  if (rest.length) out.push({ name: out.length ? 'Other entities' : 'Entities', tableIds: rest });
  return out;
}

export function conceptualModelSection(doc: SchemaDocument, budget = DEFAULT_MERMAID_BUDGET): string {
  if (Object.keys(doc.tables).length === 0) return 'The model has no tables yet.';
  const joins = joinTables(doc);
  const grouped = groups(doc, joins);
  const parts: string[] = [];
  const whole = draw(doc, new Set(Object.keys(doc.tables)), joins);
  if (whole.length <= budget) {
    parts.push(fencedBlock('mermaid', whole));
  } else {
    parts.push(`The conceptual diagram is too large for one mermaid diagram (GitHub refuses over 50,000 characters): one diagram per group below, with the entities each one links to.`);
    for (const g of grouped) {
      const text = draw(doc, new Set(g.tableIds), joins);
      parts.push(text.length <= budget ? `**${escapeInline(g.name)}**\n\n${fencedBlock('mermaid', text)}` : `**${escapeInline(g.name)}**: ${plural(g.tableIds.length, 'entity', 'entities')}, too many to draw in one diagram; see the table below.`);
    }
  }
  parts.push(markdownTable(['Group', 'Entities'], grouped.map((g) => [g.name, markdown(g.tableIds.map((id) => inlineCode(displayName(doc, doc.tables[id]), { inTable: true })).join(', '))])));
  if (joins.size) {
    const list = [...joins.values()].map((j) => `${inlineCode(displayName(doc, doc.tables[j.tableId]))} (${inlineCode(displayName(doc, doc.tables[j.leftTableId]))} ↔ ${inlineCode(displayName(doc, doc.tables[j.rightTableId]))})`);
    parts.push(`Many-to-many relationships implemented by join tables: ${list.join(', ')}.`);
  }
  parts.push('Cardinality: `||` exactly one, `|o` zero or one, `}o` zero or many, `}|` one or many. Columns, types and keys are in the physical diagram under [Physical Implementation](#physical-implementation).');
  return parts.join('\n\n');
}
