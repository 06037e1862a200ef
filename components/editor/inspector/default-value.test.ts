import { describe, expect, it } from 'vitest';
import { scalar } from '@/lib/model/build';
import type { ColumnType, DefaultValue } from '@/lib/model/document';
import { defaultToForm, formToDefault, type DefaultForm } from './default-value';

describe('formToDefault', () => {
  it.each<[DefaultForm, ColumnType, DefaultValue]>([
    [{ kind: 'none', text: 'ignored' }, scalar('text'), { kind: 'none' }],
    [{ kind: 'null', text: '' }, scalar('integer'), { kind: 'literal', value: null }],
    [{ kind: 'literal', text: '42' }, scalar('integer'), { kind: 'literal', value: 42 }],
    [{ kind: 'literal', text: ' -1.5e3 ' }, scalar('double'), { kind: 'literal', value: -1500 }],
    [{ kind: 'literal', text: '9007199254740993' }, scalar('bigint'), { kind: 'literal', value: '9007199254740993' }],
    [{ kind: 'literal', text: '42' }, scalar('text'), { kind: 'literal', value: '42' }],
    [{ kind: 'literal', text: "it's" }, scalar('varchar', { length: 10 }), { kind: 'literal', value: "it's" }],
    [{ kind: 'literal', text: 'TRUE' }, scalar('boolean'), { kind: 'literal', value: true }],
    [{ kind: 'literal', text: '0' }, scalar('boolean'), { kind: 'literal', value: false }],
    [{ kind: 'literal', text: 'abc' }, scalar('text', { native: { postgres: 'citext' } }), { kind: 'literal', value: 'abc' }],
    [{ kind: 'literal', text: 'new' }, { kind: 'enum', enumId: 'e1' }, { kind: 'literal', value: 'new' }],
    [{ kind: 'expression', text: ' now() ' }, scalar('timestamptz'), { kind: 'expression', sql: 'now()' }],
    [{ kind: 'builtin', text: 'uuid' }, scalar('uuid'), { kind: 'builtin', name: 'uuid' }],
  ])('%j on %j', (form, type, expected) => {
    expect(formToDefault(form, type)).toEqual({ ok: true, value: expected });
  });

  it.each<[DefaultForm, ColumnType, string]>([
    [{ kind: 'literal', text: 'abc' }, scalar('integer'), '"abc" is not a number'],
    [{ kind: 'literal', text: '' }, scalar('integer'), '"" is not a number'],
    [{ kind: 'literal', text: '0x10' }, scalar('integer'), '"0x10" is not a number'],
    [{ kind: 'literal', text: 'yes' }, scalar('boolean'), 'A boolean default is true or false'],
    [{ kind: 'expression', text: '  ' }, scalar('text'), 'Write an SQL expression, e.g. now()'],
    [{ kind: 'builtin', text: 'sysdate' }, scalar('date'), 'Choose one of: current_timestamp, current_date, current_time, uuid'],
  ])('rejects %j on %j', (form, type, error) => {
    expect(formToDefault(form, type)).toEqual({ ok: false, error });
  });
});

describe('defaultToForm', () => {
  it.each<[DefaultValue, ColumnType]>([
    [{ kind: 'none' }, scalar('text')],
    [{ kind: 'literal', value: null }, scalar('text')],
    [{ kind: 'literal', value: 'x' }, scalar('text')],
    [{ kind: 'literal', value: 7 }, scalar('integer')],
    [{ kind: 'literal', value: false }, scalar('boolean')],
    [{ kind: 'expression', sql: "'{}'::jsonb" }, scalar('jsonb')],
    [{ kind: 'builtin', name: 'current_timestamp' }, scalar('timestamptz')],
  ])('%j round-trips through the form', (value, type) => {
    expect(formToDefault(defaultToForm(value), type)).toEqual({ ok: true, value });
  });
});
