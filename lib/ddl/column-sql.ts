/**
 * One column's definition: native type (logical type table, enum, domain, array, native override),
 * collation, generated expression, identity / AUTO_INCREMENT, NOT NULL, default, ON UPDATE and the
 * MySQL inline comment. Every loss is a diagnostic on the column.
 */
import type { Column, ScalarType, Table } from '../model/document';
import type { DdlContext } from './context';
import { SQL_LEXERS } from '../sql-lexer';
import { replaceValueKeyword } from './sql-text';
import { expressionDefaultFor, expressionFor } from './translate-sql';
import { columnCharsetSql, columnVisibilitySql } from './mysql-attributes-sql';
import { sequenceDefaultSql, sequenceIdentity } from './sequence-sql';
import { sqlCommentLines } from './sql-comments';

export interface ColumnSql {
  /** The full definition line, without trailing comma. */
  definition: string;
  /** Domain checks inlined as table checks (MySQL), already rendered `CHECK (...)` bodies. */
  inlinedChecks: readonly { id: string; name: string | undefined; expression: string; source: string; domain: string }[];
  /** MySQL AUTO_INCREMENT start value, a table option. */
  autoIncrementStart?: number;
}

export interface ResolvedType {
  sql: string;
  /** MySQL TEXT/BLOB/JSON/GEOMETRY family: no literal defaults on MySQL 8, keys need prefix lengths. */
  lob: boolean;
  temporal: boolean;
  fsp?: number;
}

const IDENTITY_TYPES = new Set<ScalarType['name']>(['smallint', 'integer', 'bigint']);
const LOB = /^(tiny|medium|long)?(text|blob)\b|^json\b|^geometry\b|^(multi)?(point|linestring|polygon)\b|^geometrycollection\b/i;
const TEMPORAL = /^(datetime|timestamp)\b/i;

/** MySQL collation names look like `<charset>_<rest>`; PostgreSQL ones like "C", "en_US.utf8", "und-x-icu". */
const MYSQL_COLLATION = /^(utf8mb4|utf8mb3|utf8|latin1|ascii|binary|ucs2|utf16|utf16le|utf32|cp1250|cp1251|cp1252|big5|gbk|gb2312|gb18030|sjis|ujis|euckr|hebrew|greek|koi8r|latin2|latin5|latin7)_[a-z0-9_]+$/i;

// Where a diagnostic points. Built only when a diagnostic is reported: these run for every column.
function columnPath(table: Table, index: number) {
  return `tables.${table.id}.columns.${index}`;
}

function columnWhere(table: Table, column: Column) {
  return `column "${column.name}" of "${table.name}"`;
}

/** The native type of a column's scalar type, honouring `native` overrides, with diagnostics. */
export function scalarTypeSql(ctx: DdlContext, t: ScalarType, table: Table, column: Column, index: number): string {
  const native = t.native?.[ctx.dialect];
  if (native) return native;
  // A native type of another dialect (the document keeps one per dialect).
  const other = t.native && Object.values({ ...t.native, [ctx.dialect]: undefined }).find(Boolean);
  if (other) ctx.diag('info', 'type.native-fallback', `${columnWhere(table, column)}: native type "${other}" is for the other dialect; ${ctx.spec.label} uses the logical type ${t.name}`, column.id, columnPath(table, index));
  const keyType = t.name === 'text' ? ctx.caps.textKeyType : undefined;
  if (keyType && ctx.isKeyedTextColumn(column)) {
    ctx.diag('info', `${ctx.dialect}.text-key-as-varchar`, `${columnWhere(table, column)}: ${ctx.spec.label} cannot use a TEXT column whole in a key (primary key, unique, index or foreign key): ${keyType.sql} instead`, column.id, columnPath(table, index));
    return keyType.sql;
  }
  const mapped = ctx.spec.mapType(t, ctx.caps);
  if (mapped.loss) ctx.diag(mapped.loss.severity, mapped.loss.code, `${columnWhere(table, column)}: ${mapped.loss.message}`, column.id, columnPath(table, index));
  return mapped.sql;
}

/** Bit 1: a TEXT/BLOB/JSON/GEOMETRY type; bit 2: DATETIME/TIMESTAMP. Per native type text. */
const typeFlagCache = new Map<string, number>();

function typeFlags(sql: string): number {
  let flags = typeFlagCache.get(sql);
  if (flags === undefined) {
    flags = (LOB.test(sql) ? 1 : 0) | (TEMPORAL.test(sql) ? 2 : 0);
    // Bounded: native type texts are few in practice, but documents are user input.
    if (typeFlagCache.size > 10_000) typeFlagCache.clear();
    typeFlagCache.set(sql, flags);
  }
  return flags;
}

