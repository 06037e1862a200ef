import { describe, expect, it } from 'vitest';
import { documentOf, enumType, scalar } from '../model/build';
import type { ColumnType, Dialect } from '../model/document';
import { formatColumnType, parseTypeText, typeSuggestions, userTypeNames } from './type-text';

const doc = documentOf({
  enums: [{ id: 'enm_status', name: 'order_status', values: ['new', 'paid'] }],
  domains: [{ id: 'dom_email', name: 'email', type: scalar('text'), nullable: true, default: { kind: 'none' }, checks: [] }],
});
const names = userTypeNames(doc);

function parse(text: string, dialect: Dialect = 'postgres') {
  return parseTypeText(text, { dialect, ...names });
}

describe('parseTypeText', () => {
  it.each<[string, ColumnType, number]>([
    ['varchar(255)', scalar('varchar', { length: 255 }), 0],
    ['VARCHAR ( 255 )', scalar('varchar', { length: 255 }), 0],
    ['character varying(20)', scalar('varchar', { length: 20 }), 0],
    ['numeric(10,2)', scalar('decimal', { precision: 10, scale: 2 }), 0],
    ['decimal(12)', scalar('decimal', { precision: 12 }), 0],
    ['numeric', scalar('decimal'), 0],
    ['text[]', scalar('text'), 1],
    ['integer[][]', scalar('integer'), 2],
    ['int[3]', scalar('integer'), 1],
    ['integer ARRAY', scalar('integer'), 1],
    ['int', scalar('integer'), 0],
    ['int4', scalar('integer'), 0],
    ['int(11)', scalar('integer', { displayWidth: 11 }), 0],
    ['int unsigned', scalar('integer', { unsigned: true }), 0],
    ['bigint(20) unsigned', scalar('bigint', { unsigned: true, displayWidth: 20 }), 0],
    ['int(11) unsigned zerofill', scalar('integer', { unsigned: true, displayWidth: 11, zerofill: true }), 0],
    ['smallint(4) zerofill', scalar('smallint', { unsigned: true, displayWidth: 4, zerofill: true }), 0],
    ['double(10) unsigned', scalar('double', { unsigned: true }), 0],
    ['decimal(10,2) unsigned', scalar('decimal', { precision: 10, scale: 2, unsigned: true }), 0],
    ['double precision', scalar('double'), 0],
    ['float8', scalar('double'), 0],
    ['bool', scalar('boolean'), 0],
    ['tinyint(1)', scalar('boolean'), 0],
    ['timestamp with time zone', scalar('timestamptz'), 0],
    ['timestamp(3) with time zone', scalar('timestamptz', { precision: 3 }), 0],
    ['timestamp without time zone', scalar('timestamp'), 0],
    ['timestamptz(6)', scalar('timestamptz', { precision: 6 }), 0],
    ['time with time zone', scalar('timetz'), 0],
    ['datetime(6)', scalar('timestamp', { precision: 6 }), 0],
    ['bytea', scalar('blob'), 0],
    ['jsonb', scalar('jsonb'), 0],
    ['uuid', scalar('uuid'), 0],
    ['bit varying(8)', scalar('varbit', { length: 8 }), 0],
    ['char(2)', scalar('char', { length: 2 }), 0],
  ])('%s', (text, type, arrayDims) => {
    expect(parse(text)).toEqual({ ok: true, value: { type, arrayDims } });
  });

  it('resolves the document’s enum and domain names, case-insensitively as a fallback', () => {
    expect(parse('order_status')).toEqual({ ok: true, value: { type: enumType('enm_status'), arrayDims: 0 } });
    expect(parse('ORDER_STATUS[]')).toEqual({ ok: true, value: { type: enumType('enm_status'), arrayDims: 1 } });
    expect(parse('email')).toEqual({ ok: true, value: { type: { kind: 'domain', domainId: 'dom_email' }, arrayDims: 0 } });
  });

  it('keeps unknown and dialect-only spellings verbatim as the current dialect’s native type', () => {
    expect(parse('citext')).toEqual({ ok: true, value: { type: scalar('text', { native: { postgres: 'citext' } }), arrayDims: 0 } });
    expect(parse('geography(Point,4326)')).toEqual({
      ok: true,
      value: { type: scalar('text', { native: { postgres: 'geography(Point,4326)' } }), arrayDims: 0 },
    });
    expect(parse('tinyint', 'mysql')).toEqual({ ok: true, value: { type: scalar('smallint', { native: { mysql: 'tinyint' } }), arrayDims: 0 } });
    expect(parse('longtext', 'mysql')).toEqual({ ok: true, value: { type: scalar('text', { native: { mysql: 'longtext' } }), arrayDims: 0 } });
    expect(parse('serial')).toEqual({ ok: true, value: { type: scalar('integer', { native: { postgres: 'serial' } }), arrayDims: 0 } });
  });

  it.each([
    ['', 'Type is empty'],
    ['   ', 'Type is empty'],
    ['[]', 'Type is empty'],
    ['varchar(abc)', 'Length must be a whole number, got "abc"'],
    ['varchar(0)', 'Length must be at least 1'],
    ['varchar(1,2)', 'varchar takes one length, e.g. varchar(255)'],
    ['numeric(2,5)', 'Scale 5 is larger than precision 2'],
    ['numeric(1,2,3)', 'numeric takes (precision) or (precision, scale)'],
    ['timestamp(9)', 'Fractional-seconds precision must be between 0 and 6'],
    ['text(10)', 'text takes no arguments'],
    ['int(0)', 'Display width must be between 1 and 255'],
    ['decimal(10,2) zerofill', 'decimal cannot be zerofill here: only integer types keep it'],
    ['text zerofill', 'text cannot be zerofill'],
    ['text unsigned', 'text cannot be unsigned'],
    ['integer with time zone', '"with time zone" only applies to time and timestamp'],
    ['int; drop table users', 'A type cannot contain ";" or SQL comments'],
    ['text -- x', 'A type cannot contain ";" or SQL comments'],
    ['(x)', '"(x)" does not look like a type name'],
    ['int[][][][][][][]', 'At most 6 array dimensions'],
  ])('rejects %j with a clear message', (text, error) => {
    expect(parse(text)).toEqual({ ok: false, error });
  });
});

