/**
 * Partitioning. PostgreSQL: `PARTITION BY ...` on the parent plus one `CREATE TABLE ... PARTITION OF`
 * per partition. MySQL: one `PARTITION BY ... (PARTITION p VALUES ...)` clause on the table; RANGE
 * uses only the upper bounds, DEFAULT partitions become MAXVALUE (range) or need MariaDB (list).
 */
import type { Column, PartitionBound, Partitioning, Table } from '../model/document';
import type { DdlContext } from './context';
import { inlineComment } from './column-sql';
import { indexName } from '../naming/derived-names';
import type { PlannedStatement } from './planned-statement';

const INTEGER_TYPES = new Set(['smallint', 'integer', 'bigint']);

/** The key as SQL; the caller writes it into the clause (and records that with keyCopied). */
function keyParts(ctx: DdlContext, table: Table, p: Partitioning) {
  return p.key.map((k) => (k.kind === 'column' ? ctx.q(ctx.columnNameOf(table, k.columnId)) : `(${k.sql})`));
}

function keyCopied(ctx: DdlContext, table: Table, p: Partitioning): void {
  if (p.key.some((k) => k.kind === 'expression')) ctx.copiedVerbatim(table.id, 'partition key', () => `partition key of ${table.name}`);
}

function boundMatches(strategy: Partitioning['strategy'], bound: PartitionBound): boolean {
  return bound.kind === 'default' ? strategy !== 'hash' : bound.kind === strategy;
}

/** PostgreSQL: the clause after the column list. */
export function postgresPartitionClause(ctx: DdlContext, table: Table, p: Partitioning): string {
  keyCopied(ctx, table, p);
  return `PARTITION BY ${p.strategy.toUpperCase()} (${keyParts(ctx, table, p).join(', ')})`;
}

/**
 * PostgreSQL: one CREATE TABLE ... PARTITION OF per partition, plus COMMENT ON TABLE for commented
 * ones. A bound that does not fit the strategy is written (and commented out: partition.bound-mismatch).
 */
export function postgresPartitions(ctx: DdlContext, table: Table, p: Partitioning): PlannedStatement[] {
  const out: PlannedStatement[] = [];
  p.partitions.forEach((part, i) => {
    const path = `tables.${table.id}.partitioning.partitions.${i}`;
    ctx.checkIdentifier(part.name, 'partition', part.id, `${path}.name`);
    if (!boundMatches(p.strategy, part.bound)) {
      ctx.diag('error', 'partition.bound-mismatch', `partition "${part.name}" of "${table.name}": a ${part.bound.kind} bound in ${p.strategy} partitioning: PostgreSQL rejects it`, part.id, path);
    }
    const name = ctx.qualified({ name: part.name, schemaId: table.schemaId });
    const b = part.bound;
    const bound =
      b.kind === 'range' ? `FOR VALUES FROM (${b.from.join(', ')}) TO (${b.to.join(', ')})`
      : b.kind === 'list' ? `FOR VALUES IN (${b.values.join(', ')})`
      : b.kind === 'hash' ? `FOR VALUES WITH (MODULUS ${b.modulus}, REMAINDER ${b.remainder})`
      : 'DEFAULT';
    out.push({ sql: `CREATE TABLE ${name} PARTITION OF ${ctx.qualified(table)} ${bound}`, path, needs: [`tables.${table.id}`] });
    if (part.comment) out.push({ sql: `COMMENT ON TABLE ${name} IS ${ctx.str(part.comment)}`, needs: [path] });
  });
  return out;
}

