/**
 * The Logical Design section: per table its purpose (the table comment), the data dictionary,
 * its relationships with cardinality and actions, and its business rules (checks, uniques); then the
 * enums and domains. Every user value is escaped (tableCell / inlineCode / escapeText).
 */
import { isProtectedColumn } from '../model/classification';
import { escapeText, inlineCode, markdown, markdownTable } from '../markdown/escape';
import { columnTypeLabel } from '../mermaid/type-label';
import { indexName } from '../naming/derived-names';
import { cardinalityOf } from '../model/cardinality';
import type { CardinalityEnd, Column, DefaultValue, Dialect, Relationship, SchemaDocument, Table } from '../model/document';
import { displayName, DocumentIndex } from '../model/lookup';
import { sequenceDefaultLabel } from '../model/sequences';

const code = (text: string) => markdown(inlineCode(text, { inTable: true }));

export function defaultLabel(d: DefaultValue, doc?: SchemaDocument): string {
  switch (d.kind) {
    case 'none':
      return '';
    case 'literal':
      if (d.value === null) return 'NULL';
      return typeof d.value === 'string' ? `'${d.value.replace(/'/g, "''")}'` : String(d.value);
    case 'expression':
      return d.sql;
    case 'builtin':
      return d.name === 'uuid' ? 'generated UUID' : d.name.toUpperCase();
    case 'sequence':
      return doc ? sequenceDefaultLabel(doc, d.sequenceId) : 'nextval(...)';
    default: {
      const never: never = d;
      throw new Error(`unknown default ${JSON.stringify(never)}`);
    }
  }
}

const CARDINALITY_WORD: Record<CardinalityEnd, string> = {
  'zero-or-one': '0..1',
  'exactly-one': '1',
  'zero-or-many': '0..*',
  'one-or-many': '1..*',
};

/** `1 → 0..*` style: how many parents one child has, and how many children one parent has. */
export function cardinalityLabel(doc: SchemaDocument, r: Relationship, index?: DocumentIndex): string {
  const c = cardinalityOf(doc, r, index);
  return `${CARDINALITY_WORD[c.to]} to ${CARDINALITY_WORD[c.from]}`;
}

interface TableKeys {
  pk: Set<string>;
  fk: Set<string>;
  uk: Set<string>;
}

function keysOf(table: Table, outgoing: readonly Relationship[]): TableKeys {
  const pk = new Set(table.primaryKey?.columnIds ?? []);
  const fk = new Set(outgoing.flatMap((r) => r.columnPairs.map((p) => p.fromColumnId)));
  const uk = new Set(table.uniques.filter((u) => u.columnIds.length === 1).map((u) => u.columnIds[0]));
  for (const ix of table.indexes) {
    if (ix.unique && !ix.where && ix.parts.length === 1 && ix.parts[0].kind === 'column') uk.add(ix.parts[0].columnId);
  }
  return { pk, fk, uk };
}

function constraintsOf(column: Column): string {
  const out: string[] = [];
  if (column.identity) out.push(`identity (${column.identity.always ? 'always' : 'by default'})`);
  if (column.generated) out.push(`generated ${column.generated.stored ? 'stored' : 'virtual'}: ${column.generated.expression}`);
  if (column.onUpdateCurrentTimestamp) out.push('ON UPDATE CURRENT_TIMESTAMP');
  if (column.collation) out.push(`collation ${column.collation}`);
  if (isProtectedColumn(column)) out.push('sensitive');
  return out.join('; ');
}

function dataDictionary(doc: SchemaDocument, table: Table, dialect: Dialect, keys: TableKeys): string {
  const rows = table.columns.map((c) => {
    const key = [keys.pk.has(c.id) ? 'PK' : '', keys.fk.has(c.id) ? 'FK' : '', keys.uk.has(c.id) ? 'UK' : ''].filter(Boolean).join(', ');
    const dflt = defaultLabel(c.default, doc);
    return [code(c.name), code(columnTypeLabel(doc, c, dialect)), c.nullable ? 'yes' : 'no', dflt ? code(dflt) : '', key, constraintsOf(c), c.comment ?? ''];
  });
  return markdownTable(['Column', 'Type', 'Nullable', 'Default', 'Key', 'Constraints', 'Comment'], rows);
}

