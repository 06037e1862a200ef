/**
 * Type text <-> ColumnType: the column type picker's pure half (read by the inspector, the canvas
 * and the command builders).
 *
 * The picker is a text field with suggestions, so an architect can type what they know
 * (`varchar(255)`, `numeric(10,2)`, `timestamp with time zone`, `text[]`, `int unsigned`, an enum's
 * name, or something only one dialect has such as `citext`). Known spellings become dialect-neutral
 * logical types; anything else is kept verbatim as the current dialect's native type, with `text` as
 * the logical fallback for the other dialect (the DDL generator reports that fallback).
 */
import type { ColumnType, Dialect, LogicalTypeName, ScalarType, SchemaDocument } from '../model/document';
import { logicalTypeNames } from '../model/document';
import { DIALECTS, spelledTypeName } from './dialects';

export interface ParsedType {
  type: ColumnType;
  /** PostgreSQL array dimensions: `text[][]` -> 2. */
  arrayDims: number;
}

export type ParseTypeResult = { ok: true; value: ParsedType } | { ok: false; error: string };

/** How a spelled type maps onto a logical type, and what its parenthesised arguments mean. */
type ArgsMeaning = 'none' | 'length' | 'precision-scale' | 'time-precision';

interface Alias {
  name: LogicalTypeName;
  args: ArgsMeaning;
  /**
   * A native type with no exact logical twin (`tinyint`, `longtext`, `serial`): kept verbatim for the
   * current dialect, `name` being the nearest logical type the other dialect falls back to.
   */
  native?: true;
}

const alias = (name: LogicalTypeName, args: ArgsMeaning = 'none'): Alias => ({ name, args });
const nearest = (name: LogicalTypeName): Alias => ({ name, args: 'none', native: true });

/**
 * Spellings accepted by the picker, lower case with single spaces. Covers the logical names
 * themselves and the common PostgreSQL and MySQL synonyms. Data, not an if-chain.
 */
const ALIASES: Record<string, Alias> = {
  tinyint: nearest('smallint'), smallint: alias('smallint'), int2: alias('smallint'), smallserial: nearest('smallint'),
  integer: alias('integer'), int: alias('integer'), int4: alias('integer'), mediumint: nearest('integer'), serial: nearest('integer'),
  bigint: alias('bigint'), int8: alias('bigint'), bigserial: nearest('bigint'),
  decimal: alias('decimal', 'precision-scale'), numeric: alias('decimal', 'precision-scale'), dec: alias('decimal', 'precision-scale'),
  real: alias('real'), float4: alias('real'), float: alias('double'),
  double: alias('double'), 'double precision': alias('double'), float8: alias('double'),
  boolean: alias('boolean'), bool: alias('boolean'),
  char: alias('char', 'length'), character: alias('char', 'length'), bpchar: alias('char', 'length'),
  varchar: alias('varchar', 'length'), 'character varying': alias('varchar', 'length'),
  text: alias('text'), tinytext: nearest('text'), mediumtext: nearest('text'), longtext: nearest('text'), citext: nearest('text'),
  uuid: alias('uuid'),
  date: alias('date'),
  time: alias('time', 'time-precision'), 'time without time zone': alias('time', 'time-precision'),
  timetz: alias('timetz', 'time-precision'), 'time with time zone': alias('timetz', 'time-precision'),
  timestamp: alias('timestamp', 'time-precision'), 'timestamp without time zone': alias('timestamp', 'time-precision'),
  datetime: alias('timestamp', 'time-precision'),
  timestamptz: alias('timestamptz', 'time-precision'), 'timestamp with time zone': alias('timestamptz', 'time-precision'),
  interval: alias('interval'),
  year: alias('year'),
  json: alias('json'), jsonb: alias('jsonb'),
  binary: alias('binary', 'length'), varbinary: alias('varbinary', 'length'),
  blob: alias('blob'), bytea: alias('blob'), tinyblob: nearest('blob'), mediumblob: nearest('blob'), longblob: nearest('blob'),
  inet: alias('inet'), cidr: alias('cidr'), macaddr: alias('macaddr'),
  bit: alias('bit', 'length'), varbit: alias('varbit', 'length'), 'bit varying': alias('varbit', 'length'),
  xml: alias('xml'), money: alias('money'), tsvector: alias('tsvector'), geometry: alias('geometry'),
};

/** Logical types whose natural spelling carries a length, for formatting back to text. */
const LENGTH_TYPES: ReadonlySet<LogicalTypeName> = new Set(['char', 'varchar', 'binary', 'varbinary', 'bit', 'varbit']);
const TIME_TYPES: ReadonlySet<LogicalTypeName> = new Set(['time', 'timetz', 'timestamp', 'timestamptz']);
const UNSIGNABLE: ReadonlySet<LogicalTypeName> = new Set(['smallint', 'integer', 'bigint', 'decimal', 'real', 'double']);

