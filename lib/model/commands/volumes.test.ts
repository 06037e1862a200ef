import { describe, expect, it } from 'vitest';
import { applyCommand, CommandError, describeCommand } from './apply';
import { applyAndCheck } from './apply-and-check';
import { commandsFixture } from './test-fixture';

describe('table.setVolume / table.setVolumes', () => {
  it('an empty volume or undefined removes the declaration (one spelling for "not declared")', () => {
    const declared = applyCommand(commandsFixture(), { type: 'table.setVolume', tableId: 't_users', volume: { rows: 5 } }).doc;
    expect(applyAndCheck(declared, { type: 'table.setVolume', tableId: 't_users', volume: {} }).doc.tables.t_users).not.toHaveProperty('volume');
    expect(applyAndCheck(declared, { type: 'table.setVolume', tableId: 't_users', volume: undefined }).doc.tables.t_users).not.toHaveProperty('volume');
    expect(applyAndCheck(declared, { type: 'table.setVolume', tableId: 't_users', volume: { rows: undefined, growthPerMonth: 3 } }).doc.tables.t_users.volume).toEqual({ growthPerMonth: 3 });
  });

  it.each([
    [{ rows: -1 }, /volume of table "users".*rows/],
    [{ rows: 1.5 }, /rows/],
    [{ retentionMonths: 0 }, /retentionMonths/],
    [{ growthPerMonth: Number.NaN }, /growthPerMonth/],
    [{ avgLength: { c_orders_id: 8 } }, /average length given for column "c_orders_id", which is not a column of it/],
  ])('refuses %j', (volume, message) => {
    expect(() => applyCommand(commandsFixture(), { type: 'table.setVolume', tableId: 't_users', volume })).toThrow(message);
  });

  it('an unknown table is refused; a paste naming a table twice is refused whole', () => {
    expect(() => applyCommand(commandsFixture(), { type: 'table.setVolume', tableId: 't_nope', volume: { rows: 1 } })).toThrow(CommandError);
    const doc = commandsFixture();
    expect(() => applyCommand(doc, { type: 'table.setVolumes', volumes: [{ tableId: 't_users', volume: { rows: 1 } }, { tableId: 't_users', volume: { rows: 2 } }] })).toThrow(/listed twice/);
    expect(doc.tables.t_users.volume).toBeUndefined();
  });

  it('a paste is one undo step', () => {
    const before = commandsFixture();
    const r = applyAndCheck(before, { type: 'table.setVolumes', volumes: [{ tableId: 't_users', volume: { rows: 1 } }, { tableId: 't_orders', volume: { rows: 2 } }] });
    expect(describeCommand({ type: 'table.setVolumes', volumes: [{ tableId: 't_users', volume: { rows: 1 } }, { tableId: 't_orders', volume: { rows: 2 } }] }, before)).toBe('Set volumes of 2 tables');
    expect(r.doc.tables.t_orders.volume).toEqual({ rows: 2 });
  });

  it('removing a column drops its declared average length', () => {
    const doc = applyCommand(commandsFixture(), { type: 'table.setVolume', tableId: 't_users', volume: { rows: 5, avgLength: { c_users_name: 12 } } }).doc;
    const after = applyAndCheck(doc, { type: 'column.remove', tableId: 't_users', columnId: 'c_users_name' }).doc;
    expect(after.tables.t_users.volume).toEqual({ rows: 5 });
  });
});
