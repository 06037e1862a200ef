/**
 * DBML column types are free text: SQL type names (`varchar(255)`, `timestamptz`, `text[]`) from any
 * database, and sometimes Prisma scalar names (`String`, `DateTime`) from prisma-dbml-generator. This
 * maps a type name to a logical type, as data; unknown names are kept as a native type by the caller.
 */
import { scalar } from '../../model/build';
import type { LogicalTypeName, ScalarType, Dialect } from '../../model/document';

interface TypeRule {
  logical: LogicalTypeName;
  /** How the parenthesised arguments are read. */
  args?: 'length' | 'precision' | 'precisionScale';
  /** The name implies an auto-increment column (serial). */
  identity?: boolean;
  /** No exact logical equivalent: keep the spelling as the native type. */
  keepNative?: boolean;
}

const R = (logical: LogicalTypeName, extra: Omit<TypeRule, 'logical'> = {}): TypeRule => ({ logical, ...extra });

/** Lower-case base names (without arguments) -> rule. */
const TYPE_RULES: Record<string, TypeRule> = {
  smallint: R('smallint'), int2: R('smallint'), smallserial: R('smallint', { identity: true }), serial2: R('smallint', { identity: true }),
  tinyint: R('smallint', { keepNative: true }), mediumint: R('integer', { keepNative: true }),
  int: R('integer'), integer: R('integer'), int4: R('integer'), serial: R('integer', { identity: true }), serial4: R('integer', { identity: true }),
  bigint: R('bigint'), int8: R('bigint'), bigserial: R('bigint', { identity: true }), serial8: R('bigint', { identity: true }),
  decimal: R('decimal', { args: 'precisionScale' }), numeric: R('decimal', { args: 'precisionScale' }), number: R('decimal', { args: 'precisionScale' }),
  real: R('real'), float4: R('real'), float: R('double'), float8: R('double'), double: R('double'), 'double precision': R('double'),
  bool: R('boolean'), boolean: R('boolean'),
  char: R('char', { args: 'length' }), character: R('char', { args: 'length' }), nchar: R('char', { args: 'length' }),
  varchar: R('varchar', { args: 'length' }), 'character varying': R('varchar', { args: 'length' }), nvarchar: R('varchar', { args: 'length' }), varchar2: R('varchar', { args: 'length' }),
  text: R('text'), string: R('text'), tinytext: R('text', { keepNative: true }), mediumtext: R('text', { keepNative: true }), longtext: R('text', { keepNative: true }), citext: R('text', { keepNative: true }),
  uuid: R('uuid'),
  date: R('date'), time: R('time', { args: 'precision' }), timetz: R('timetz', { args: 'precision' }), 'time with time zone': R('timetz', { args: 'precision' }),
  timestamp: R('timestamp', { args: 'precision' }), datetime: R('timestamp', { args: 'precision' }), 'timestamp without time zone': R('timestamp', { args: 'precision' }),
  timestamptz: R('timestamptz', { args: 'precision' }), 'timestamp with time zone': R('timestamptz', { args: 'precision' }),
  interval: R('interval'), year: R('year'),
  json: R('json'), jsonb: R('jsonb'),
  bytea: R('blob'), blob: R('blob'), bytes: R('blob'), longblob: R('blob', { keepNative: true }), mediumblob: R('blob', { keepNative: true }), tinyblob: R('blob', { keepNative: true }),
  binary: R('binary', { args: 'length' }), varbinary: R('varbinary', { args: 'length' }),
  inet: R('inet'), cidr: R('cidr'), macaddr: R('macaddr'),
  bit: R('bit', { args: 'length' }), varbit: R('varbit', { args: 'length' }), 'bit varying': R('varbit', { args: 'length' }),
  xml: R('xml'), money: R('money'), tsvector: R('tsvector'), geometry: R('geometry', { keepNative: true }),
};

/** Prisma scalar names (prisma-dbml-generator output), matched case-sensitively: `String` is not `string`. */
const PRISMA_SCALARS: Record<string, ScalarType> = {
  String: scalar('text'), Int: scalar('integer'), BigInt: scalar('bigint'), Float: scalar('double'),
  Decimal: scalar('decimal', { precision: 65, scale: 30 }), Boolean: scalar('boolean'), DateTime: scalar('timestamp', { precision: 3 }),
  Json: scalar('jsonb'), Bytes: scalar('blob'),
};

export interface ParsedTypeName {
  /** The base name without arguments or array brackets, as written. */
  base: string;
  args: string[];
  arrayDims: number;
}

export function parseTypeName(typeName: string): ParsedTypeName {
  let rest = typeName.trim();
  let arrayDims = 0;
  while (rest.endsWith('[]')) {
    arrayDims++;
    rest = rest.slice(0, -2).trimEnd();
  }
  const open = rest.indexOf('(');
  if (open < 0 || !rest.endsWith(')')) return { base: rest, args: [], arrayDims };
  const args = rest.slice(open + 1, -1).split(',').map((a) => a.trim()).filter(Boolean);
  return { base: rest.slice(0, open).trim(), args, arrayDims };
}

export interface MappedTypeName {
  type: ScalarType;
  identity: boolean;
  arrayDims: number;
}

/** A scalar type for a DBML type name, or undefined when the name is not a known SQL/Prisma type. */
export function mapTypeName(typeName: string, nativeDialect: Dialect): MappedTypeName | undefined {
  const parsed = parseTypeName(typeName);
  const prisma = PRISMA_SCALARS[parsed.base];
  if (prisma) return { type: prisma, identity: false, arrayDims: parsed.arrayDims };
  const rule = TYPE_RULES[parsed.base.toLowerCase().replace(/\s+/g, ' ')];
  if (!rule) return undefined;
  const extra: Omit<Partial<ScalarType>, 'kind' | 'name'> = {};
  const n = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);
  if (rule.args === 'length' && n(parsed.args[0])) extra.length = n(parsed.args[0]);
  if (rule.args === 'precision' && n(parsed.args[0]) !== undefined) extra.precision = n(parsed.args[0]);
  if (rule.args === 'precisionScale') {
    if (n(parsed.args[0])) extra.precision = n(parsed.args[0]);
    if (n(parsed.args[1]) !== undefined) extra.scale = n(parsed.args[1]);
  }
  if (rule.keepNative) extra.native = { [nativeDialect]: typeName.trim().replace(/(\[\])+$/, '') };
  return { type: scalar(rule.logical, extra), identity: rule.identity ?? false, arrayDims: parsed.arrayDims };
}
