import { describe, expect, it } from 'vitest';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { applyCommand } from '../model/commands/apply';
import { checkVersion, migrationFolder, sanitizeMigrationName } from './folders';
import { migrationScript, planMigration } from './plan';

const v1 = kitchenSinkDocument();
const orders = v1.tables.t_orders;
const v2 = applyCommand(v1, { type: 'index.add', tableId: orders.id, index: { id: 'ix_n', parts: [{ kind: 'column', columnId: orders.columns[1].id }], unique: false } }).doc;

describe('migration folders', () => {
  it('sanitizes names: no paths, no double underscores, never empty', () => {
    expect(sanitizeMigrationName('Rename "email" -> login!')).toBe('rename_email_login');
    expect(sanitizeMigrationName('../../etc/passwd')).toBe('etc_passwd');
    expect(sanitizeMigrationName('a__b')).toBe('a_b');
    expect(sanitizeMigrationName('Ünïcödé')).toBe('unicode');
    expect(sanitizeMigrationName('  ')).toBe('migration');
    expect(sanitizeMigrationName(undefined)).toBe('migration');
    expect(sanitizeMigrationName('x'.repeat(300))).toHaveLength(80);
  });

  it('checks versions per tool', () => {
    expect(checkVersion('flyway', '2.1')).toBeUndefined();
    expect(checkVersion('flyway', '20261204120000')).toBeUndefined();
    expect(checkVersion('golang-migrate', '2.1')).toMatch(/digits/);
    expect(checkVersion('flyway', '1/../x')).toMatch(/Flyway/);
    expect(() => migrationFolder('flyway', planMigration(v1, v2, 'postgres'), { version: 'v1' })).toThrow(/Flyway version/);
  });

  it('Flyway: V<n>__<name>.sql with the up script; Flyway owns the transaction', () => {
    const plan = planMigration(v1, v2, 'postgres');
    const files = migrationFolder('flyway', plan, { version: '3', name: 'Add index' });
    expect(files.map((f) => f.name)).toEqual(['V3__add_index.sql']);
    expect(files[0].content).toBe(migrationScript(plan, plan.up, { transactions: false }));
    expect(files[0].content).toContain('CREATE INDEX');
    expect(files[0].content).not.toContain('BEGIN;');
  });

  it('Flyway: CONCURRENTLY steps get executeInTransaction=false and the script keeps its own transactions', () => {
    const plan = planMigration(v1, v2, 'postgres', { concurrentIndexes: true });
    const files = migrationFolder('flyway', plan, { version: '3', name: 'add index' });
    expect(files.map((f) => f.name)).toEqual(['V3__add_index.sql', 'V3__add_index.sql.conf']);
    expect(files[0].content).toContain('CREATE INDEX CONCURRENTLY');
    expect(files[1].content).toContain('executeInTransaction=false');
  });

  it('golang-migrate: <n>_<name>.up.sql and .down.sql', () => {
    const plan = planMigration(v1, v2, 'mysql');
    const files = migrationFolder('golang-migrate', plan, { version: '20261204120000', name: 'add index' });
    expect(files.map((f) => f.name)).toEqual(['20261204120000_add_index.up.sql', '20261204120000_add_index.down.sql']);
    expect(files[0].content).toBe(migrationScript(plan, plan.up));
    expect(files[1].content).toBe(migrationScript(plan, plan.down, { direction: 'down' }));
    expect(files[1].content).toMatch(/DROP INDEX/);
    const concurrent = migrationFolder('golang-migrate', planMigration(v1, v2, 'postgres', { concurrentIndexes: true }));
    expect(concurrent[0].name).toBe('1_migration.up.sql');
    expect(concurrent[0].content).toMatch(/^-- Holds statements that cannot run in a transaction block: run with x-multi-statement=true/);
  });
});