/** Splits `name(args) rest` where rest may hold `with time zone`, written after the args in PostgreSQL. */
const TYPE_SYNTAX = /^([a-z_][a-z0-9_ ]*?)\s*(?:\(\s*([^()]*?)\s*\))?\s*((?:with|without)\s+time\s+zone)?\s*(unsigned)?\s*(zerofill)?$/;
/** Integer types whose MySQL spelling may carry a display width and ZEROFILL. */
const DISPLAY_WIDTH_TYPES: ReadonlySet<LogicalTypeName> = new Set(['smallint', 'integer', 'bigint']);

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function parseIntArg(raw: string, what: string): number | string {
  if (!/^-?\d+$/.test(raw)) return `${what} must be a whole number, got "${raw}"`;
  return Number(raw);
}

/**
 * Parses the type text an architect typed. `enumsByName` resolves enum (and domain) names to refs so
 * typing an enum's name picks the enum. Unknown words become the dialect's native type.
 */
export function parseTypeText(
  text: string,
  options: { dialect: Dialect; enumsByName?: ReadonlyMap<string, string>; domainsByName?: ReadonlyMap<string, string> },
): ParseTypeResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Type is empty' };

  // Array suffixes: `text[]`, `integer[][]`, `int[3]` (PostgreSQL ignores declared sizes).
  let body = trimmed;
  let arrayDims = 0;
  for (;;) {
    const m = /\[\s*\d*\s*\]\s*$/.exec(body);
    if (!m) break;
    arrayDims += 1;
    body = body.slice(0, m.index).trimEnd();
  }
  if (/\barray$/i.test(body) && body.length > 5) {
    // SQL-standard `integer ARRAY`.
    arrayDims = Math.max(arrayDims, 1);
    body = body.slice(0, -5).trimEnd();
  }
  if (arrayDims > 6) return { ok: false, error: 'At most 6 array dimensions' };
  if (body === '') return { ok: false, error: 'Type is empty' };

  // Enum and domain names win over everything: the architect named their own type. Exact match
  // first (names are case-sensitive when quoted), then case-insensitive.
  const ref = lookupName(body, options.enumsByName);
  if (ref) return { ok: true, value: { type: { kind: 'enum', enumId: ref }, arrayDims } };
  const domainRef = lookupName(body, options.domainsByName);
  if (domainRef) return { ok: true, value: { type: { kind: 'domain', domainId: domainRef }, arrayDims } };

  const lower = normalise(body);
  // MySQL spells boolean as tinyint(1).
  if (lower === 'tinyint(1)') return { ok: true, value: { type: { kind: 'scalar', name: 'boolean' }, arrayDims } };

  const m = TYPE_SYNTAX.exec(lower);
  const known = m ? ALIASES[m[1]] : undefined;
  if (!m || !known) return nativeFallback(body, arrayDims, options.dialect);

  const [, , rawArgs, zone, unsigned, zerofill] = m;
  if (known.native) {
    // Keep the architect's spelling for this dialect; the nearest logical type serves the other one.
    const native = { [options.dialect]: body.trim() };
    return { ok: true, value: { type: { kind: 'scalar', name: known.name, native }, arrayDims } };
  }
  let name = known.name;
  if (zone) {
    if (name === 'time' || name === 'timetz') name = zone.startsWith('with ') ? 'timetz' : 'time';
    else if (name === 'timestamp' || name === 'timestamptz') name = zone.startsWith('with ') ? 'timestamptz' : 'timestamp';
    else return { ok: false, error: `"${zone}" only applies to time and timestamp` };
  }
  const type: ScalarType = { kind: 'scalar', name };
  const args = rawArgs === undefined ? [] : rawArgs.split(',').map((a) => a.trim());
  if (args.length > 0) {
    switch (known.args) {
      case 'none': {
        // MySQL display widths (`int(11)`): kept on integers so a dump round-trips; dropped on floats.
        if (!UNSIGNABLE.has(name) || args.length !== 1 || !/^\d+$/.test(args[0])) return { ok: false, error: `${m[1]} takes no arguments` };
        const width = Number(args[0]);
        if (DISPLAY_WIDTH_TYPES.has(name)) {
          if (width < 1 || width > 255) return { ok: false, error: 'Display width must be between 1 and 255' };
          type.displayWidth = width;
        }
        break;
      }
      case 'length': {
        if (args.length !== 1) return { ok: false, error: `${m[1]} takes one length, e.g. ${m[1]}(255)` };
        const n = parseIntArg(args[0], 'Length');
        if (typeof n === 'string') return { ok: false, error: n };
        if (n < 1) return { ok: false, error: 'Length must be at least 1' };
        type.length = n;
        break;
      }
      case 'precision-scale': {
        if (args.length > 2) return { ok: false, error: `${m[1]} takes (precision) or (precision, scale)` };
        const p = parseIntArg(args[0], 'Precision');
        if (typeof p === 'string') return { ok: false, error: p };
        if (p < 1 || p > 1000) return { ok: false, error: 'Precision must be between 1 and 1000' };
        type.precision = p;
        if (args.length === 2) {
          const s = parseIntArg(args[1], 'Scale');
          if (typeof s === 'string') return { ok: false, error: s };
          if (s > p) return { ok: false, error: `Scale ${s} is larger than precision ${p}` };
          type.scale = s;
        }
        break;
      }
      case 'time-precision': {
        if (args.length !== 1) return { ok: false, error: `${m[1]} takes one fractional-seconds precision, e.g. (6)` };
        const p = parseIntArg(args[0], 'Precision');
        if (typeof p === 'string') return { ok: false, error: p };
        if (p < 0 || p > 6) return { ok: false, error: 'Fractional-seconds precision must be between 0 and 6' };
        type.precision = p;
        break;
      }
      default: {
        const never: never = known.args;
        throw new Error(`unhandled argument meaning ${String(never)}`);
      }
    }
  }
  if (unsigned || zerofill) {
    if (!UNSIGNABLE.has(name)) return { ok: false, error: `${name} cannot be ${zerofill ? 'zerofill' : 'unsigned'}` };
    // ZEROFILL implies UNSIGNED (MySQL adds it).
    type.unsigned = true;
  }
  if (zerofill) {
    if (!DISPLAY_WIDTH_TYPES.has(name)) return { ok: false, error: `${name} cannot be zerofill here: only integer types keep it` };
    type.zerofill = true;
  }
  return { ok: true, value: { type, arrayDims } };
}

