/**
 * Performance: shapes that cost on every row, whatever the queries: very wide tables, and random keys
 * where the engine stores rows in key order.
 */
import { numberOption } from '../options';
import type { RawFinding, Rule } from '../types';

const wideTable: Rule = {
  id: 'wide-table',
  title: 'Very wide table',
  category: 'performance',
  defaultSeverity: 'warning',
  rationale: 'A table with many columns is usually several entities in one: rows are large, every read fetches what it does not need, and many columns end up mostly NULL.',
  suggestion: 'Split rarely used or optional groups of columns into tables of their own (one-to-one), or into a document column.',
  options: { max: { type: 'number', default: 40, min: 1, description: 'Most columns a table may have.' } },
  sources: ['tbls lint columnCount', 'Azimutt analyze entity-too-large'],
  check: (ctx) => {
    const max = numberOption(ctx, 'max');
    return ctx.model.tables
      .filter((t) => t.columns.length > max)
      .map((t) => ({ target: { kind: 'table' as const, tableId: t.id }, key: `wide-table:${t.id}`, message: `${ctx.model.tableLabel(t)} has ${t.columns.length} columns; the project allows ${max}` }));
  },
};

const randomUuidKey: Rule = {
  id: 'random-uuid-primary-key',
  title: 'Random UUID primary key on a clustered table',
  category: 'performance',
  defaultSeverity: 'info',
  rationale:
    'InnoDB stores rows in primary key order: random (version 4) UUIDs insert all over the table, splitting pages and defeating the buffer pool, and every secondary index repeats the 16-36 byte key.',
  suggestion: 'Use an auto-increment bigint key (keep the UUID as a unique column for external use), or time-ordered UUIDs (v7).',
  sources: ['MySQL manual: clustered and secondary indexes', 'Percona: "UUIDs are popular, but bad for performance"'],
  check: ({ model }) => {
    if (!model.caps.clusteredPrimaryKey) return [];
    const out: RawFinding[] = [];
    for (const t of model.tables) {
      if (t.primaryKey?.columnIds.length !== 1) continue;
      const c = model.column(t, t.primaryKey.columnIds[0]);
      if (!c) continue;
      const randomDefault = (c.default.kind === 'builtin' && c.default.name === 'uuid') || (c.default.kind === 'expression' && /uuid\s*\(/i.test(c.default.sql));
      if (!randomDefault) continue;
      out.push({ target: { kind: 'column', tableId: t.id, columnId: c.id }, key: `random-uuid-primary-key:${t.id}`, message: `${model.columnLabel(t, c)} is a random UUID primary key: InnoDB stores the rows of ${model.tableLabel(t)} in key order, so inserts land all over the table` });
    }
    return out;
  },
};

export const performanceRules: Rule[] = [wideTable, randomUuidKey];
