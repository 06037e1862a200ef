/**
 * Foreign keys: which relationships become FOREIGN KEY constraints on this target (and why not), their
 * names, and their SQL, inline in CREATE TABLE or as ALTER TABLE ... ADD CONSTRAINT for cycles.
 */
import { isUniqueColumnSet } from '../model/lookup';
import type { ReferentialAction, Relationship, Table } from '../model/document';
import { resolveColumnTypeQuietly } from './column-sql';
import type { DdlContext } from './context';
import { joinedColumnNames } from './context';

export interface ForeignKeyPlan {
  relationship: Relationship;
  name: string;
  /** `CONSTRAINT ... FOREIGN KEY ... REFERENCES ...` */
  clause: string;
  /** PostgreSQL COMMENT ON CONSTRAINT, emitted after the constraint exists. */
  comment?: string;
}

/** Decides and renders every relationship's foreign key; relationships left out get a diagnostic. */
export function planForeignKeys(ctx: DdlContext): Map<string, ForeignKeyPlan> {
  const plans = new Map<string, ForeignKeyPlan>();
  for (const r of Object.values(ctx.doc.relationships)) {
    const from = ctx.doc.tables[r.fromTableId];
    const to = ctx.doc.tables[r.toTableId];
    const path = `relationships.${r.id}`;
    const where = `relationship "${r.name ?? `${from.name} -> ${to.name}`}"`;
    if (!r.enforced) {
      ctx.diag('info', 'fk.not-enforced', `${where} is logical only (not enforced): no FOREIGN KEY is generated`, r.id, path);
      continue;
    }
    if (!ctx.caps.foreignKeysOnPartitionedTables && (from.partitioning || to.partitioning)) {
      ctx.diag('warning', `${ctx.dialect}.foreign-key-on-partitioned-table`, `${where}: InnoDB partitioned tables cannot have or be referenced by foreign keys: skipped`, r.id, path);
      continue;
    }
    const fromColumns = r.columnPairs.map((p) => ctx.column(from, p.fromColumnId));
    const toIds = r.columnPairs.map((p) => p.toColumnId);
    if (!isUniqueColumnSet(to, toIds)) {
      ctx.diag(
        ctx.dialect === 'postgres' ? 'error' : 'warning',
        'fk.parent-key-not-unique',
        `${where}: (${toIds.map((id) => ctx.columnNameOf(to, id)).join(', ')}) of "${to.name}" is not its primary key or a unique constraint; ${ctx.dialect === 'postgres' ? 'PostgreSQL will reject the foreign key' : 'MySQL accepts it only with an index, and it is not a real key'}`,
        r.id,
        path,
      );
    }
    if (ctx.dialect === 'mysql') checkMysqlCollations(ctx, r, where, path);
    if (ctx.caps.schemas === 'databases' && ctx.options.schemaQualified && from.schemaId && !to.schemaId) {
      // The default schema is "the connection's database", which has no name to qualify with, and an
      // unqualified REFERENCES inside `db`.`t` means `db`.
      ctx.diag('error', `${ctx.dialect}.cross-database-reference`, `${where}: "${from.name}" is in database "${ctx.doc.schemas[from.schemaId]?.name}" but "${to.name}" has no schema, so MySQL would look for it in "${ctx.doc.schemas[from.schemaId]?.name}": give "${to.name}" a schema, or generate without schema-qualified names`, r.id, path);
    }
    let onDelete = r.onDelete;
    let onUpdate = r.onUpdate;
    const checkAction = (action: ReferentialAction, event: 'DELETE' | 'UPDATE'): ReferentialAction => {
      if (action === 'set null' && fromColumns.some((c) => c && !c.nullable)) {
        ctx.diag('error', 'fk.set-null-on-not-null', `${where}: ON ${event} SET NULL on NOT NULL column(s) ${fromColumns.filter((c) => c && !c.nullable).map((c) => `"${c!.name}"`).join(', ')}`, r.id, path);
      }
      if (action === 'set default' && !ctx.caps.setDefaultAction) {
        ctx.diag('warning', `${ctx.dialect}.set-default-action`, `${where}: InnoDB rejects ON ${event} SET DEFAULT: NO ACTION used`, r.id, path);
        return 'no action';
      }
      return action;
    };
    onDelete = checkAction(onDelete, 'DELETE');
    onUpdate = checkAction(onUpdate, 'UPDATE');

    const scope = ctx.constraintScope(from);
    let name: string;
    if (r.name) {
      ctx.checkIdentifier(r.name, 'foreign key', r.id, `${path}.name`);
      name = r.name;
    } else name = ctx.derivedName(ctx.constraintNames, scope, `${from.name}_${joinedColumnNames(ctx, from, r.columnPairs.map((p) => p.fromColumnId))}_fkey`, r.id, path);

    let clause = `CONSTRAINT ${ctx.q(name)} FOREIGN KEY (${r.columnPairs.map((p) => ctx.q(ctx.columnNameOf(from, p.fromColumnId))).join(', ')}) REFERENCES ${ctx.qualified(to)} (${r.columnPairs.map((p) => ctx.q(ctx.columnNameOf(to, p.toColumnId))).join(', ')})`;
    if (onDelete !== 'no action') clause += ` ON DELETE ${onDelete.toUpperCase()}`;
    if (onUpdate !== 'no action') clause += ` ON UPDATE ${onUpdate.toUpperCase()}`;
    if (r.deferrable && r.deferrable !== 'not deferrable') {
      if (ctx.caps.deferrableConstraints) clause += ` ${r.deferrable.toUpperCase()}`;
      else ctx.diag('warning', `${ctx.dialect}.deferrable-dropped`, `${where}: ${ctx.spec.label} checks foreign keys immediately: ${r.deferrable.toUpperCase()} left out`, r.id, path);
    }
    let comment: string | undefined;
    if (r.comment) {
      if (ctx.caps.commentStyle === 'comment-on') comment = `COMMENT ON CONSTRAINT ${ctx.q(name)} ON ${ctx.qualified(from)} IS ${ctx.str(r.comment)}`;
      else ctx.diag('info', `${ctx.dialect}.comment-dropped`, `${where}: ${ctx.spec.label} has no comments on constraints: comment left out`, r.id, path);
    }
    plans.set(r.id, { relationship: r, name, clause, comment });
  }
  return plans;
}