describe('formatColumnType', () => {
  it.each<[ColumnType, number, Dialect, string]>([
    [scalar('varchar', { length: 255 }), 0, 'postgres', 'varchar(255)'],
    // Each dialect's own word for the logical type, as its DDL writes it.
    [scalar('decimal', { precision: 10, scale: 2 }), 0, 'postgres', 'numeric(10,2)'],
    [scalar('decimal', { precision: 10, scale: 2 }), 0, 'mysql', 'decimal(10,2)'],
    [scalar('decimal', { precision: 10 }), 0, 'mysql', 'decimal(10)'],
    [scalar('double'), 0, 'postgres', 'double precision'],
    [scalar('blob'), 0, 'postgres', 'bytea'],
    [scalar('integer'), 0, 'postgres', 'integer'],
    [scalar('timestamptz', { precision: 3 }), 0, 'postgres', 'timestamptz(3)'],
    [scalar('integer', { unsigned: true }), 0, 'mysql', 'int unsigned'],
    // MySQL display widths and ZEROFILL are shown where they mean something (and edited there).
    [scalar('integer', { unsigned: true, displayWidth: 11, zerofill: true }), 0, 'mysql', 'int(11) unsigned zerofill'],
    [scalar('integer', { unsigned: true, displayWidth: 11, zerofill: true }), 0, 'postgres', 'integer unsigned'],
    [scalar('text'), 2, 'postgres', 'text[][]'],
    [scalar('text', { native: { postgres: 'citext' } }), 0, 'postgres', 'citext'],
    // The other dialect sees the logical fallback.
    [scalar('text', { native: { postgres: 'citext' } }), 0, 'mysql', 'text'],
    [enumType('enm_status'), 1, 'postgres', 'order_status[]'],
    [{ kind: 'domain', domainId: 'dom_email' }, 0, 'postgres', 'email'],
    [enumType('enm_gone'), 0, 'postgres', '(missing enum enm_gone)'],
  ])('%j x%i in %s -> %s', (type, dims, dialect, text) => {
    expect(formatColumnType(type, dims, doc, dialect)).toBe(text);
  });

  it('round-trips every logical type with its parameters through the picker text', () => {
    const types: ColumnType[] = [
      scalar('smallint'), scalar('integer', { unsigned: true }), scalar('bigint'), scalar('decimal', { precision: 18, scale: 4 }),
      scalar('real'), scalar('double'), scalar('boolean'), scalar('char', { length: 3 }), scalar('varchar', { length: 80 }),
      scalar('text'), scalar('uuid'), scalar('date'), scalar('time', { precision: 0 }), scalar('timetz'), scalar('timestamp'),
      scalar('timestamptz', { precision: 6 }), scalar('interval'), scalar('year'), scalar('json'), scalar('jsonb'),
      scalar('binary', { length: 16 }), scalar('varbinary', { length: 255 }), scalar('blob'), scalar('inet'), scalar('cidr'),
      scalar('macaddr'), scalar('bit', { length: 1 }), scalar('varbit', { length: 64 }), scalar('xml'), scalar('money'),
      scalar('tsvector'), scalar('geometry'), enumType('enm_status'),
    ];
    for (const dialect of ['postgres', 'mysql'] as const) {
      for (const type of types) {
        for (const dims of [0, 1]) {
          const text = formatColumnType(type, dims, doc, dialect);
          expect(parse(text, dialect), text).toEqual({ ok: true, value: { type, arrayDims: dims } });
        }
      }
    }
    // Display widths and ZEROFILL exist in MySQL's spelling only (PostgreSQL ignores them).
    for (const type of [scalar('bigint', { displayWidth: 20 }), scalar('integer', { unsigned: true, displayWidth: 4, zerofill: true })]) {
      expect(parse(formatColumnType(type, 0, doc, 'mysql'), 'mysql')).toEqual({ ok: true, value: { type, arrayDims: 0 } });
    }
  });
});

describe('typeSuggestions', () => {
  it('lists the document’s own types first and hides the other dialect’s specialities', () => {
    const pg = typeSuggestions(doc, 'postgres');
    const my = typeSuggestions(doc, 'mysql');
    expect(pg.slice(0, 2)).toEqual(['order_status', 'email']);
    expect(pg).toContain('jsonb');
    expect(pg).not.toContain('year');
    expect(my).toContain('year');
    expect(my).not.toContain('jsonb');
    expect(new Set(pg).size).toBe(pg.length);
  });
});