/** MySQL `enum('a','b')`, once per enum type and generator run (every column of the type repeats it). */
function inlineEnumSql(ctx: DdlContext, enumId: string): string {
  let sql = ctx.inlineEnums.get(enumId);
  if (sql === undefined) {
    const values = ctx.doc.enums[enumId].values;
    sql = 'enum(';
    for (let i = 0; i < values.length; i++) sql += (i ? ',' : '') + ctx.str(values[i]);
    sql += ')';
    ctx.inlineEnums.set(enumId, sql);
  }
  return sql;
}

export function resolveColumnType(ctx: DdlContext, table: Table, column: Column, index: number): ResolvedType {
  let sql: string;
  let fsp: number | undefined;
  const type = column.type;
  switch (type.kind) {
    case 'scalar':
      sql = scalarTypeSql(ctx, type, table, column, index);
      fsp = type.precision ?? type.length;
      break;
    case 'enum': {
      const strategy = ctx.caps.enumStrategy;
      // 'check': a text column; its CHECK (col IN (..)) is written with the column (enumCheckSql).
      sql = strategy === 'create-type' ? ctx.qualified(ctx.doc.enums[type.enumId]) : strategy === 'inline' ? inlineEnumSql(ctx, type.enumId) : 'text';
      break;
    }
    case 'domain': {
      const d = ctx.doc.domains[type.domainId];
      if (ctx.caps.domains) sql = ctx.qualified(d);
      else {
        sql = scalarTypeSql(ctx, d.type, table, column, index);
        fsp = d.type.precision ?? d.type.length;
        ctx.diag('info', `${ctx.dialect}.domain-inlined`, `${columnWhere(table, column)}: ${ctx.spec.label} has no domains: domain "${d.name}" is inlined as its base type${d.checks.length ? ' and its checks as table checks' : ''}`, column.id, columnPath(table, index));
      }
      break;
    }
    default: {
      const never: never = type;
      throw new Error(`unknown column type ${JSON.stringify(never)}`);
    }
  }
  const dims = column.arrayDims ?? 0;
  if (dims > 0) {
    if (ctx.caps.arrays) sql += '[]'.repeat(dims);
    else {
      ctx.diag('warning', `${ctx.dialect}.array-as-json`, `${columnWhere(table, column)}: ${ctx.spec.label} has no arrays: ${sql}${'[]'.repeat(dims)} becomes json`, column.id, columnPath(table, index));
      sql = 'json';
    }
  }
  if (ctx.isStrict(table)) sql = ctx.spec.strictType!(sql);
  const flags = typeFlags(sql);
  return { sql, lob: ctx.caps.lobKeysNeedPrefix && (flags & 1) !== 0, temporal: (flags & 2) !== 0, fsp };
}

/** Resolves a column's type without adding diagnostics (they are reported once, with the column). */
export function resolveColumnTypeQuietly(ctx: DdlContext, table: Table, columnIndex: number): ResolvedType {
  const column = table.columns[columnIndex];
  const cached = ctx.resolvedTypes.get(column);
  if (cached) return cached;
  const before = ctx.diagnostics.length;
  const r = resolveColumnType(ctx, table, column, columnIndex);
  ctx.diagnostics.length = before;
  ctx.resolvedTypes.set(column, r);
  return r;
}

function literalSql(ctx: DdlContext, value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? ctx.spec.booleanLiterals.true : ctx.spec.booleanLiterals.false;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ctx.str(String(value));
  return ctx.str(value);
}

