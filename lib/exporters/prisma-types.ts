/**
 * Logical column types -> Prisma scalar type and native type attribute, per provider, as data.
 * `db` is the `@db.X` attribute without `@db.` (with `$len`, `$p`, `$s` filled from the type).
 * A type with no Prisma scalar becomes `Unsupported("native")`.
 */
import type { Dialect, LogicalTypeName, ScalarType } from '../model/document';
import { PRISMA_CONNECTORS } from './prisma-connectors';

export type PrismaScalar = 'String' | 'Boolean' | 'Int' | 'BigInt' | 'Float' | 'Decimal' | 'DateTime' | 'Json' | 'Bytes';

interface Mapping {
  scalar: PrismaScalar | 'Unsupported';
  /** Native attribute template; absent = Prisma's default native type for the scalar. */
  db?: string;
  /** For Unsupported: the database type text. */
  native?: string;
}

type Table = Record<LogicalTypeName, Mapping>;

const POSTGRES: Table = {
  smallint: { scalar: 'Int', db: 'SmallInt' },
  integer: { scalar: 'Int' },
  bigint: { scalar: 'BigInt' },
  decimal: { scalar: 'Decimal', db: 'Decimal($p,$s)' },
  real: { scalar: 'Float', db: 'Real' },
  double: { scalar: 'Float' },
  boolean: { scalar: 'Boolean' },
  char: { scalar: 'String', db: 'Char($len)' },
  varchar: { scalar: 'String', db: 'VarChar($len)' },
  text: { scalar: 'String' },
  uuid: { scalar: 'String', db: 'Uuid' },
  date: { scalar: 'DateTime', db: 'Date' },
  time: { scalar: 'DateTime', db: 'Time($p)' },
  timetz: { scalar: 'DateTime', db: 'Timetz($p)' },
  timestamp: { scalar: 'DateTime', db: 'Timestamp($p)' },
  timestamptz: { scalar: 'DateTime', db: 'Timestamptz($p)' },
  interval: { scalar: 'Unsupported', native: 'interval' },
  year: { scalar: 'Int' },
  json: { scalar: 'Json', db: 'Json' },
  jsonb: { scalar: 'Json' },
  binary: { scalar: 'Bytes' },
  varbinary: { scalar: 'Bytes' },
  blob: { scalar: 'Bytes' },
  inet: { scalar: 'String', db: 'Inet' },
  cidr: { scalar: 'Unsupported', native: 'cidr' },
  macaddr: { scalar: 'Unsupported', native: 'macaddr' },
  bit: { scalar: 'String', db: 'Bit($len)' },
  varbit: { scalar: 'String', db: 'VarBit($len)' },
  xml: { scalar: 'String', db: 'Xml' },
  money: { scalar: 'Decimal', db: 'Money' },
  tsvector: { scalar: 'Unsupported', native: 'tsvector' },
  geometry: { scalar: 'Unsupported', native: 'geometry' },
};