const STRING_TYPES = /^(var)?char\b|^(tiny|medium|long)?text\b|^enum\(/i;

/** The collation a MySQL string column really gets: its own, else its table's, else the charset default. */
function effectiveCollation(ctx: DdlContext, table: Table, columnIndex: number): string | undefined {
  const type = resolveColumnTypeQuietly(ctx, table, columnIndex);
  if (!STRING_TYPES.test(type.sql)) return undefined;
  const own = table.columns[columnIndex].collation;
  const options = table.options?.mysql;
  return own && /^[a-z0-9]+_[a-z0-9_]+$/i.test(own) ? own.toLowerCase() : (options?.collation?.toLowerCase() ?? `default of ${options?.charset?.toLowerCase() ?? 'utf8mb4'}`);
}

/** InnoDB rejects a foreign key between string columns of different collations ("incorrectly formed"). */
function checkMysqlCollations(ctx: DdlContext, r: Relationship, where: string, path: string): void {
  const from = ctx.doc.tables[r.fromTableId];
  const to = ctx.doc.tables[r.toTableId];
  for (const p of r.columnPairs) {
    const fi = from.columns.findIndex((c) => c.id === p.fromColumnId);
    const ti = to.columns.findIndex((c) => c.id === p.toColumnId);
    if (fi < 0 || ti < 0) continue;
    const fromType = resolveColumnTypeQuietly(ctx, from, fi).sql;
    const toType = resolveColumnTypeQuietly(ctx, to, ti).sql;
    const bothStrings = STRING_TYPES.test(fromType) && STRING_TYPES.test(toType);
    const exact = /^(tinyint|smallint|mediumint|int|bigint|decimal|float|double)\b/i;
    const baseOf = (sql: string) => sql.split(/[ (]/)[0].toLowerCase();
    const mismatch = !bothStrings && (exact.test(fromType) || exact.test(toType) ? fromType.toLowerCase() !== toType.toLowerCase() : baseOf(fromType) !== baseOf(toType));
    if (mismatch) {
      ctx.diag('error', 'mysql.foreign-key-type-mismatch', `${where}: "${from.columns[fi].name}" is ${fromType} but "${to.columns[ti].name}" is ${toType}; InnoDB needs the same type (size and sign) on both sides`, r.id, path);
      continue;
    }
    const a = effectiveCollation(ctx, from, fi);
    const b = effectiveCollation(ctx, to, ti);
    if (a !== b) {
      ctx.diag('error', 'mysql.foreign-key-collation-mismatch', `${where}: "${from.columns[fi].name}" (${a ?? 'not a string'}) and "${to.columns[ti].name}" (${b ?? 'not a string'}) must have the same type and collation in MySQL`, r.id, path);
    }
  }
}