export function defaultSql(ctx: DdlContext, column: Column, type: ResolvedType, table: Table, index: number): string | undefined {
  const domain = column.type.kind === 'domain' && !ctx.caps.domains ? ctx.doc.domains[column.type.domainId] : undefined;
  const value = column.default.kind === 'none' && domain ? domain.default : column.default;
  switch (value.kind) {
    case 'none':
      return undefined;
    case 'literal': {
      // 0/1 on a boolean column (MySQL imports spell booleans that way) is a boolean for PostgreSQL.
      const booleanColumn = (domain?.type.name ?? (column.type.kind === 'scalar' ? column.type.name : undefined)) === 'boolean';
      const v = booleanColumn && (value.value === 0 || value.value === 1) ? value.value === 1 : value.value;
      const lit = literalSql(ctx, v);
      // MySQL 8 accepts only expression defaults on TEXT/BLOB/JSON/GEOMETRY: `DEFAULT ('x')`.
      return type.lob && !ctx.caps.literalDefaultsOnLobs && v !== null ? `(${lit})` : lit;
    }
    case 'expression': {
      // Translated for the target when the document is the other dialect's (translate-sql.ts).
      const site = value === column.default || !domain ? { entityId: column.id, what: 'default', where: () => `default of ${table.name}.${column.name}`, table } : { entityId: domain.id, what: 'default', where: () => `default of domain ${domain.name}`, table };
      return expressionDefaultFor(ctx, value.sql, site, { temporalColumn: type.temporal, fsp: type.fsp });
    }
    case 'builtin':
      return ctx.spec.builtinDefault(value.name, { temporalColumn: type.temporal, fsp: type.fsp });
    case 'sequence':
      // Without sequences (MySQL) the column is AUTO_INCREMENT or loses the default (sequenceIdentity says which).
      return sequenceDefaultSql(ctx, value.sequenceId);
    default: {
      const never: never = value;
      throw new Error(`${columnWhere(table, column)}: unknown default ${JSON.stringify(never)} at ${columnPath(table, index)}`);
    }
  }
}

export function collationSql(ctx: DdlContext, collation: string, where: string, column: Column, path: string): string | undefined {
  const builtin = ctx.spec.builtinCollations;
  if (ctx.spec.collationSyntax === 'builtin-names' && builtin) {
    const name = builtin.nearest(collation);
    if (!name) {
      ctx.diag('warning', `${ctx.dialect}.collation-dropped`, `${where}: ${ctx.spec.label} knows only the collations ${[...builtin.names].join(', ')} (others must be registered by the application, or CREATE TABLE fails): "${collation}" is left out`, column.id, path);
      return undefined;
    }
    if (name !== collation.toUpperCase()) ctx.diag('info', `${ctx.dialect}.collation-approximated`, `${where}: "${collation}" compares like ${name} here (${name === 'NOCASE' ? 'ignoring case of ASCII letters only' : 'byte by byte'})`, column.id, path);
    return `COLLATE ${name}`;
  }
  const looksMysql = MYSQL_COLLATION.test(collation);
  if (ctx.spec.collationSyntax === 'quoted-name') {
    if (looksMysql) {
      ctx.diag('warning', 'postgres.collation-dropped', `${where}: "${collation}" is a MySQL collation; PostgreSQL has no such collation, so it is left out`, column.id, path);
      return undefined;
    }
    return `COLLATE ${ctx.q(collation)}`;
  }
  if (!looksMysql) {
    ctx.diag('warning', 'mysql.collation-dropped', `${where}: "${collation}" is not a MySQL collation name (charset_name like utf8mb4_bin), so it is left out`, column.id, path);
    return undefined;
  }
  return `COLLATE ${collation}`;
}

const NO_CHECKS: ColumnSql['inlinedChecks'] = [];

