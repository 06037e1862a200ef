/**
 * Prisma scalar types and `@db.*` native types as data: what each becomes in the document. Where a
 * native type has no logical equivalent, the logical type is the closest one and the native spelling is
 * kept for the dialect it was written for.
 */
import { scalar } from '../../model/build';
import type { Dialect, LogicalTypeName, ScalarType } from '../../model/document';

/**
 * Prisma's scalar types without `@db.*`, per provider (what `prisma migrate` would create; on SQLite,
 * which has no `@db.*`, the exact declared type its migrations write, as the SQLite native type).
 */
const DEFAULT_TYPES: Record<string, Record<Dialect, ScalarType>> = {
  String: { postgres: scalar('text'), mysql: scalar('varchar', { length: 191 }), sqlite: scalar('text', { native: { sqlite: 'TEXT' } }) },
  Boolean: { postgres: scalar('boolean'), mysql: scalar('boolean'), sqlite: scalar('boolean', { native: { sqlite: 'BOOLEAN' } }) },
  Int: { postgres: scalar('integer'), mysql: scalar('integer'), sqlite: scalar('integer', { native: { sqlite: 'INTEGER' } }) },
  BigInt: { postgres: scalar('bigint'), mysql: scalar('bigint'), sqlite: scalar('bigint', { native: { sqlite: 'BIGINT' } }) },
  Float: { postgres: scalar('double'), mysql: scalar('double'), sqlite: scalar('double', { native: { sqlite: 'REAL' } }) },
  Decimal: { postgres: scalar('decimal', { precision: 65, scale: 30 }), mysql: scalar('decimal', { precision: 65, scale: 30 }), sqlite: scalar('decimal', { native: { sqlite: 'DECIMAL' } }) },
  DateTime: { postgres: scalar('timestamp', { precision: 3 }), mysql: scalar('timestamp', { precision: 3, native: { mysql: 'datetime(3)' } }), sqlite: scalar('timestamp', { precision: 3, native: { sqlite: 'DATETIME' } }) },
  Json: { postgres: scalar('jsonb'), mysql: scalar('json'), sqlite: scalar('json', { native: { sqlite: 'JSONB' } }) },
  Bytes: { postgres: scalar('blob'), mysql: scalar('blob', { native: { mysql: 'longblob' } }), sqlite: scalar('blob', { native: { sqlite: 'BLOB' } }) },
};

type ArgShape = 'none' | 'length' | 'precision' | 'precisionScale';

interface NativeRule {
  logical: LogicalTypeName;
  args: ArgShape;
  /** Keep the native spelling for the source dialect (no exact logical equivalent). */
  keepNative?: boolean;
  unsigned?: boolean;
}

const rule = (logical: LogicalTypeName, args: ArgShape = 'none', extra: Partial<NativeRule> = {}): NativeRule => ({ logical, args, ...extra });

/** `@db.X` for PostgreSQL (and CockroachDB, which shares most names). */
const POSTGRES_NATIVE: Record<string, NativeRule> = {
  Text: rule('text'), VarChar: rule('varchar', 'length'), Char: rule('char', 'length'), Citext: rule('text', 'none', { keepNative: true }),
  Uuid: rule('uuid'), Xml: rule('xml'), Inet: rule('inet'), Money: rule('money'),
  SmallInt: rule('smallint'), Integer: rule('integer'), Int: rule('integer'), BigInt: rule('bigint'), Int2: rule('smallint'), Int4: rule('integer'), Int8: rule('bigint'),
  Oid: rule('integer', 'none', { keepNative: true }),
  Real: rule('real'), Float4: rule('real'), DoublePrecision: rule('double'), Float8: rule('double'), Decimal: rule('decimal', 'precisionScale'),
  Boolean: rule('boolean'), Bool: rule('boolean'),
  Timestamp: rule('timestamp', 'precision'), Timestamptz: rule('timestamptz', 'precision'), Date: rule('date'), Time: rule('time', 'precision'), Timetz: rule('timetz', 'precision'),
  Json: rule('json'), JsonB: rule('jsonb'), ByteA: rule('blob'), Bytes: rule('blob'),
  Bit: rule('bit', 'length'), VarBit: rule('varbit', 'length'), String: rule('text'),
};

