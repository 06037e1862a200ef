/**
 * SQLite declared types -> the document's column type. SQLite keeps the declared text as written and
 * derives the column's affinity from it (datatype3.html, 3.1); the import keeps that text as the
 * SQLite native type, so the DDL writes it back unchanged, and picks the nearest logical type for the
 * other dialects: by well-known names first, then by SQLite's own affinity rules.
 */
import { DIALECTS, editorCapabilities } from '../../dialects/dialects';
import { scalar } from '../../model/build';
import type { LogicalTypeName, ScalarType } from '../../model/document';

/** Well-known type names (upper case, spaces collapsed) and their logical type. */
const NAMED: Record<string, LogicalTypeName> = {
  INT: 'integer',
  INTEGER: 'integer',
  MEDIUMINT: 'integer',
  INT4: 'integer',
  TINYINT: 'smallint',
  SMALLINT: 'smallint',
  INT2: 'smallint',
  BIGINT: 'bigint',
  INT8: 'bigint',
  'UNSIGNED BIG INT': 'bigint',
  CHAR: 'char',
  CHARACTER: 'char',
  NCHAR: 'char',
  'NATIVE CHARACTER': 'char',
  VARCHAR: 'varchar',
  'VARYING CHARACTER': 'varchar',
  'CHARACTER VARYING': 'varchar',
  NVARCHAR: 'varchar',
  TEXT: 'text',
  CLOB: 'text',
  STRING: 'text',
  BLOB: 'blob',
  REAL: 'double',
  DOUBLE: 'double',
  'DOUBLE PRECISION': 'double',
  FLOAT: 'double',
  NUMERIC: 'decimal',
  DECIMAL: 'decimal',
  NUMBER: 'decimal',
  BOOLEAN: 'boolean',
  BOOL: 'boolean',
  DATE: 'date',
  DATETIME: 'timestamp',
  TIMESTAMP: 'timestamp',
  TIMESTAMPTZ: 'timestamptz',
  TIME: 'time',
  JSON: 'json',
  JSONB: 'jsonb',
  UUID: 'uuid',
  BINARY: 'binary',
  VARBINARY: 'varbinary',
  MONEY: 'money',
};

/** SQLite's affinity rules (datatype3.html 3.1), in their order, for names not in NAMED. */
function byAffinity(upper: string): LogicalTypeName {
  if (upper.includes('INT')) return 'integer';
  if (upper.includes('CHAR') || upper.includes('CLOB') || upper.includes('TEXT')) return 'text';
  if (upper.includes('BLOB')) return 'blob';
  if (upper.includes('REAL') || upper.includes('FLOA') || upper.includes('DOUB')) return 'double';
  return 'decimal';
}

/** The six type names SQLite itself spells in upper case in its catalog, whatever the script wrote (3.37+). */
const STANDARD_TYPES: ReadonlySet<string> = new Set(['INT', 'INTEGER', 'REAL', 'TEXT', 'BLOB', 'ANY']);

/** Whether the SQLite DDL writes `logical` as a type SQLite records exactly like `declared`. */
function writtenAlike(logical: ScalarType, declared: string): boolean {
  const written = DIALECTS.sqlite.mapType(logical, editorCapabilities('sqlite')).sql;
  if (written === declared) return true;
  return STANDARD_TYPES.has(written.toUpperCase()) && written.toUpperCase() === declared.trim().toUpperCase();
}

/**
 * The column type for a declared type: the logical type (with length / precision / scale when the
 * size fits it) plus `native.sqlite` holding the declared text exactly, unless the SQLite DDL writes
 * the logical type the same way (`TEXT`, `integer`, `varchar(255)`), so other dialects see a plain
 * logical type. No declared type: a blob (SQLite's BLOB affinity, "no type"), without a native spelling.
 */
export function sqliteColumnType(declared: string | undefined): ScalarType {
  if (declared === undefined) return scalar('blob');
  const m = /^\s*([^(]*?)\s*(?:\(\s*([+-]?\d+)\s*(?:,\s*([+-]?\d+)\s*)?\))?\s*$/.exec(declared);
  const base = (m?.[1] ?? declared).replace(/\s+/g, ' ').toUpperCase();
  const a = m?.[2] !== undefined ? Number(m[2]) : undefined;
  const b = m?.[3] !== undefined ? Number(m[3]) : undefined;
  const name = NAMED[base] ?? byAffinity(base);
  const extra: Omit<Partial<ScalarType>, 'kind' | 'name'> = {};
  if ((name === 'char' || name === 'varchar' || name === 'binary' || name === 'varbinary') && a !== undefined && a > 0) extra.length = a;
  if (name === 'decimal' && a !== undefined && a >= 1 && a <= 1000) {
    extra.precision = a;
    if (b !== undefined && b >= 0 && b <= a) extra.scale = b;
  }
  const logical = scalar(name, extra);
  return writtenAlike(logical, declared) ? logical : scalar(name, { ...extra, native: { sqlite: declared.slice(0, 200) } });
}