export function columnSql(ctx: DdlContext, table: Table, column: Column, index: number): ColumnSql {
  // `where`/`path` of diagnostics are built at the (rare) diagnostic, not per column.
  if (ctx.needsIdentifierCheck(column.name)) ctx.checkIdentifier(column.name, 'column', column.id, `${columnPath(table, index)}.name`);
  const type = resolveColumnType(ctx, table, column, index);
  // A column that owns its sequence: `serial` where that is exactly it (sequence-sql.ts).
  const serial = ctx.serialColumns.get(column);
  const rowidKey = ctx.rowidAliases.get(column);
  let definition = `${ctx.q(column.name)} ${rowidKey !== undefined ? rowidAliasType(ctx, column, table, index) : (serial ?? type.sql)}`;
  if (column.charset) definition += columnCharsetSql(ctx, table, column);
  let autoIncrementStart: number | undefined;
  // Where there are no sequences, a column that owns its sequence is AUTO_INCREMENT.
  const identity = column.identity ?? sequenceIdentity(ctx, table, column, index);

  if (column.collation) {
    const c = collationSql(ctx, column.collation, columnWhere(table, column), column, columnPath(table, index));
    if (c) definition += ` ${c}`;
  }

  if (column.generated) {
    const where = columnWhere(table, column);
    const path = columnPath(table, index);
    let stored = column.generated.stored;
    if (!stored && !ctx.caps.virtualGenerated) {
      ctx.diag('warning', `${ctx.dialect}.virtual-generated-as-stored`, `${where}: ${ctx.caps.label} has no VIRTUAL generated columns: generated as STORED`, column.id, path);
      stored = true;
    }
    const expression = expressionFor(ctx, column.generated.expression, { entityId: column.id, what: 'generated', where: () => `generated ${table.name}.${column.name}`, table });
    definition += ` GENERATED ALWAYS AS (${expression}) ${stored ? 'STORED' : 'VIRTUAL'}`;
    if (column.default.kind !== 'none') ctx.diag('warning', 'column.generated-default-ignored', `${where}: a generated column cannot have a default; the default is left out`, column.id, path);
    if (column.identity) ctx.diag('warning', 'column.generated-identity', `${where}: a column cannot be both generated and an identity: generated, the identity is left out`, column.id, path);
  }

  const domain = column.type.kind === 'domain' && !ctx.caps.domains ? ctx.doc.domains[column.type.domainId] : undefined;
  const notNull = !column.nullable || (domain !== undefined && !domain.nullable) || (!ctx.caps.primaryKeyImpliesNotNull && table.primaryKey?.columnIds.includes(column.id) === true);
  if (notNull) definition += ' NOT NULL';

  if (!column.generated) {
    if (column.arrayDims && !ctx.caps.arrays && column.default.kind !== 'none') {
      // The column becomes json: an array default (`ARRAY['a']`, `'{a,b}'`) is PostgreSQL array syntax.
      ctx.diag('warning', `${ctx.dialect}.array-default-dropped`, `${columnWhere(table, column)}: the default is a PostgreSQL array value and the column becomes json on ${ctx.spec.label}: the default is left out`, column.id, columnPath(table, index));
    } else if (column.identity && column.default.kind !== 'none') {
      ctx.diag('warning', 'column.identity-default-ignored', `${columnWhere(table, column)}: an identity column cannot have a default; the default is left out`, column.id, columnPath(table, index));
    } else if ((column.default.kind !== 'none' && !serial) || domain) {
      const d = defaultSql(ctx, column, type, table, index);
      if (d !== undefined) definition += ` DEFAULT ${d}`;
    }
  }

  if (column.onUpdateCurrentTimestamp) {
    if (!ctx.caps.onUpdateCurrentTimestamp) {
      ctx.diag('warning', `${ctx.dialect}.on-update-dropped`, `${columnWhere(table, column)}: ${ctx.spec.label} has no ON UPDATE CURRENT_TIMESTAMP: use a trigger to keep it current`, column.id, columnPath(table, index));
    } else if (!type.temporal) {
      ctx.diag('warning', `${ctx.dialect}.on-update-dropped`, `${columnWhere(table, column)}: ON UPDATE CURRENT_TIMESTAMP needs a DATETIME or TIMESTAMP column, not ${type.sql}`, column.id, columnPath(table, index));
    } else definition += ` ON UPDATE ${type.fsp ? `CURRENT_TIMESTAMP(${type.fsp})` : 'CURRENT_TIMESTAMP'}`;
  }

  if (identity && !column.generated && ctx.caps.identity === 'rowid-alias') definition += rowidIdentitySql(ctx, table, column, index, identity, rowidKey);
  else if (identity && !column.generated) {
    const { always, start, increment } = identity;
    if (column.type.kind !== 'scalar' || !IDENTITY_TYPES.has(column.type.name) || column.arrayDims) {
      ctx.diag('error', 'column.identity-type', `${columnWhere(table, column)}: an identity/AUTO_INCREMENT column must be smallint, integer or bigint`, column.id, columnPath(table, index));
    }
    if (ctx.caps.identity === 'identity') {
      const opts = [start !== undefined ? `START WITH ${start}` : '', increment !== undefined ? `INCREMENT BY ${increment}` : ''].filter(Boolean).join(' ');
      definition += ` GENERATED ${always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${opts ? ` (${opts})` : ''}`;
    } else {
      definition += ' AUTO_INCREMENT';
      if (always) ctx.diag('info', `${ctx.dialect}.identity-always`, `${columnWhere(table, column)}: AUTO_INCREMENT does not forbid explicit values the way GENERATED ALWAYS does`, column.id, columnPath(table, index));
      if (increment !== undefined && increment !== 1) ctx.diag('warning', `${ctx.dialect}.identity-increment-dropped`, `${columnWhere(table, column)}: AUTO_INCREMENT steps by the server's auto_increment_increment, not ${increment}`, column.id, columnPath(table, index));
      if (start !== undefined) autoIncrementStart = start;
    }
  }

  if (column.invisible) definition += columnVisibilitySql(ctx, table, column);
  if (column.comment && ctx.caps.commentStyle === 'inline') definition += ` COMMENT ${inlineComment(ctx, column.comment, 'column', columnWhere(table, column), column.id, columnPath(table, index))}`;
  if (column.type.kind === 'enum' && ctx.caps.enumStrategy === 'check' && !column.arrayDims) definition += enumCheckSql(ctx, column, column.type.enumId);
  // Kept inside CREATE TABLE, on the lines before the column (sql-comments.ts).
  if (column.comment && ctx.caps.commentStyle === 'sql-comment') definition = `${sqlCommentLines(ctx, column.comment, '  ')}\n  ${definition}`;

  let inlinedChecks = NO_CHECKS;
  if (domain?.checks.length) inlinedChecks = domain.checks.map((check) => ({ id: check.id, name: check.name, expression: replaceValueKeyword(check.expression, ctx.q(column.name), SQL_LEXERS[ctx.doc.settings.dialect]), source: check.expression, domain: domain.name }));
  return autoIncrementStart === undefined ? { definition, inlinedChecks } : { definition, inlinedChecks, autoIncrementStart };
}

