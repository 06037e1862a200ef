import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { commandsFixture } from '../model/commands/test-fixture';
import type { SchemaDocument } from '../model/document';
import { integrityIssues } from '../model/validate';
import { needsRepair, repairMerged } from './repair';

/** A merged state two valid edits could produce, made by hand. */
const merged = (edit: (d: SchemaDocument) => void) => produce(commandsFixture(), edit);

describe('repairMerged', () => {
  it('leaves a valid document alone', () => {
    const doc = commandsFixture();
    const r = repairMerged(doc);
    expect(r.doc).toBe(doc);
    expect([r.patches, r.repairs, r.unresolved]).toEqual([[], [], []]);
  });

  it('removes a foreign key whose only column someone else removed, naming the column from before the merge', () => {
    const before = commandsFixture();
    const doc = merged((d) => {
      d.tables.t_orders.columns = d.tables.t_orders.columns.filter((c) => c.id !== 'c_orders_user_id');
      d.tables.t_orders.uniques = [];
      d.tables.t_orders.indexes = d.tables.t_orders.indexes.filter((ix) => ix.id !== 'i_orders_user');
    });
    const r = repairMerged(doc, { before });
    expect(r.doc.relationships.r_orders_users).toBeUndefined();
    expect(r.repairs).toEqual([{ entityId: 'r_orders_users', kind: 'removed', message: 'foreign key orders(user_id) -> users(id) removed: its only column "user_id" was removed' }]);
    expect(r.unresolved).toEqual([]);
  });

  it('takes a removed column out of an index someone else extended with it', () => {
    const doc = merged((d) => {
      d.tables.t_users.indexes[0].parts.push({ kind: 'column', columnId: 'c_users_gone' });
    });
    const r = repairMerged(doc);
    expect(r.doc.tables.t_users.indexes[0].parts).toEqual(commandsFixture().tables.t_users.indexes[0].parts);
    expect(r.repairs.map((c) => c.message)).toEqual(['index "ix_users_name" updated: column "c_users_gone" removed from its key']);
  });

  it('deletion wins: what pointed at a removed table from outside goes, each reported', () => {
    const before = commandsFixture();
    const doc = merged((d) => {
      delete d.tables.t_users;
      delete d.relationships.r_users_manager;
      // Another person's concurrent edits that still point at it:
      d.areas.a_sales.tableIds.push('t_users');
      d.layout.tables.t_users = { x: 1, y: 2 };
    });
    const r = repairMerged(doc, { before });
    expect(r.doc.relationships.r_orders_users).toBeUndefined();
    expect(r.doc.areas.a_sales.tableIds).toEqual(['t_orders']);
    expect(r.doc.layout.tables.t_users).toBeUndefined();
    expect(r.repairs.map((c) => c.message)).toEqual([
      'foreign key orders(user_id) -> users(id) removed: table "users" was removed',
      'area "Sales" updated: table "users" removed from it',
    ]);
    expect(integrityIssues(r.doc)).toEqual([]);
  });

  it('retypes columns of a removed enum, clears defaults of a removed sequence, moves elements of a removed schema', () => {
    const before = commandsFixture();
    const doc = merged((d) => {
      delete d.enums.e_status;
      delete d.schemas.s_catalog;
      d.tables.t_orders.columns[0].default = { kind: 'sequence', sequenceId: 'q_gone' };
    });
    const r = repairMerged(doc, { before });
    expect(r.doc.tables.t_orders.columns.find((c) => c.id === 'c_orders_status')!.type).toEqual({ kind: 'scalar', name: 'text' });
    expect(r.doc.tables.t_orders.columns[0].default).toEqual({ kind: 'none' });
    expect(r.doc.tables.t_products.schemaId).toBeUndefined();
    expect(r.repairs.map((c) => c.message)).toEqual([
      'column "orders.status" updated: type changed from enum "order_status" to text (the enum was removed)',
      'column "orders.id" updated: default nextval of "q_gone" removed (sequence "q_gone" was removed)',
      'table "products" moved to the default schema (schema "catalog" was removed)',
    ]);
    expect(r.unresolved).toEqual([]);
  });

  it('makes primary key columns NOT NULL when a nullable change raced the key', () => {
    const doc = merged((d) => {
      d.tables.t_users.columns[0].nullable = true;
    });
    const r = repairMerged(doc);
    expect(r.doc.tables.t_users.columns[0].nullable).toBe(false);
    expect(r.repairs.map((c) => c.message)).toEqual(['column "users.id" updated: made NOT NULL (primary key columns cannot be null)']);
  });

  it('needsRepair looks only at what the patches touched, and catches each rule', () => {
    const ok = commandsFixture();
    expect(needsRepair(ok, [{ op: 'replace', path: ['tables', 't_users', 'name'], value: 'x' }])).toBe(false);
    const broken = merged((d) => {
      d.tables.t_users.indexes[0].parts.push({ kind: 'column', columnId: 'c_gone' });
    });
    expect(needsRepair(broken, [{ op: 'replace', path: ['tables', 't_users', 'indexes'], value: [] }])).toBe(true);
    const nullable = merged((d) => {
      d.tables.t_users.columns[0].nullable = true;
    });
    expect(needsRepair(nullable, [{ op: 'replace', path: ['tables', 't_users', 'columns'], value: [] }])).toBe(true);
    const orphan = merged((d) => {
      d.layout.tables.t_gone = { x: 0, y: 0 };
    });
    expect(needsRepair(orphan, [{ op: 'add', path: ['layout', 'tables', 't_gone'], value: {} }])).toBe(true);
  });
});
