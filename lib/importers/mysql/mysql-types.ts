/**
 * MySQL/MariaDB data types (as node-sql-parser reports them: `dataType` upper-cased, `length`,
 * `scale`, `suffix`) to the document's logical types. A table, not an if-chain. Where MySQL has a
 * type with no logical twin (mediumint, tinytext, longblob, set(...), datetime vs timestamp...), its
 * exact spelling is kept in `native.mysql` so regenerated MySQL DDL is faithful.
 */
import type { LogicalTypeName, ScalarType } from '../../model/document';

interface MysqlTypeEntry {
  logical: LogicalTypeName;
  /** Keep the MySQL spelling: the logical type alone would regenerate a different MySQL type. */
  native?: boolean;
  mods?: 'length' | 'precision-scale' | 'time-precision';
}

const MYSQL_TYPES: Record<string, MysqlTypeEntry> = {
  TINYINT: { logical: 'smallint', native: true },
  SMALLINT: { logical: 'smallint' },
  MEDIUMINT: { logical: 'integer', native: true },
  INT: { logical: 'integer' },
  INTEGER: { logical: 'integer' },
  BIGINT: { logical: 'bigint' },
  DECIMAL: { logical: 'decimal', mods: 'precision-scale' },
  NUMERIC: { logical: 'decimal', mods: 'precision-scale' },
  FLOAT: { logical: 'real' },
  DOUBLE: { logical: 'double' },
  REAL: { logical: 'double' },
  BIT: { logical: 'bit', mods: 'length' },
  BOOLEAN: { logical: 'boolean' },
  BOOL: { logical: 'boolean' },
  CHAR: { logical: 'char', mods: 'length' },
  VARCHAR: { logical: 'varchar', mods: 'length' },
  TINYTEXT: { logical: 'text', native: true },
  // MySQL TEXT/BLOB hold 64 KB; the logical text/blob are unbounded (LONGTEXT/LONGBLOB on MySQL).
  TEXT: { logical: 'text', native: true },
  MEDIUMTEXT: { logical: 'text', native: true },
  LONGTEXT: { logical: 'text', native: true },
  BINARY: { logical: 'binary', mods: 'length' },
  VARBINARY: { logical: 'varbinary', mods: 'length' },
  TINYBLOB: { logical: 'blob', native: true },
  BLOB: { logical: 'blob', native: true },
  MEDIUMBLOB: { logical: 'blob', native: true },
  LONGBLOB: { logical: 'blob', native: true },
  DATE: { logical: 'date' },
  TIME: { logical: 'time', mods: 'time-precision' },
  DATETIME: { logical: 'timestamp', mods: 'time-precision', native: true },
  TIMESTAMP: { logical: 'timestamp', mods: 'time-precision', native: true },
  YEAR: { logical: 'year' },
  JSON: { logical: 'json' },
  GEOMETRY: { logical: 'geometry' },
  POINT: { logical: 'geometry', native: true },
  LINESTRING: { logical: 'geometry', native: true },
  POLYGON: { logical: 'geometry', native: true },
  MULTIPOINT: { logical: 'geometry', native: true },
  MULTILINESTRING: { logical: 'geometry', native: true },
  MULTIPOLYGON: { logical: 'geometry', native: true },
  GEOMETRYCOLLECTION: { logical: 'geometry', native: true },
};

export interface MysqlTypeInput {
  dataType: string;
  length?: number | null;
  scale?: number | null;
  suffix?: string[] | null;
  /** SET('a','b') members, already SQL-quoted. */
  setMembers?: string[];
}

/** Integer types: a width is a display width (INT(11)), kept in the MySQL spelling, not a length. */
const INTEGER_TYPES = new Set(['TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'INTEGER', 'BIGINT']);

export function mapMysqlScalar(input: MysqlTypeInput): ScalarType {
  const dt = input.dataType.toUpperCase();
  const unsigned = (input.suffix ?? []).some((s) => s.toUpperCase() === 'UNSIGNED');
  const zerofill = (input.suffix ?? []).some((s) => s.toUpperCase() === 'ZEROFILL');
  if (dt === 'SET') {
    return { kind: 'scalar', name: 'text', native: { mysql: `set(${(input.setMembers ?? []).join(',')})`.slice(0, 200) } };
  }
  const entry = MYSQL_TYPES[dt];
  if (!entry) return { kind: 'scalar', name: 'text', native: { mysql: dt.toLowerCase() } };
  const type: ScalarType = { kind: 'scalar', name: entry.logical };
  const len = typeof input.length === 'number' && input.length > 0 ? input.length : undefined;
  if (entry.mods === 'length' && len) type.length = len;
  if (entry.mods === 'precision-scale' && input.length != null) {
    type.precision = input.length;
    if (input.scale != null) type.scale = input.scale;
  }
  if (entry.mods === 'time-precision' && input.length != null) type.precision = input.length;
  // ZEROFILL implies UNSIGNED (the server adds it).
  if ((unsigned || zerofill) && (INTEGER_TYPES.has(dt) || dt === 'DECIMAL' || dt === 'NUMERIC' || dt === 'FLOAT' || dt === 'DOUBLE')) type.unsigned = true;
  if (entry.native) {
    let native = dt.toLowerCase();
    if ((dt === 'DATETIME' || dt === 'TIMESTAMP') && input.length != null) native = `${native}(${input.length})`;
    if (unsigned && INTEGER_TYPES.has(dt)) native += ' unsigned';
    type.native = { mysql: native };
  }
  // Integer display widths and ZEROFILL are part of the column's MySQL type (the catalog reports them,
  // and zero-filled values read differently): kept, and ignored by other dialects. tinyint and
  // mediumint have no logical type of their own: their MySQL spelling carries them.
  if (INTEGER_TYPES.has(dt) && (len !== undefined || zerofill)) {
    if (type.native?.mysql) {
      // tinyint(1) included: MySQL's boolean idiom.
      type.native = { mysql: `${dt.toLowerCase()}${len !== undefined ? `(${len})` : ''}${unsigned || zerofill ? ' unsigned' : ''}${zerofill ? ' zerofill' : ''}` };
    } else {
      if (len !== undefined) type.displayWidth = len;
      if (zerofill) type.zerofill = true;
    }
  }
  if (dt === 'FLOAT' && input.length != null) type.native = { mysql: input.scale != null ? `float(${input.length},${input.scale})` : `float(${input.length})` };
  return type;
}
