/**
 * Scalar-list defaults of the Prisma importer, from a hand-written DMMF (what getDMMF returns for
 * `roles Role[] @default([USER])`): PostgreSQL rejects `ARRAY['USER']` (text[]) as the default of a
 * "Role"[] column, so enum lists get the cast prisma migrate writes.
 */
import { describe, expect, it } from 'vitest';
import type { DmmfDatamodel, DmmfDefault, DmmfField } from './dmmf-types';
import { dmmfToDocument } from './dmmf-to-document';

function field(name: string, extra: Partial<DmmfField>): DmmfField {
  return { kind: 'scalar', name, isRequired: true, isList: false, isUnique: false, isId: false, type: 'String', hasDefaultValue: false, ...extra };
}

function documentWith(list: Partial<DmmfField>, provider = 'postgresql') {
  const dm: DmmfDatamodel = {
    enums: [{ name: 'Role', dbName: 'user_role', values: [{ name: 'USER', dbName: null }, { name: 'ADMIN', dbName: 'admin' }] }, { name: 'Plain', values: [{ name: 'A', dbName: null }] }],
    models: [{ name: 'User', dbName: null, primaryKey: null, fields: [field('id', { type: 'Int', isId: true }), field('list', { isList: true, ...list })] }],
    indexes: [{ model: 'User', type: 'id', isDefinedOnField: true, fields: [{ name: 'id' }] }],
  };
  const { document } = dmmfToDocument(dm, { provider, viewNames: new Set() });
  return Object.values(document.tables)[0].columns.find((c) => c.name === 'list')!;
}

const CASES: [string, Partial<DmmfField>, DmmfDefault, unknown][] = [
  ['enum list, mapped enum and value names', { kind: 'enum', type: 'Role' }, ['USER', 'ADMIN'], { kind: 'expression', sql: `ARRAY['USER', 'admin']::"user_role"[]` }],
  ['enum list, enum without @@map', { kind: 'enum', type: 'Plain' }, ['A'], { kind: 'expression', sql: `ARRAY['A']::"Plain"[]` }],
  ['empty enum list (an untyped literal takes any array type)', { kind: 'enum', type: 'Role' }, [], { kind: 'expression', sql: `'{}'` }],
  ['String list: text[] needs no cast', { type: 'String' }, ['a', "it's"], { kind: 'expression', sql: `ARRAY['a', 'it''s']` }],
  ['Int list', { type: 'Int' }, [1, 2], { kind: 'expression', sql: 'ARRAY[1, 2]' }],
];

describe('Prisma scalar-list defaults', () => {
  it.each(CASES)('%s', (_name, list, def, expected) => {
    expect(documentWith({ ...list, hasDefaultValue: true, default: def }).default).toEqual(expected);
  });

  it('MySQL has no scalar lists: no default', () => {
    expect(documentWith({ kind: 'enum', type: 'Role', hasDefaultValue: true, default: ['USER'] }, 'mysql').default).toEqual({ kind: 'none' });
  });
});