/** ` CHECK ("col" IN ('a', 'b'))`: an enum where the dialect has none (enumStrategy 'check'). */
function enumCheckSql(ctx: DdlContext, column: Column, enumId: string): string {
  const values = ctx.doc.enums[enumId].values;
  let list = '';
  for (let i = 0; i < values.length; i++) list += (i ? ', ' : '') + ctx.str(values[i]);
  return ` CHECK (${ctx.q(column.name)} IN (${list}))`;
}

/** The rowid alias's declared type (SQLite: exactly INTEGER), noting when the logical type was wider or narrower. */
function rowidAliasType(ctx: DdlContext, column: Column, table: Table, index: number): string {
  const type = ctx.spec.rowidAliasType!;
  const logical = column.type.kind === 'scalar' ? column.type.name : undefined;
  if (logical !== 'integer') ctx.diag('info', `${ctx.dialect}.rowid-alias`, `${columnWhere(table, column)}: ${logical ?? 'the'} identity primary key is written ${type.toUpperCase()} PRIMARY KEY AUTOINCREMENT, the table's rowid (a 64-bit signed integer)`, column.id, columnPath(table, index));
  return ctx.isStrict(table) ? type.toUpperCase() : type;
}

/**
 * An identity where only the rowid counts by itself (SQLite): ` PRIMARY KEY AUTOINCREMENT` on the
 * rowid alias (with the primary key's name), else nothing; what AUTOINCREMENT cannot say is a diagnostic.
 */
function rowidIdentitySql(ctx: DdlContext, table: Table, column: Column, index: number, identity: { always?: boolean; start?: number; increment?: number }, pkName: string | undefined): string {
  const where = columnWhere(table, column);
  const path = columnPath(table, index);
  if (pkName === undefined) {
    ctx.diag('warning', `${ctx.dialect}.identity-dropped`, `${where}: ${ctx.spec.label} counts only a single-column INTEGER PRIMARY KEY by itself: the identity is left out (insert its values, or make it the primary key)`, column.id, path);
    return '';
  }
  if (identity.always) ctx.diag('info', `${ctx.dialect}.identity-always`, `${where}: AUTOINCREMENT does not forbid explicit values the way GENERATED ALWAYS does`, column.id, path);
  if (identity.increment !== undefined && identity.increment !== 1) ctx.diag('warning', `${ctx.dialect}.identity-increment-dropped`, `${where}: AUTOINCREMENT steps by 1, not ${identity.increment}`, column.id, path);
  if (identity.start !== undefined && identity.start !== 1) ctx.diag('warning', `${ctx.dialect}.identity-start-dropped`, `${where}: AUTOINCREMENT starts at 1 (to start at ${identity.start}, insert into sqlite_sequence once the table exists)`, column.id, path);
  return ` CONSTRAINT ${ctx.q(pkName)} PRIMARY KEY AUTOINCREMENT`;
}

/** A MySQL inline comment literal, cut to the engine's limit (strict mode rejects longer ones). */
export function inlineComment(ctx: DdlContext, comment: string, kind: 'table' | 'column' | 'index', where: string, entityId: string, path: string): string {
  const limit = ctx.caps.commentLimits?.[kind];
  let text = comment;
  if (limit !== undefined && [...comment].length > limit) {
    text = [...comment].slice(0, limit).join('');
    ctx.diag('warning', `${ctx.dialect}.comment-truncated`, `${where}: comment is longer than ${limit} characters, the ${ctx.spec.label} limit; it is cut`, entityId, path);
  }
  return ctx.str(text);
}
