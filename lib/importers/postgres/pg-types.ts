/**
 * PostgreSQL type names (as libpg-query normalises them: `pg_catalog.int4`, `pg_catalog.varchar`,
 * `text`...) to the document's logical types. A table of data, not an if-chain. Types with no logical
 * equivalent (citext, tsquery, point, ranges, vector...) keep their exact spelling in
 * `native.postgres` so regenerated DDL is faithful; the logical `text` is only the fallback elsewhere.
 */
import type { LogicalTypeName, ScalarType } from '../../model/document';

interface PgTypeEntry {
  logical: LogicalTypeName;
  /** How the type modifiers read: (length) | (precision[, scale]) | (fractional seconds precision). */
  mods?: 'length' | 'precision-scale' | 'time-precision';
  /** serial types: integer + identity. */
  serial?: boolean;
}

const PG_TYPES: Record<string, PgTypeEntry> = {
  int2: { logical: 'smallint' },
  smallint: { logical: 'smallint' },
  int4: { logical: 'integer' },
  int: { logical: 'integer' },
  integer: { logical: 'integer' },
  int8: { logical: 'bigint' },
  bigint: { logical: 'bigint' },
  smallserial: { logical: 'smallint', serial: true },
  serial2: { logical: 'smallint', serial: true },
  serial: { logical: 'integer', serial: true },
  serial4: { logical: 'integer', serial: true },
  bigserial: { logical: 'bigint', serial: true },
  serial8: { logical: 'bigint', serial: true },
  numeric: { logical: 'decimal', mods: 'precision-scale' },
  decimal: { logical: 'decimal', mods: 'precision-scale' },
  float4: { logical: 'real' },
  real: { logical: 'real' },
  float8: { logical: 'double' },
  bool: { logical: 'boolean' },
  boolean: { logical: 'boolean' },
  bpchar: { logical: 'char', mods: 'length' },
  char: { logical: 'char', mods: 'length' },
  character: { logical: 'char', mods: 'length' },
  varchar: { logical: 'varchar', mods: 'length' },
  text: { logical: 'text' },
  uuid: { logical: 'uuid' },
  date: { logical: 'date' },
  time: { logical: 'time', mods: 'time-precision' },
  timetz: { logical: 'timetz', mods: 'time-precision' },
  timestamp: { logical: 'timestamp', mods: 'time-precision' },
  timestamptz: { logical: 'timestamptz', mods: 'time-precision' },
  json: { logical: 'json' },
  jsonb: { logical: 'jsonb' },
  bytea: { logical: 'blob' },
  inet: { logical: 'inet' },
  cidr: { logical: 'cidr' },
  macaddr: { logical: 'macaddr' },
  bit: { logical: 'bit', mods: 'length' },
  varbit: { logical: 'varbit', mods: 'length' },
  xml: { logical: 'xml' },
  money: { logical: 'money' },
  tsvector: { logical: 'tsvector' },
};

/** `interval` with field modifiers and PostGIS `geometry(...)` keep their native spelling. */
const NATIVE_WITH_LOGICAL: Record<string, LogicalTypeName> = {
  interval: 'interval',
  geometry: 'geometry',
  geography: 'geometry',
};

export interface PgTypeInput {
  /** Name parts as parsed, e.g. ['pg_catalog', 'varchar'] or ['public', 'mpaa_rating']. */
  names: string[];
  /** Integer type modifiers; undefined when a modifier is not an integer (e.g. geometry(Polygon,4326)). */
  intMods: number[] | undefined;
  /** The type spelled back as SQL, without array brackets (for native.postgres); computed on demand (deparsing is costly). */
  native: () => string;
}

export interface PgTypeResult {
  type: ScalarType;
  serial: boolean;
}

/** Maps a built-in type; undefined when the name is not built in (a user enum/domain or an extension type). */
export function mapPgScalar(input: PgTypeInput): PgTypeResult | undefined {
  const parts = input.names;
  const schema = parts.length > 1 ? parts[parts.length - 2] : undefined;
  const base = parts[parts.length - 1];
  // PostGIS types live in the schema the extension was created in (often public).
  const logicalNative = NATIVE_WITH_LOGICAL[base];
  if (schema !== undefined && schema !== 'pg_catalog' && !logicalNative) return undefined;
  const entry = schema === undefined || schema === 'pg_catalog' ? PG_TYPES[base] : undefined;
  if (entry) {
    const mods = input.intMods ?? [];
    const type: ScalarType = { kind: 'scalar', name: entry.logical };
    if (input.intMods === undefined) {
      type.native = { postgres: input.native() };
    } else if (entry.mods === 'length' && mods[0] !== undefined && mods[0] > 0) type.length = mods[0];
    else if (entry.mods === 'precision-scale' && mods[0] !== undefined) {
      type.precision = mods[0];
      if (mods[1] !== undefined) type.scale = mods[1];
    } else if (entry.mods === 'time-precision' && mods[0] !== undefined && mods[0] >= 0) type.precision = mods[0];
    return { type, serial: entry.serial === true };
  }
  const logical = logicalNative;
  if (logical) {
    const native = input.native();
    const plain = native === base && (input.intMods?.length ?? 0) === 0;
    return { type: plain ? { kind: 'scalar', name: logical } : { kind: 'scalar', name: logical, native: { postgres: native } }, serial: false };
  }
  return undefined;
}

/** A type nothing maps: kept verbatim for PostgreSQL, `text` elsewhere. */
export function nativeOnly(native: string): ScalarType {
  return { kind: 'scalar', name: 'text', native: { postgres: native } };
}
