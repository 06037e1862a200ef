/**
 * Every SQL text a document holds, with what it belongs to: checks, partial-index predicates and
 * expression index parts, generated columns, expression defaults, partition key expressions, domain
 * checks and view bodies. One list for the diagnostics pass and for the rename rewrite, and the
 * commands that put rewritten texts back (grouped per element: one index.update for an index whose
 * predicate and parts both change).
 */
import type { Command } from '../model/commands/types';
import type { Column, Domain, Index, SchemaDocument, Table, View } from '../model/document';

export type ExpressionSite =
  | { kind: 'check'; table: Table; index: number; text: string }
  | { kind: 'index-where'; table: Table; ix: Index; text: string }
  | { kind: 'index-part'; table: Table; ix: Index; part: number; text: string }
  | { kind: 'generated'; table: Table; column: Column; text: string }
  | { kind: 'default'; table: Table; column: Column; text: string }
  | { kind: 'partition-key'; table: Table; part: number; text: string }
  | { kind: 'domain-check'; domain: Domain; index: number; text: string }
  | { kind: 'view'; view: View; text: string };

export function tableExpressionSites(table: Table): ExpressionSite[] {
  const out: ExpressionSite[] = [];
  table.checks.forEach((c, index) => out.push({ kind: 'check', table, index, text: c.expression }));
  for (const column of table.columns) {
    if (column.generated) out.push({ kind: 'generated', table, column, text: column.generated.expression });
    if (column.default.kind === 'expression') out.push({ kind: 'default', table, column, text: column.default.sql });
  }
  for (const ix of table.indexes) {
    ix.parts.forEach((p, part) => {
      if (p.kind === 'expression') out.push({ kind: 'index-part', table, ix, part, text: p.sql });
    });
    if (ix.where !== undefined) out.push({ kind: 'index-where', table, ix, text: ix.where });
  }
  table.partitioning?.key.forEach((k, part) => {
    if (k.kind === 'expression') out.push({ kind: 'partition-key', table, part, text: k.sql });
  });
  return out;
}

export function* expressionSites(doc: SchemaDocument): Generator<ExpressionSite> {
  for (const table of Object.values(doc.tables)) yield* tableExpressionSites(table);
  for (const domain of Object.values(doc.domains)) {
    for (let index = 0; index < domain.checks.length; index++) yield { kind: 'domain-check', domain, index, text: domain.checks[index].expression };
  }
  for (const view of Object.values(doc.views)) yield { kind: 'view', view, text: view.sql };
}

/** How a message names the site: `check "orders_qty" on orders`, `predicate of index "ix_open"`. */
export function describeSite(site: ExpressionSite): string {
  switch (site.kind) {
    case 'check': {
      const c = site.table.checks[site.index];
      return c.name ? `check "${c.name}" on ${site.table.name}` : `check ${site.index + 1} on ${site.table.name}`;
    }
    case 'index-where':
      return `predicate of index "${site.ix.name}" on ${site.table.name}`;
    case 'index-part':
      return `expression ${site.part + 1} of index "${site.ix.name}" on ${site.table.name}`;
    case 'generated':
      return `generated column ${site.table.name}.${site.column.name}`;
    case 'default':
      return `default of ${site.table.name}.${site.column.name}`;
    case 'partition-key':
      return `partition key expression of ${site.table.name}`;
    case 'domain-check': {
      const c = site.domain.checks[site.index];
      return c.name ? `check "${c.name}" of domain ${site.domain.name}` : `check ${site.index + 1} of domain ${site.domain.name}`;
    }
    case 'view':
      return `view ${site.view.name}`;
  }
}