function lookupName(name: string, byName: ReadonlyMap<string, string> | undefined): string | undefined {
  if (!byName) return undefined;
  const exact = byName.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [n, id] of byName) if (n.toLowerCase() === lower) return id;
  return undefined;
}

/** Unknown spelling: keep it verbatim for the current dialect; `text` stands in for the other one. */
function nativeFallback(body: string, arrayDims: number, dialect: Dialect): ParseTypeResult {
  if (/[;]|--|\/\*/.test(body)) return { ok: false, error: 'A type cannot contain ";" or SQL comments' };
  if (!/^[A-Za-z_"`]/.test(body)) return { ok: false, error: `"${body}" does not look like a type name` };
  if (body.length > 200) return { ok: false, error: 'Type text is longer than 200 characters' };
  const native = { [dialect]: body };
  return { ok: true, value: { type: { kind: 'scalar', name: 'text', native }, arrayDims } };
}

/**
 * The text shown for a column's type (picker, canvas, table inspector) in the given dialect: the
 * dialect's own word for the logical type (`numeric(10,2)` in PostgreSQL). Parses back to the same type.
 */
export function formatColumnType(
  type: ColumnType,
  arrayDims: number | undefined,
  doc: Pick<SchemaDocument, 'enums' | 'domains'>,
  dialect: Dialect,
): string {
  return formatBaseType(type, doc, dialect) + '[]'.repeat(arrayDims ?? 0);
}

function formatBaseType(type: ColumnType, doc: Pick<SchemaDocument, 'enums' | 'domains'>, dialect: Dialect): string {
  switch (type.kind) {
    case 'enum':
      return doc.enums[type.enumId]?.name ?? `(missing enum ${type.enumId})`;
    case 'domain':
      return doc.domains[type.domainId]?.name ?? `(missing domain ${type.domainId})`;
    case 'scalar': {
      const native = type.native?.[dialect];
      if (native) return native;
      let out = spelledTypeName(type.name, dialect);
      if (type.name === 'decimal' && type.precision !== undefined) {
        out += type.scale !== undefined ? `(${type.precision},${type.scale})` : `(${type.precision})`;
      } else if (TIME_TYPES.has(type.name) && type.precision !== undefined) {
        out += `(${type.precision})`;
      } else if (LENGTH_TYPES.has(type.name) && type.length !== undefined) {
        out += `(${type.length})`;
      } else if (type.displayWidth !== undefined && DIALECTS[dialect].integerDisplayWidths) {
        out += `(${type.displayWidth})`;
      }
      if (type.unsigned) out += ' unsigned';
      if (type.zerofill && DIALECTS[dialect].integerDisplayWidths) out += ' zerofill';
      return out;
    }
    default: {
      const never: never = type;
      throw new Error(`unhandled column type ${JSON.stringify(never)}`);
    }
  }
}

/** Suggestions for the type picker's datalist: the user's enums and domains first, then types. */
export function typeSuggestions(doc: Pick<SchemaDocument, 'enums' | 'domains'>, dialect: Dialect): string[] {
  const own = [...Object.values(doc.enums).map((e) => e.name), ...Object.values(doc.domains).map((d) => d.name)];
  const { suggestions, hidden } = DIALECTS[dialect].typePicker;
  const logical = logicalTypeNames.filter((n) => !hidden.has(n));
  return [...new Set([...own, ...suggestions, ...logical])];
}

/** Name -> id maps the parser uses to resolve enum and domain names. */
export function userTypeNames(doc: Pick<SchemaDocument, 'enums' | 'domains'>): {
  enumsByName: Map<string, string>;
  domainsByName: Map<string, string>;
} {
  return {
    enumsByName: new Map(Object.values(doc.enums).map((e) => [e.name, e.id])),
    domainsByName: new Map(Object.values(doc.domains).map((d) => [d.name, d.id])),
  };
}