/** `@db.X` for MySQL/MariaDB. */
const MYSQL_NATIVE: Record<string, NativeRule> = {
  VarChar: rule('varchar', 'length'), Char: rule('char', 'length'), Text: rule('text'),
  TinyText: rule('text', 'none', { keepNative: true }), MediumText: rule('text', 'none', { keepNative: true }), LongText: rule('text', 'none', { keepNative: true }),
  TinyInt: rule('smallint', 'none', { keepNative: true }), UnsignedTinyInt: rule('smallint', 'none', { keepNative: true, unsigned: true }),
  SmallInt: rule('smallint'), UnsignedSmallInt: rule('smallint', 'none', { unsigned: true }),
  MediumInt: rule('integer', 'none', { keepNative: true }), UnsignedMediumInt: rule('integer', 'none', { keepNative: true, unsigned: true }),
  Int: rule('integer'), UnsignedInt: rule('integer', 'none', { unsigned: true }),
  BigInt: rule('bigint'), UnsignedBigInt: rule('bigint', 'none', { unsigned: true }),
  Float: rule('real'), Double: rule('double'), Decimal: rule('decimal', 'precisionScale'),
  DateTime: rule('timestamp', 'precision', { keepNative: true }), Timestamp: rule('timestamptz', 'precision', { keepNative: true }),
  Date: rule('date'), Time: rule('time', 'precision'), Year: rule('year'),
  Json: rule('json'), Bit: rule('bit', 'length'),
  Binary: rule('binary', 'length'), VarBinary: rule('varbinary', 'length'),
  TinyBlob: rule('blob', 'none', { keepNative: true }), Blob: rule('blob'), MediumBlob: rule('blob', 'none', { keepNative: true }), LongBlob: rule('blob', 'none', { keepNative: true }),
};

function positiveInt(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function nativeSpelling(name: string, args: readonly string[]): string {
  const lower = name.toLowerCase();
  return args.length ? `${lower}(${args.join(',')})` : lower;
}

export interface MappedType {
  type: ScalarType;
  /** Set when the native type was unknown and we fell back to the Prisma scalar's default. */
  unknownNative?: string;
}

/** The document type of a Prisma scalar field, with its optional `@db.X(args)`. */
export function mapPrismaScalar(prismaType: string, native: readonly [string, readonly string[]] | null | undefined, dialect: Dialect): MappedType | undefined {
  const fallback = DEFAULT_TYPES[prismaType]?.[dialect];
  if (!native) return fallback ? { type: fallback } : undefined;
  const [name, args] = native;
  const table = dialect === 'mysql' ? MYSQL_NATIVE : POSTGRES_NATIVE;
  const r = table[name];
  if (!r) {
    const type = fallback ?? scalar('text');
    return { type: { ...type, native: { [dialect]: nativeSpelling(name, args) } }, unknownNative: `@db.${name}` };
  }
  const extra: Omit<Partial<ScalarType>, 'kind' | 'name'> = {};
  if (r.args === 'length') {
    const length = positiveInt(args[0]);
    if (length !== undefined) extra.length = length;
  } else if (r.args === 'precision') {
    const p = Number.parseInt(args[0] ?? '', 10);
    if (Number.isFinite(p) && p >= 0) extra.precision = p;
  } else if (r.args === 'precisionScale') {
    const p = positiveInt(args[0]);
    const s = Number.parseInt(args[1] ?? '', 10);
    if (p !== undefined) extra.precision = p;
    if (Number.isFinite(s)) extra.scale = s;
  }
  if (r.unsigned) extra.unsigned = true;
  if (r.keepNative) extra.native = { [dialect]: nativeSpelling(name.replace(/^Unsigned/, ''), args) };
  // Prisma's Boolean on MySQL is tinyint(1); @db.TinyInt on a Boolean field is the same thing.
  if (prismaType === 'Boolean') return { type: scalar('boolean') };
  return { type: scalar(r.logical, extra) };
}
