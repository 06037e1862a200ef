/**
 * Extensions and sequences through the commands: integrity (what goes when a sequence, its owning
 * column or table goes), name scopes, and what the commands refuse. Every case is applied, undone and
 * redone by applyAndCheck.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand, CommandError } from './apply';
import { applyAndCheck } from './apply-and-check';
import { commandsFixture } from './test-fixture';
import type { SchemaDocument } from '../document';

/** users.id is serial (owns users_id_seq); orders.user_id and a domain draw from it too. */
function withSerial(): SchemaDocument {
  const doc = commandsFixture();
  const users = doc.tables.t_users;
  delete users.columns[0].identity;
  users.columns[0].default = { kind: 'sequence', sequenceId: 'q_users' };
  doc.sequences.q_users = { id: 'q_users', name: 'users_id_seq', dataType: 'bigint', ownedBy: { tableId: 't_users', columnId: 'c_users_id' } };
  doc.tables.t_orders.columns[2].default = { kind: 'sequence', sequenceId: 'q_users' };
  doc.domains.d_email.default = { kind: 'sequence', sequenceId: 'q_invoice' };
  return doc;
}

describe('sequence integrity', () => {
  it('removing a sequence removes every default drawing from it, reported', () => {
    const { doc, changes } = applyAndCheck(withSerial(), { type: 'sequence.remove', sequenceId: 'q_users' });
    expect(doc.tables.t_users.columns[0].default).toEqual({ kind: 'none' });
    expect(doc.tables.t_orders.columns[2].default).toEqual({ kind: 'none' });
    expect(changes.map((c) => c.message)).toEqual([
      'column "users.id" updated: default nextval of "users_id_seq" removed (the sequence was removed)',
      'column "orders.user_id" updated: default nextval of "users_id_seq" removed (the sequence was removed)',
    ]);
    const domain = applyAndCheck(withSerial(), { type: 'sequence.remove', sequenceId: 'q_invoice' });
    expect(domain.doc.domains.d_email.default).toEqual({ kind: 'none' });
  });

  it('removing the owning column removes its sequence (as DROP COLUMN does) and the other defaults using it', () => {
    const { doc, changes } = applyAndCheck(withSerial(), { type: 'column.remove', tableId: 't_users', columnId: 'c_users_id' });
    expect(doc.sequences.q_users).toBeUndefined();
    expect(doc.tables.t_orders.columns[2].default).toEqual({ kind: 'none' });
    expect(changes.slice(0, 2).map((c) => c.message)).toEqual([
      'column "orders.user_id" updated: default nextval of "users_id_seq" removed (sequence "users_id_seq" was removed with its owner)',
      'sequence "users_id_seq" removed: it was owned by "users.id", and column "users.id" was removed',
    ]);
  });

  it('removing the owning table removes its sequence too; another column keeps its own', () => {
    const { doc, changes } = applyAndCheck(withSerial(), { type: 'table.remove', tableId: 't_users' });
    expect(doc.sequences.q_users).toBeUndefined();
    expect(doc.sequences.q_invoice).toBeDefined();
    expect(changes.map((c) => c.message)).toContain('sequence "users_id_seq" removed: it was owned by "users.id", and table "users" was removed');
  });

  it('a table moved to another schema takes its owned sequences along; removing a schema moves sequences and extensions out', () => {
    const moved = applyAndCheck(withSerial(), { type: 'table.update', tableId: 't_users', changes: { schemaId: 's_catalog' } });
    expect(moved.doc.sequences.q_users.schemaId).toBe('s_catalog');
    expect(moved.changes.map((c) => c.message)).toEqual(['sequence "users_id_seq" moved with table "users", which owns it']);
    const doc = withSerial();
    doc.sequences.q_invoice.schemaId = 's_catalog';
    doc.extensions.x_trgm.schemaId = 's_catalog';
    const removed = applyAndCheck(doc, { type: 'schema.remove', schemaId: 's_catalog' });
    expect([removed.doc.sequences.q_invoice.schemaId, removed.doc.extensions.x_trgm.schemaId]).toEqual([undefined, undefined]);
  });
});

describe('what the commands refuse', () => {
  const refuse = (doc: SchemaDocument, command: Parameters<typeof applyCommand>[1], message: RegExp) => {
    expect(() => applyCommand(doc, command)).toThrow(CommandError);
    expect(() => applyCommand(doc, command)).toThrow(message);
  };

  it('names: sequences share the relation namespace of their schema; extensions are unique per database', () => {
    refuse(commandsFixture(), { type: 'sequence.add', sequence: { id: 'q', name: 'users', dataType: 'bigint' } }, /a table named "users" already exists/);
    refuse(commandsFixture(), { type: 'view.add', view: { id: 'v', name: 'invoice_no_seq', sql: 'SELECT 1', dialect: 'postgres', materialized: false } }, /a sequence named "invoice_no_seq" already exists/);
    refuse(commandsFixture(), { type: 'extension.add', extension: { id: 'x', name: 'pg_trgm' } }, /already declared/);
    // Another schema is another namespace.
    expect(applyAndCheck(commandsFixture(), { type: 'sequence.add', sequence: { id: 'q', name: 'users', schemaId: 's_catalog', dataType: 'bigint' } }).doc.sequences.q.name).toBe('users');
  });

  it('options the engine would refuse, an owner in another schema, a default naming no sequence', () => {
    refuse(commandsFixture(), { type: 'sequence.update', sequenceId: 'q_invoice', changes: { max: 10 } }, /START WITH 1000 is outside 1 to 10/);
    refuse(commandsFixture(), { type: 'sequence.add', sequence: { id: 'q', name: 'q', dataType: 'smallint', max: 40_000 } }, /do not fit the data type smallint/);
    refuse(commandsFixture(), { type: 'sequence.add', sequence: { id: 'q', name: 'q', dataType: 'bigint', increment: 0 } }, /must not be 0/);
    refuse(commandsFixture(), { type: 'sequence.update', sequenceId: 'q_invoice', changes: { ownedBy: { tableId: 't_products', columnId: 'c_products_sku' } } }, /must be in its owning table's schema/);
    refuse(commandsFixture(), { type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { default: { kind: 'sequence', sequenceId: 'nope' } } }, /unknown sequence id "nope"/);
  });
});