function relationshipRows(doc: SchemaDocument, rels: readonly Relationship[], index: DocumentIndex): (string | ReturnType<typeof markdown>)[][] {
  return rels.map((r) => {
    const child = doc.tables[r.fromTableId];
    const parent = doc.tables[r.toTableId];
    const from = `${displayName(doc, child)}(${r.columnPairs.map((p) => index.columnName(child, p.fromColumnId)).join(', ')})`;
    const to = `${displayName(doc, parent)}(${r.columnPairs.map((p) => index.columnName(parent, p.toColumnId)).join(', ')})`;
    return [
      code(from),
      code(to),
      cardinalityLabel(doc, r, index),
      r.onDelete.toUpperCase(),
      r.onUpdate.toUpperCase(),
      r.enforced ? (r.name ?? '') : 'not enforced (logical only)',
    ];
  });
}

function businessRules(table: Table, index: DocumentIndex): string[] {
  const out: string[] = [];
  // A check with no expression yet (just added in the editor) is not a rule.
  for (const ch of table.checks.filter((c) => c.expression.trim())) out.push(`- Check${ch.name ? ` ${inlineCode(ch.name)}` : ''}: ${inlineCode(ch.expression)}`);
  // A key without columns yet is no rule yet (the DDL panel reports it).
  for (const u of table.uniques) {
    if (!u.columnIds.length) continue;
    out.push(`- Unique${u.name ? ` ${inlineCode(u.name)}` : ''}: ${inlineCode(u.columnIds.map((id) => index.columnName(table, id)).join(', '))}${u.nullsNotDistinct ? ' (NULLS NOT DISTINCT)' : ''}`);
  }
  for (const ix of table.indexes) {
    if (!ix.unique || !ix.parts.length) continue;
    const parts = ix.parts.map((p) => (p.kind === 'column' ? index.columnName(table, p.columnId) : `(${p.sql})`)).join(', ');
    out.push(`- Unique index ${inlineCode(indexName(table, ix))}: ${inlineCode(parts)}${ix.where ? ` where ${inlineCode(ix.where)}` : ''}`);
  }
  return out;
}

export function logicalDesignSection(doc: SchemaDocument, dialect: Dialect): string {
  const tables = Object.values(doc.tables);
  if (tables.length === 0) return 'The model has no tables yet.';
  const outgoing = new Map<string, Relationship[]>();
  for (const r of Object.values(doc.relationships)) {
    if (!doc.tables[r.fromTableId] || !doc.tables[r.toTableId]) continue;
    const list = outgoing.get(r.fromTableId);
    if (list) list.push(r);
    else outgoing.set(r.fromTableId, [r]);
  }
  const blocks: string[] = [];
  // One table may hold thousands of keys and foreign keys: column names and key checks by lookup.
  const index = new DocumentIndex();
  for (const table of tables) {
    const rels = outgoing.get(table.id) ?? [];
    const lines: string[] = [`**Table ${inlineCode(displayName(doc, table))}**`, ''];
    if (table.comment?.trim()) lines.push(escapeText(table.comment), '');
    lines.push(dataDictionary(doc, table, dialect, keysOf(table, rels)), '');
    if (rels.length) {
      lines.push('Relationships:', '', markdownTable(['From', 'To', 'Cardinality (parent to child)', 'On delete', 'On update', 'Constraint'], relationshipRows(doc, rels, index)), '');
    }
    const rules = businessRules(table, index);
    if (rules.length) lines.push('Business rules:', '', ...rules, '');
    blocks.push(lines.join('\n').trimEnd());
  }
  const enums = Object.values(doc.enums);
  if (enums.length) {
    blocks.push(['**Enumerations**', '', markdownTable(['Enum', 'Values'], enums.map((e) => [code(displayName(doc, e)), markdown(e.values.map((val) => inlineCode(val, { inTable: true })).join(', '))]))].join('\n'));
  }
  const domains = Object.values(doc.domains);
  if (domains.length) {
    blocks.push(['**Domains**', '', markdownTable(['Domain', 'Type', 'Nullable', 'Checks'], domains.map((d) => [
      code(displayName(doc, d)),
      code(columnTypeLabel(doc, { id: d.id, name: d.name, type: d.type, nullable: d.nullable, default: d.default }, dialect)),
      d.nullable ? 'yes' : 'no',
      markdown(d.checks.filter((c) => c.expression.trim()).map((c) => inlineCode(c.expression, { inTable: true })).join('<br>')),
    ]))].join('\n'));
  }
  return blocks.join('\n\n');
}
