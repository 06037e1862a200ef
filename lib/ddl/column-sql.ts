/**
 * One column's definition: native type (logical type table, enum, domain, array, native override),
 * collation, generated expression, identity / AUTO_INCREMENT, NOT NULL, default, ON UPDATE and the
 * MySQL inline comment. Every loss is a diagnostic on the column.
 */
import type { Column, ScalarType, Table } from '../model/document';
import type { DdlContext } from './context';
import { replaceValueKeyword } from './sql-text';

export interface ColumnSql {
  /** The full definition line, without trailing comma. */
  definition: string;
  /** Domain checks inlined as table checks (MySQL), already rendered `CHECK (...)` bodies. */
  inlinedChecks: { name: string | undefined; expression: string }[];
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

function columnPath(table: Table, index: number) {
  return `tables.${table.id}.columns.${index}`;
}

/** The native type of a scalar, honouring `native` overrides, with diagnostics. */
export function scalarTypeSql(ctx: DdlContext, t: ScalarType, where: string, entityId: string, path: string): string {
  const native = t.native?.[ctx.dialect];
  if (native) return native;
  const other = ctx.dialect === 'postgres' ? t.native?.mysql : t.native?.postgres;
  if (other) ctx.diag('info', 'type.native-fallback', `${where}: native type "${other}" is for the other dialect; ${ctx.spec.label} uses the logical type ${t.name}`, entityId, path);
  const mapped = ctx.spec.mapType(t, ctx.caps);
  if (mapped.loss) ctx.diag(mapped.loss.severity, mapped.loss.code, `${where}: ${mapped.loss.message}`, entityId, path);
  return mapped.sql;
}

export function resolveColumnType(ctx: DdlContext, table: Table, column: Column, index: number): ResolvedType {
  const where = `column "${column.name}" of "${table.name}"`;
  const path = columnPath(table, index);
  let sql: string;
  let fsp: number | undefined;
  const type = column.type;
  switch (type.kind) {
    case 'scalar':
      sql = scalarTypeSql(ctx, type, where, column.id, path);
      fsp = type.precision ?? type.length;
      break;
    case 'enum': {
      const e = ctx.doc.enums[type.enumId];
      sql = ctx.caps.enumStrategy === 'create-type' ? ctx.qualified(e) : `enum(${e.values.map((v) => ctx.str(v)).join(',')})`;
      break;
    }
    case 'domain': {
      const d = ctx.doc.domains[type.domainId];
      if (ctx.caps.domains) sql = ctx.qualified(d);
      else {
        sql = scalarTypeSql(ctx, d.type, where, column.id, path);
        fsp = d.type.precision ?? d.type.length;
        ctx.diag('info', `${ctx.dialect}.domain-inlined`, `${where}: ${ctx.spec.label} has no domains: domain "${d.name}" is inlined as its base type${d.checks.length ? ' and its checks as table checks' : ''}`, column.id, path);
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
      ctx.diag('warning', `${ctx.dialect}.array-as-json`, `${where}: ${ctx.spec.label} has no arrays: ${sql}${'[]'.repeat(dims)} becomes json`, column.id, path);
      sql = 'json';
    }
  }
  return { sql, lob: ctx.dialect === 'mysql' && LOB.test(sql), temporal: TEMPORAL.test(sql), fsp };
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
  if (typeof value === 'boolean') return ctx.dialect === 'postgres' ? String(value) : value ? '1' : '0';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ctx.str(String(value));
  return ctx.str(value);
}

function defaultSql(ctx: DdlContext, column: Column, type: ResolvedType, where: string, path: string): string | undefined {
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
    case 'expression':
      // MySQL needs parentheses around expression defaults (8.0.13+, MariaDB 10.2+); PostgreSQL's DEFAULT
      // takes only a restricted expression (no AND, IS NULL...) without them. They never hurt.
      return `(${value.sql})`;
    case 'builtin':
      return ctx.spec.builtinDefault(value.name, { temporalColumn: type.temporal, fsp: type.fsp });
    default: {
      const never: never = value;
      throw new Error(`${where}: unknown default ${JSON.stringify(never)} at ${path}`);
    }
  }
}

function collationSql(ctx: DdlContext, collation: string, where: string, column: Column, path: string): string | undefined {
  const looksMysql = MYSQL_COLLATION.test(collation);
  if (ctx.dialect === 'postgres') {
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

export function columnSql(ctx: DdlContext, table: Table, column: Column, index: number): ColumnSql {
  const where = `column "${column.name}" of "${table.name}"`;
  const path = columnPath(table, index);
  ctx.checkIdentifier(column.name, 'column', column.id, `${path}.name`);
  const type = resolveColumnType(ctx, table, column, index);
  const parts: string[] = [ctx.q(column.name), type.sql];
  const out: ColumnSql = { definition: '', inlinedChecks: [] };

  if (column.collation) {
    const c = collationSql(ctx, column.collation, where, column, path);
    if (c) parts.push(c);
  }

  if (column.generated) {
    let stored = column.generated.stored;
    if (!stored && !ctx.caps.virtualGenerated) {
      ctx.diag('warning', `${ctx.dialect}.virtual-generated-as-stored`, `${where}: ${ctx.caps.label} has no VIRTUAL generated columns: generated as STORED`, column.id, path);
      stored = true;
    }
    parts.push(`GENERATED ALWAYS AS (${column.generated.expression}) ${stored ? 'STORED' : 'VIRTUAL'}`);
    if (column.default.kind !== 'none') ctx.diag('warning', 'column.generated-default-ignored', `${where}: a generated column cannot have a default; the default is left out`, column.id, path);
    if (column.identity) ctx.diag('error', 'column.generated-identity', `${where}: a column cannot be both generated and an identity`, column.id, path);
  }

  const domain = column.type.kind === 'domain' && !ctx.caps.domains ? ctx.doc.domains[column.type.domainId] : undefined;
  const notNull = !column.nullable || (domain !== undefined && !domain.nullable);
  if (notNull) parts.push('NOT NULL');

  if (!column.generated) {
    if (column.identity && column.default.kind !== 'none') {
      ctx.diag('warning', 'column.identity-default-ignored', `${where}: an identity column cannot have a default; the default is left out`, column.id, path);
    } else {
      const d = defaultSql(ctx, column, type, where, path);
      if (d !== undefined) parts.push(`DEFAULT ${d}`);
    }
  }

  if (column.onUpdateCurrentTimestamp) {
    if (!ctx.caps.onUpdateCurrentTimestamp) {
      ctx.diag('warning', `${ctx.dialect}.on-update-dropped`, `${where}: ${ctx.spec.label} has no ON UPDATE CURRENT_TIMESTAMP: use a trigger to keep it current`, column.id, path);
    } else if (!type.temporal) {
      ctx.diag('warning', `${ctx.dialect}.on-update-dropped`, `${where}: ON UPDATE CURRENT_TIMESTAMP needs a DATETIME or TIMESTAMP column, not ${type.sql}`, column.id, path);
    } else parts.push(`ON UPDATE ${type.fsp ? `CURRENT_TIMESTAMP(${type.fsp})` : 'CURRENT_TIMESTAMP'}`);
  }

  if (column.identity && !column.generated) {
    const { always, start, increment } = column.identity;
    if (column.type.kind !== 'scalar' || !IDENTITY_TYPES.has(column.type.name) || column.arrayDims) {
      ctx.diag('error', 'column.identity-type', `${where}: an identity/AUTO_INCREMENT column must be smallint, integer or bigint`, column.id, path);
    }
    if (ctx.caps.identity === 'identity') {
      const opts = [start !== undefined ? `START WITH ${start}` : '', increment !== undefined ? `INCREMENT BY ${increment}` : ''].filter(Boolean).join(' ');
      parts.push(`GENERATED ${always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${opts ? ` (${opts})` : ''}`);
    } else {
      parts.push('AUTO_INCREMENT');
      if (always) ctx.diag('info', `${ctx.dialect}.identity-always`, `${where}: AUTO_INCREMENT does not forbid explicit values the way GENERATED ALWAYS does`, column.id, path);
      if (increment !== undefined && increment !== 1) ctx.diag('warning', `${ctx.dialect}.identity-increment-dropped`, `${where}: AUTO_INCREMENT steps by the server's auto_increment_increment, not ${increment}`, column.id, path);
      if (start !== undefined) out.autoIncrementStart = start;
    }
  }

  if (column.comment && ctx.caps.commentStyle === 'inline') parts.push(`COMMENT ${inlineComment(ctx, column.comment, 'column', where, column.id, path)}`);

  if (domain) {
    domain.checks.forEach((check) => {
      out.inlinedChecks.push({ name: check.name, expression: replaceValueKeyword(check.expression, ctx.q(column.name)) });
    });
  }
  out.definition = parts.join(' ');
  return out;
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