const MYSQL: Table = {
  smallint: { scalar: 'Int', db: 'SmallInt' },
  integer: { scalar: 'Int' },
  bigint: { scalar: 'BigInt' },
  decimal: { scalar: 'Decimal', db: 'Decimal($p,$s)' },
  real: { scalar: 'Float', db: 'Float' },
  double: { scalar: 'Float' },
  boolean: { scalar: 'Boolean' },
  char: { scalar: 'String', db: 'Char($len)' },
  varchar: { scalar: 'String', db: 'VarChar($len)' },
  text: { scalar: 'String', db: 'Text' },
  uuid: { scalar: 'String', db: 'Char(36)' },
  date: { scalar: 'DateTime', db: 'Date' },
  time: { scalar: 'DateTime', db: 'Time($p)' },
  timetz: { scalar: 'DateTime', db: 'Time($p)' },
  timestamp: { scalar: 'DateTime', db: 'DateTime($p)' },
  timestamptz: { scalar: 'DateTime', db: 'Timestamp($p)' },
  interval: { scalar: 'Unsupported', native: 'interval' },
  year: { scalar: 'Int', db: 'Year' },
  json: { scalar: 'Json' },
  jsonb: { scalar: 'Json' },
  binary: { scalar: 'Bytes', db: 'Binary($len)' },
  varbinary: { scalar: 'Bytes', db: 'VarBinary($len)' },
  blob: { scalar: 'Bytes', db: 'Blob' },
  inet: { scalar: 'String', db: 'VarChar(45)' },
  cidr: { scalar: 'String', db: 'VarChar(49)' },
  macaddr: { scalar: 'String', db: 'VarChar(17)' },
  bit: { scalar: 'Bytes', db: 'Bit($len)' },
  varbit: { scalar: 'Bytes', db: 'Bit($len)' },
  xml: { scalar: 'String', db: 'Text' },
  money: { scalar: 'Decimal', db: 'Decimal(19,4)' },
  tsvector: { scalar: 'String', db: 'Text' },
  geometry: { scalar: 'Unsupported', native: 'geometry' },
};

/** SQLite: scalars only (Prisma's SQLite connector takes no @db attributes). */
const SQLITE: Table = {
  smallint: { scalar: 'Int' },
  integer: { scalar: 'Int' },
  bigint: { scalar: 'BigInt' },
  decimal: { scalar: 'Decimal' },
  real: { scalar: 'Float' },
  double: { scalar: 'Float' },
  boolean: { scalar: 'Boolean' },
  char: { scalar: 'String' },
  varchar: { scalar: 'String' },
  text: { scalar: 'String' },
  uuid: { scalar: 'String' },
  date: { scalar: 'DateTime' },
  time: { scalar: 'DateTime' },
  timetz: { scalar: 'DateTime' },
  timestamp: { scalar: 'DateTime' },
  timestamptz: { scalar: 'DateTime' },
  interval: { scalar: 'String' },
  year: { scalar: 'Int' },
  json: { scalar: 'Json' },
  jsonb: { scalar: 'Json' },
  binary: { scalar: 'Bytes' },
  varbinary: { scalar: 'Bytes' },
  blob: { scalar: 'Bytes' },
  inet: { scalar: 'String' },
  cidr: { scalar: 'String' },
  macaddr: { scalar: 'String' },
  bit: { scalar: 'Int' },
  varbit: { scalar: 'String' },
  xml: { scalar: 'String' },
  money: { scalar: 'Decimal' },
  tsvector: { scalar: 'String' },
  geometry: { scalar: 'Unsupported', native: 'blob' },
};

/** Native type spellings (lower-case, without parameters) that have a Prisma equivalent. */
const TABLES: Record<Dialect, Table> = { postgres: POSTGRES, mysql: MYSQL, sqlite: SQLITE };

const NATIVE: Record<Dialect, Record<string, { scalar: PrismaScalar; db?: string }>> = {
  postgres: {
    citext: { scalar: 'String', db: 'Citext' },
    bytea: { scalar: 'Bytes' },
    oid: { scalar: 'Int', db: 'Oid' },
    jsonb: { scalar: 'Json' },
    json: { scalar: 'Json', db: 'Json' },
    text: { scalar: 'String' },
  },
  mysql: {
    tinyint: { scalar: 'Int', db: 'TinyInt' },
    mediumint: { scalar: 'Int', db: 'MediumInt' },
    tinytext: { scalar: 'String', db: 'TinyText' },
    mediumtext: { scalar: 'String', db: 'MediumText' },
    longtext: { scalar: 'String', db: 'LongText' },
    text: { scalar: 'String', db: 'Text' },
    tinyblob: { scalar: 'Bytes', db: 'TinyBlob' },
    mediumblob: { scalar: 'Bytes', db: 'MediumBlob' },
    longblob: { scalar: 'Bytes', db: 'LongBlob' },
    blob: { scalar: 'Bytes', db: 'Blob' },
    datetime: { scalar: 'DateTime', db: 'DateTime(0)' },
    json: { scalar: 'Json' },
  },
  sqlite: {
    integer: { scalar: 'Int' },
    int: { scalar: 'Int' },
    text: { scalar: 'String' },
    real: { scalar: 'Float' },
    numeric: { scalar: 'Decimal' },
    blob: { scalar: 'Bytes' },
    datetime: { scalar: 'DateTime' },
    boolean: { scalar: 'Boolean' },
    jsonb: { scalar: 'Json' },
  },
};