/** MySQL: the whole PARTITION BY clause, or undefined when nothing can be partitioned. */
export function mysqlPartitionClause(ctx: DdlContext, table: Table, p: Partitioning): string | undefined {
  const where = `partitioning of "${table.name}"`;
  const path = `tables.${table.id}.partitioning`;
  const keyColumns = p.key.filter((k) => k.kind === 'column').map((k) => ctx.column(table, k.columnId)).filter((c): c is Column => !!c);
  const allColumns = keyColumns.length === p.key.length;
  const parts = keyParts(ctx, table, p);
  if (!allColumns && p.key.length > 1) {
    ctx.diag('warning', 'mysql.partition-key', `${where}: MySQL partitions by a list of columns or by one expression, not a mix: created without partitioning`, table.id, path);
    return undefined;
  }
  keyCopied(ctx, table, p);
  let head: string;
  if (p.strategy === 'hash') {
    const integer = allColumns && keyColumns.length === 1 && keyColumns[0].type.kind === 'scalar' && INTEGER_TYPES.has(keyColumns[0].type.name);
    // HASH needs one integer expression; KEY hashes any column list with the server's own function.
    head = integer || !allColumns ? `HASH (${parts[0]})` : `KEY (${parts.join(', ')})`;
  } else {
    const word = p.strategy.toUpperCase();
    head = allColumns ? `${word} COLUMNS (${parts.join(', ')})` : `${word} (${parts[0]})`;
  }
  const defs: string[] = [];
  const hashParts = p.partitions.filter((x) => x.bound.kind === 'hash');
  if (p.strategy === 'hash') {
    const moduli = new Set(hashParts.map((x) => (x.bound.kind === 'hash' ? x.bound.modulus : 0)));
    if (moduli.size > 1 || (moduli.size === 1 && [...moduli][0] !== hashParts.length)) {
      ctx.diag('warning', 'mysql.hash-partition-modulus', `${where}: MySQL hashes into as many partitions as are listed (${hashParts.length}); the moduli/remainders are not kept`, table.id, path);
    }
  }
  const ordered = p.strategy === 'hash' ? [...p.partitions].sort((a, b) => (a.bound.kind === 'hash' && b.bound.kind === 'hash' ? a.bound.remainder - b.bound.remainder : 0)) : p.partitions;
  ordered.forEach((part) => {
    const i = p.partitions.indexOf(part);
    const ppath = `${path}.partitions.${i}`;
    ctx.checkIdentifier(part.name, 'partition', part.id, `${ppath}.name`);
    if (!boundMatches(p.strategy, part.bound)) {
      // Out of the table (it would reject the whole CREATE TABLE): added after it, commented out.
      ctx.diag('error', 'partition.bound-mismatch', `partition "${part.name}" of "${table.name}": a ${part.bound.kind} bound in ${p.strategy} partitioning: ${ctx.spec.label} rejects it`, part.id, ppath);
      const added = ctx.partitionsAdded.get(table.id) ?? [];
      added.push({ sql: `ALTER TABLE ${ctx.qualified(table)} ADD PARTITION (PARTITION ${ctx.q(part.name)}${mismatchedBound(part.bound)})`, path: ppath, needs: [`tables.${table.id}`] });
      ctx.partitionsAdded.set(table.id, added);
      return;
    }
    const b = part.bound;
    let values = '';
    if (b.kind === 'range') values = allColumns ? ` VALUES LESS THAN (${b.to.join(', ')})` : ` VALUES LESS THAN ${b.to[0] === 'MAXVALUE' ? 'MAXVALUE' : `(${b.to[0]})`}`;
    else if (b.kind === 'list') values = ` VALUES IN (${b.values.join(', ')})`;
    else if (b.kind === 'default') {
      if (p.strategy === 'range') {
        ctx.diag('info', 'mysql.range-default-as-maxvalue', `partition "${part.name}" of "${table.name}": MySQL has no DEFAULT range partition: VALUES LESS THAN (MAXVALUE)`, part.id, ppath);
        values = allColumns ? ` VALUES LESS THAN (${parts.map(() => 'MAXVALUE').join(', ')})` : ' VALUES LESS THAN MAXVALUE';
      } else if (ctx.caps.listDefaultPartition) values = ' DEFAULT';
      else {
        ctx.diag('warning', 'mysql.list-default-partition', `partition "${part.name}" of "${table.name}": ${ctx.caps.label} has no DEFAULT list partition (MariaDB has): skipped; rows outside the lists will be rejected`, part.id, ppath);
        return;
      }
    }
    const comment = part.comment ? ` COMMENT = ${inlineComment(ctx, part.comment, 'table', `partition "${part.name}"`, part.id, ppath)}` : '';
    defs.push(`PARTITION ${ctx.q(part.name)}${values}${comment}`);
  });
  if (!defs.length) return `PARTITION BY ${head}`;
  return `PARTITION BY ${head} (\n  ${defs.join(',\n  ')}\n)`;
}

/** MySQL: a bound written as it is, whatever the strategy (the partition is commented out anyway). */
function mismatchedBound(b: PartitionBound): string {
  switch (b.kind) {
    case 'range':
      return ` VALUES LESS THAN (${b.to.join(', ')})`;
    case 'list':
      return ` VALUES IN (${b.values.join(', ')})`;
    case 'default':
      return ' DEFAULT';
    default:
      return '';
  }
}

/** Both dialects: every PK/unique of a partitioned table must contain all partition key columns. */
export function checkPartitionKeyInUniques(ctx: DdlContext, table: Table, p: Partitioning): void {
  const keyColumnIds = p.key.flatMap((k) => (k.kind === 'column' ? [k.columnId] : []));
  const hasExpression = p.key.some((k) => k.kind === 'expression');
  // Each with its element's path: the key is commented out, not the table.
  const base = `tables.${table.id}`;
  const sets: { what: string; ids: string[]; id: string; path: string }[] = [];
  if (table.primaryKey) sets.push({ what: 'primary key', ids: table.primaryKey.columnIds, id: table.id, path: `${base}.primaryKey` });
  table.uniques.forEach((u, i) => sets.push({ what: `unique constraint "${u.name ?? u.id}"`, ids: u.columnIds, id: u.id, path: `${base}.uniques.${i}` }));
  table.indexes.forEach((ix, i) => {
    if (ix.unique) sets.push({ what: `unique index "${indexName(table, ix)}"`, ids: ix.parts.flatMap((p) => (p.kind === 'column' ? [p.columnId] : [])), id: ix.id, path: `${base}.indexes.${i}` });
  });
  for (const s of sets) {
    const missing = keyColumnIds.filter((id) => !s.ids.includes(id));
    if (missing.length || hasExpression) {
      ctx.diag(
        'error',
        'partition.key-not-in-unique',
        `${s.what} of partitioned table "${table.name}" must include every partition key column${hasExpression ? ' (and cannot exist with an expression key)' : `: missing ${missing.map((id) => ctx.columnNameOf(table, id)).join(', ')}`}`,
        s.id,
        s.path,
      );
    }
  }
}
