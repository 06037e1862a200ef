import { describe, expect, it } from 'vitest';
import { applyCommand } from '../lib/model/commands/apply';
import { kitchenSinkDocument } from '../lib/model/fixtures/kitchen-sink';
import { sarifSchemaErrors } from '../lib/review/report/sarif-schema.test-support';
import { main } from './main';
import { memoryIo } from './memory-io.test-support';

const v1 = kitchenSinkDocument();
const email = v1.tables.t_customers.columns.find((c) => c.name === 'email')!;
let v2 = applyCommand(v1, { type: 'column.update', tableId: 't_customers', columnId: email.id, changes: { name: 'login' } }).doc;
v2 = applyCommand(v2, { type: 'index.add', tableId: 't_orders', index: { id: 'ix_new', parts: [{ kind: 'column', columnId: v1.tables.t_orders.columns[1].id }], unique: false } }).doc;
const files = { 'v1.json': JSON.stringify(v1), 'v2.json': JSON.stringify(v2) };

describe('draftbase diff', () => {
  it('writes the up migration of two documents of one project (matched by id: a rename is a rename)', async () => {
    const { io, out } = memoryIo(files);
    expect(await main(['diff', 'v1.json', 'v2.json', '--concurrently'], io)).toBe(0);
    expect(out.stdout).toContain('ALTER TABLE "customers" RENAME COLUMN "email" TO "login";');
    expect(out.stdout).toContain('CREATE INDEX CONCURRENTLY "orders_customer_id_idx"');
  });

  it('--down, --to mysql, -o FILE', async () => {
    const { io, out } = memoryIo(files);
    expect(await main(['diff', 'v1.json', 'v2.json', '--to', 'mysql', '--down', '-o', 'down.sql'], io)).toBe(0);
    expect(out.written['down.sql']).toContain('RENAME COLUMN `login` TO `email`');
    expect(out.stdout).toBe('');
  });

  it('--format text lists the changes and the lint; json carries diff, up, down and lint', async () => {
    const { io, out } = memoryIo(files);
    await main(['diff', 'v1.json', 'v2.json', '--format', 'text'], io);
    expect(out.stdout).toContain('~ column "login" (renamed from "email")');
    expect(out.stdout).toContain('+ index "ix_new"');
    expect(out.stdout).toContain('warning: rename:');
    const j = memoryIo(files);
    await main(['diff', 'v1.json', 'v2.json', '--format', 'json'], j.io);
    const parsed = JSON.parse(j.out.stdout);
    expect(parsed.matchedBy).toBe('ids');
    expect(Object.keys(parsed)).toEqual(expect.arrayContaining(['diff', 'up', 'down', 'lint']));
  });

  it('--exit-code: 1 on drift, 0 when the same; two schema files are matched by names', async () => {
    const sqlA = 'CREATE TABLE t (id integer PRIMARY KEY, name text);';
    const sqlB = 'CREATE TABLE t (id integer PRIMARY KEY, name text, age integer);';
    const same = memoryIo({ 'a.sql': sqlA, 'b.sql': sqlA });
    expect(await main(['diff', 'a.sql', 'b.sql', '--exit-code'], same.io)).toBe(0);
    const drift = memoryIo({ 'a.sql': sqlA, 'b.sql': sqlB });
    expect(await main(['diff', 'a.sql', 'b.sql', '--exit-code', '--to', 'postgres'], drift.io)).toBe(1);
    expect(drift.out.stdout).toContain('ALTER TABLE "t" ADD COLUMN "age" integer;');
    expect(drift.out.stdout).not.toContain('DROP');
  });

  it('bad input: exit 2 with the usage', async () => {
    const { io, out } = memoryIo(files);
    expect(await main(['diff', 'v1.json'], io)).toBe(2);
    expect(out.stderr).toContain('expected two versions');
  });

  it('--folder flyway | golang-migrate -o DIR writes the tool\'s files, names sanitized', async () => {
    const { io, out } = memoryIo(files);
    const made: string[] = [];
    Object.assign(io, { makeFolder: async (d: string) => void made.push(d) });
    expect(await main(['diff', 'v1.json', 'v2.json', '--folder', 'flyway', '--version', '7', '--name', 'Rename email / add index', '-o', 'db/migration'], io)).toBe(0);
    expect(made).toEqual(['db/migration']);
    expect(Object.keys(out.written)).toEqual(['db/migration/V7__rename_email_add_index.sql']);
    expect(out.written['db/migration/V7__rename_email_add_index.sql']).toContain('RENAME COLUMN "email" TO "login"');
    const g = memoryIo(files);
    Object.assign(g.io, { makeFolder: async () => {} });
    expect(await main(['diff', 'v1.json', 'v2.json', '--folder', 'golang-migrate', '--to', 'mysql', '-o', 'm'], g.io)).toBe(0);
    expect(Object.keys(g.out.written)).toEqual(['m/1_migration.up.sql', 'm/1_migration.down.sql']);
    expect(g.out.written['m/1_migration.down.sql']).toContain('RENAME COLUMN `login` TO `email`');
    const bad = memoryIo(files);
    expect(await main(['diff', 'v1.json', 'v2.json', '--folder', 'flyway'], bad.io)).toBe(2);
    expect(bad.out.stderr).toContain('--folder needs -o DIR');
    expect(await main(['diff', 'v1.json', 'v2.json', '--folder', 'golang-migrate', '--version', '1.2', '-o', 'x'], bad.io)).toBe(2);
    expect(bad.out.stderr).toContain('golang-migrate version is digits');
  });

  it('--format sarif: the lint as a valid SARIF 2.1.0 log', async () => {
    const { io, out } = memoryIo(files);
    expect(await main(['diff', 'v1.json', 'v2.json', '--format', 'sarif'], io)).toBe(0);
    const log = JSON.parse(out.stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const results = log.runs[0].results;
    expect(results.map((r: { ruleId: string }) => r.ruleId)).toEqual(expect.arrayContaining(['rename', 'index-not-concurrent']));
    const rename = results.find((r: { ruleId: string }) => r.ruleId === 'rename');
    expect(rename.locations[0].physicalLocation.artifactLocation.uri).toBe('v2.json');
    expect(rename.locations[0].logicalLocations[0].name).toBe('customers.login');
    expect(rename.message.text).toContain('Safer:');
    expect(log.runs[0].tool.driver.rules[rename.ruleIndex].id).toBe('rename');
  });

  it('--expand-contract: one script per phase', async () => {
    const { io, out } = memoryIo(files);
    expect(await main(['diff', 'v1.json', 'v2.json', '--expand-contract'], io)).toBe(0);
    expect(out.stdout).toContain('-- Phase 1 of 3: Expand');
    expect(out.stdout).toContain('ADD COLUMN "login"');
    expect(out.stdout).toContain('CREATE TRIGGER "customers_email_dual_write"');
    expect(out.stdout).toMatch(/Phase 3 of 3: Contract[\s\S]*DROP COLUMN "email"/);
    const d = memoryIo(files);
    Object.assign(d.io, { makeFolder: async () => {} });
    expect(await main(['diff', 'v1.json', 'v2.json', '--expand-contract', '-o', 'phases'], d.io)).toBe(0);
    expect(Object.keys(d.out.written)).toEqual(['phases/1_expand.sql', 'phases/2_switch.sql', 'phases/3_contract.sql']);
  });
});