export interface PrismaType {
  scalar: PrismaScalar | 'Unsupported';
  /** `@db.X(...)` or undefined. */
  attribute?: string;
  /** For Unsupported: the text inside `Unsupported("...")`. */
  native?: string;
  /** The native type could not be expressed exactly: the logical type's mapping was used. */
  approximated?: string;
}

/** Prisma native-type argument limits that getDMMF enforces (e.g. timestamp precision 0..6). */
function clampPrecision(p: number | undefined): number | undefined {
  return p === undefined ? undefined : Math.min(6, Math.max(0, p));
}

function fill(template: string, t: ScalarType, dialect: Dialect): string | undefined {
  const len = t.length;
  const p = t.name === 'decimal' ? t.precision : clampPrecision(t.precision ?? (['time', 'timetz', 'timestamp', 'timestamptz'].includes(t.name) ? t.length : undefined));
  if (template.includes('$p,$s')) {
    const decimal = PRISMA_CONNECTORS[dialect].decimal;
    if (p === undefined) return decimal.unsized;
    return template.replace('$p,$s', `${Math.min(p, decimal.maxPrecision)},${Math.max(0, t.scale ?? 0)}`);
  }
  if (template.includes('$len')) {
    if (len === undefined) {
      if (template.startsWith('VarChar')) return PRISMA_CONNECTORS[dialect].unsized.varchar;
      if (template.startsWith('Char')) return 'Char(1)';
      if (template.startsWith('Bit') || template.startsWith('VarBit')) return template.startsWith('VarBit') ? 'VarBit' : 'Bit(1)';
      return template.replace('($len)', PRISMA_CONNECTORS[dialect].unsized.length);
    }
    return template.replace('$len', String(len));
  }
  if (template.includes('$p')) return p === undefined ? template.replace('($p)', PRISMA_CONNECTORS[dialect].unsized.precision) : template.replace('$p', String(p));
  return template;
}

export function prismaTypeOf(t: ScalarType, dialect: Dialect): PrismaType {
  const native = t.native?.[dialect];
  const base = TABLES[dialect][t.name];
  if (native) {
    const word = native.toLowerCase().replace(/\(.*$/, '').trim();
    const known = NATIVE[dialect][word];
    if (known) return { scalar: known.scalar, attribute: known.db && `@db.${known.db}` };
    if (base.scalar === 'Unsupported' || !/^[a-z ]+(\(\d+(,\s*\d+)?\))?$/i.test(native)) return { scalar: 'Unsupported', native };
    // A native spelling of an ordinary type (e.g. `int4`, `character varying(20)`): the logical
    // type says the same thing.
    const mapped = fromBase(base, t, dialect);
    return { ...mapped, approximated: native };
  }
  return fromBase(base, t, dialect);
}

function fromBase(base: Mapping, t: ScalarType, dialect: Dialect): PrismaType {
  if (base.scalar === 'Unsupported') return { scalar: 'Unsupported', native: base.native };
  let scalar = base.scalar;
  let db = base.db;
  // MySQL UNSIGNED integers have their own native types.
  const unsigned = t.unsigned ? PRISMA_CONNECTORS[dialect].unsigned?.[t.name] : undefined;
  if (unsigned) db = unsigned;
  if (unsigned && t.name === 'integer') scalar = 'Int';
  const filled = db ? fill(db, t, dialect) : undefined;
  return { scalar, attribute: filled ? `@db.${filled}` : undefined };
}