/** The element a diagnostic names, and the document path of the text. */
export function siteLocation(site: ExpressionSite): { entityId: string; path: string } {
  switch (site.kind) {
    case 'check':
      return { entityId: site.table.checks[site.index].id, path: `tables.${site.table.id}.checks.${site.index}.expression` };
    case 'index-where':
      return { entityId: site.ix.id, path: `tables.${site.table.id}.indexes.${site.table.indexes.indexOf(site.ix)}.where` };
    case 'index-part':
      return { entityId: site.ix.id, path: `tables.${site.table.id}.indexes.${site.table.indexes.indexOf(site.ix)}.parts.${site.part}.sql` };
    case 'generated':
      return { entityId: site.column.id, path: `tables.${site.table.id}.columns.${site.table.columns.indexOf(site.column)}.generated.expression` };
    case 'default':
      return { entityId: site.column.id, path: `tables.${site.table.id}.columns.${site.table.columns.indexOf(site.column)}.default.sql` };
    case 'partition-key':
      return { entityId: site.table.id, path: `tables.${site.table.id}.partitioning.key.${site.part}.sql` };
    case 'domain-check':
      return { entityId: site.domain.checks[site.index].id, path: `domains.${site.domain.id}.checks.${site.index}.expression` };
    case 'view':
      return { entityId: site.view.id, path: `views.${site.view.id}.sql` };
  }
}

/** The commands that store `edits` (site -> new text), one per changed element. */
export function rewriteCommands(edits: ReadonlyMap<ExpressionSite, string>): Command[] {
  const commands: Command[] = [];
  type IndexEdit = { table: Table; where?: string; parts: Map<number, string> };
  const indexes = new Map<Index, IndexEdit>();
  const columns = new Map<Column, { table: Table; generated?: string; default?: string }>();
  const partitionKeys = new Map<Table, Map<number, string>>();
  const domains = new Map<Domain, Map<number, string>>();
  for (const [site, text] of edits) {
    switch (site.kind) {
      case 'check':
        commands.push({ type: 'check.update', tableId: site.table.id, checkId: site.table.checks[site.index].id, changes: { expression: text } });
        break;
      case 'index-where':
      case 'index-part': {
        const e: IndexEdit = indexes.get(site.ix) ?? { table: site.table, parts: new Map<number, string>() };
        if (site.kind === 'index-where') e.where = text;
        else e.parts.set(site.part, text);
        indexes.set(site.ix, e);
        break;
      }
      case 'generated':
      case 'default': {
        const e = columns.get(site.column) ?? { table: site.table };
        e[site.kind] = text;
        columns.set(site.column, e);
        break;
      }
      case 'partition-key': {
        const e = partitionKeys.get(site.table) ?? new Map<number, string>();
        partitionKeys.set(site.table, e.set(site.part, text));
        break;
      }
      case 'domain-check': {
        const e = domains.get(site.domain) ?? new Map<number, string>();
        domains.set(site.domain, e.set(site.index, text));
        break;
      }
      case 'view':
        commands.push({ type: 'view.update', viewId: site.view.id, changes: { sql: text } });
        break;
    }
  }
  for (const [ix, e] of indexes) {
    const changes: Partial<Omit<Index, 'id'>> = {};
    if (e.where !== undefined) changes.where = e.where;
    if (e.parts.size) changes.parts = ix.parts.map((p, i) => (p.kind === 'expression' && e.parts.has(i) ? { ...p, sql: e.parts.get(i)! } : p));
    commands.push({ type: 'index.update', tableId: e.table.id, indexId: ix.id, changes });
  }
  for (const [column, e] of columns) {
    const changes: Partial<Omit<Column, 'id'>> = {};
    if (e.generated !== undefined && column.generated) changes.generated = { ...column.generated, expression: e.generated };
    if (e.default !== undefined) changes.default = { kind: 'expression', sql: e.default };
    commands.push({ type: 'column.update', tableId: e.table.id, columnId: column.id, changes });
  }
  for (const [table, parts] of partitionKeys) {
    const p = table.partitioning!;
    commands.push({ type: 'table.update', tableId: table.id, changes: { partitioning: { ...p, key: p.key.map((k, i) => (k.kind === 'expression' && parts.has(i) ? { ...k, sql: parts.get(i)! } : k)) } } });
  }
  for (const [domain, checks] of domains) {
    commands.push({ type: 'domain.update', domainId: domain.id, changes: { checks: domain.checks.map((c, i) => (checks.has(i) ? { ...c, expression: checks.get(i)! } : c)) } });
  }
  return commands;
}
