import { describe, expect, it } from 'vitest';
import { makeIndex } from '../lib/model/build';
import { onlyShopRules, shopDocument, SHOP_SQL } from '../lib/review/report/shop.test-support';
import type { ReviewConfig } from '../lib/review/types';
import { sarifSchemaErrors } from '../lib/review/report/sarif-schema.test-support';
import { main } from './main';
import { memoryIo } from './memory-io.test-support';

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/** A --config file with every rule but the two these tests are about turned off, plus `extra` on top. */
function only(extra: ReviewConfig = {}): string {
  return pretty({ rules: { ...onlyShopRules().rules, ...extra.rules }, ...(extra.waivers ? { waivers: extra.waivers } : {}) });
}
const ONLY = ['--config', 'only.json'];

/** The shop with its foreign key indexed: one error left (orders has no key)... */
function onlyMissingKey() {
  const doc = shopDocument();
  doc.tables.t_o.indexes.push(makeIndex({ id: 'ix_cust', parts: [{ kind: 'column', columnId: 'c_o_cust' }] }));
  return doc;
}

/** ...or, with orders keyed too, one warning (the unindexed foreign key). */
function onlyUnindexedFk() {
  const doc = shopDocument();
  doc.tables.t_o.primaryKey = { columnIds: ['c_o_id'] };
  return doc;
}

describe('draftbase lint: exit status', () => {
  it('exits 1 when a finding reaches --fail-on (default error), 0 otherwise', async () => {
    const { io } = memoryIo({ 'err.json': pretty(onlyMissingKey()), 'warn.json': pretty(onlyUnindexedFk()), 'only.json': only() });
    expect(await main(['lint', 'err.json', ...ONLY], io)).toBe(1);
    expect(await main(['lint', 'warn.json', ...ONLY], io)).toBe(0);
    expect(await main(['lint', 'warn.json', '--fail-on', 'warning', ...ONLY], io)).toBe(1);
    expect(await main(['lint', 'warn.json', '--fail-on', 'info', ...ONLY], io)).toBe(1);
  });

  it('does not fail on waived findings', async () => {
    const doc = { ...onlyMissingKey(), review: { waivers: [{ key: 'no-primary-key:t_o', ruleId: 'no-primary-key', rationale: 'append-only log' }] } };
    const { io, out } = memoryIo({ 'doc.json': pretty(doc), 'only.json': only() });
    expect(await main(['lint', 'doc.json', '--fail-on', 'info', ...ONLY], io)).toBe(0);
    expect(out.stdout).toBe('no findings; 1 finding waived\n');
  });

  it('exits 2 on bad usage and bad input, with file:line:col where there is a position', async () => {
    const { io, out } = memoryIo({ 'bad.json': '{\n  "format": "draftbase",\n  oops\n}', 'bad.sql': 'CREATE TABLE (;', 'doc.json': pretty(shopDocument()) });
    expect(await main(['lint'], io)).toBe(2);
    expect(await main(['lint', 'doc.json', '--format', 'xml'], io)).toBe(2);
    expect(out.stderr).toContain('--format must be one of text, json, sarif, github, got "xml"');
    expect(await main(['lint', 'doc.json', '--fail-on', 'fatal'], io)).toBe(2);
    expect(await main(['lint', 'missing.sql'], io)).toBe(2);
    expect(await main(['lint', 'bad.json'], io)).toBe(2);
    expect(out.stderr).toMatch(/^bad\.json:3:3: invalid JSON/m);
    expect(await main(['lint', 'bad.sql', '--from', 'postgres'], io)).toBe(2);
    expect(out.stderr).toMatch(/^bad\.sql:1:\d+: /m);
  });
});

describe('draftbase lint: formats', () => {
  it('text: file:line:col of the CREATE TABLE and of the column for a schema file', async () => {
    const { io, out } = memoryIo({ 'db/schema.sql': SHOP_SQL, 'only.json': only() });
    expect(await main(['lint', 'db/schema.sql', ...ONLY], io)).toBe(1);
    expect(out.stdout).toBe(
      [
        'db/schema.sql:4:1: error no-primary-key: orders has no primary key, so its rows cannot be addressed one by one',
        'db/schema.sql:6:3: warning fk-without-index: no index on orders (customer_id) supports the foreign key to customers',
        '1 error, 1 warning',
        '',
      ].join('\n'),
    );
    expect(out.stderr).toBe('db/schema.sql: imported postgres: 2 tables, 1 relationships\n');
  });

  it('text: positions in a Draftbase document are where the element is in the JSON', async () => {
    const text = pretty(shopDocument());
    const { io, out } = memoryIo({ 'doc.json': text, 'only.json': only() });
    expect(await main(['lint', 'doc.json', ...ONLY], io)).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes('"t_o": {')) + 1;
    expect(out.stdout.split('\n')[0]).toMatch(new RegExp(`^doc\\.json:${line}:\\d+: error no-primary-key: orders has no primary key, so its rows cannot be addressed one by one$`));
  });

  it('github: workflow commands with the file, line and column', async () => {
    const { io, out } = memoryIo({ 'db/schema.sql': SHOP_SQL, 'only.json': only() });
    expect(await main(['lint', 'db/schema.sql', '--format', 'github', '--fail-on', 'warning', ...ONLY], io)).toBe(1);
    expect(out.stdout).toBe(
      '::error file=db/schema.sql,line=4,col=1,title=no-primary-key::orders has no primary key, so its rows cannot be addressed one by one\n' +
        '::warning file=db/schema.sql,line=6,col=3,title=fk-without-index::no index on orders (customer_id) supports the foreign key to customers\n',
    );
  });

  it('json: findings with locations, waived findings as suppressed, the rules used', async () => {
    const doc = { ...shopDocument(), review: { waivers: [{ key: 'no-primary-key:t_o', ruleId: 'no-primary-key', rationale: 'log table' }] } };
    const { io, out } = memoryIo({ 'doc.json': pretty(doc), 'only.json': only() });
    expect(await main(['lint', 'doc.json', '--format', 'json', '-o', 'report.json', ...ONLY], io)).toBe(0);
    const report = JSON.parse(out.written['report.json']);
    expect(report.counts).toEqual({ error: 0, warning: 1, info: 0 });
    expect(report.findings.map((f: { ruleId: string; location: { file: string } }) => [f.ruleId, f.location.file])).toEqual([['fk-without-index', 'doc.json']]);
    expect(report.waived.map((f: { ruleId: string; waiver: { rationale: string } }) => [f.ruleId, f.waiver.rationale])).toEqual([['no-primary-key', 'log table']]);
    expect(report.rules.map((r: { id: string }) => r.id)).toEqual(['no-primary-key', 'fk-without-index']);
  });

  it('sarif: a SARIF 2.1.0 log that validates, regions from the schema file, waivers as suppressions', async () => {
    // The finding's key, as the JSON report gives it (imported tables get sequential ids).
    const first = memoryIo({ 'db/schema.sql': SHOP_SQL, 'only.json': only() });
    await main(['lint', 'db/schema.sql', '--format', 'json', '-o', 'first.json', ...ONLY], first.io);
    const key = JSON.parse(first.out.written['first.json']).findings.find((f: { ruleId: string }) => f.ruleId === 'no-primary-key').key;
    const { io, out } = memoryIo({ 'db/schema.sql': SHOP_SQL, 'review.json': only({ waivers: [{ key, ruleId: 'no-primary-key', rationale: 'staging table, dropped after load' }] }) });
    expect(await main(['lint', 'db/schema.sql', '--format', 'sarif', '--config', 'review.json', '-o', 'lint.sarif'], io)).toBe(0);
    const log = JSON.parse(out.written['lint.sarif']);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const results = log.runs[0].results;
    expect(results.map((r: { ruleId: string; level: string; suppressions?: unknown[] }) => [r.ruleId, r.level, !!r.suppressions])).toEqual([
      ['fk-without-index', 'warning', false],
      ['no-primary-key', 'error', true],
    ]);
    expect(results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'db/schema.sql' }, region: { startLine: 6, startColumn: 3 } });
    expect(results[1].suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted', justification: 'staging table, dropped after load' });
  });
});

describe('draftbase lint: --config and --dialect', () => {
  it('turns rules off and changes severities; refuses a malformed configuration with file:line:col', async () => {
    const { io, out } = memoryIo({
      'doc.json': pretty(shopDocument()),
      'off.json': only({ rules: { 'no-primary-key': { enabled: false } } }),
      'strict.json': only({ rules: { 'fk-without-index': { severity: 'error' }, 'no-primary-key': { enabled: false } } }),
      'bad.json': '{\n  "rules": {\n    "no-primary-key": { "severity": "fatal" }\n  }\n}',
      'typo.json': pretty({ rules: { 'no-primary-keys': { enabled: false } } }),
    });
    expect(await main(['lint', 'doc.json', '--config', 'off.json'], io)).toBe(0);
    expect(await main(['lint', 'doc.json', '--config', 'strict.json'], io)).toBe(1);
    expect(out.stdout).toContain('error fk-without-index');
    expect(await main(['lint', 'doc.json', '--config', 'bad.json'], io)).toBe(2);
    expect(out.stderr).toMatch(/^bad\.json:3:\d+: rules\.no-primary-key\.severity: /m);
    expect(await main(['lint', 'doc.json', '--config', 'typo.json'], io)).toBe(1);
    expect(out.stderr).toMatch(/^typo\.json:3:\d+: warning: no rule "no-primary-keys"/m);
  });

  it('reads a multi-file Prisma folder and names each file under it', async () => {
    const files = {
      'prisma/schema/base.prisma': 'datasource db {\n  provider = "mysql"\n  url = env("DATABASE_URL")\n}\n',
      'prisma/schema/log.prisma': 'model Log {\n  code String @unique\n  message String\n}\n\nmodel Event {\n  id Int @id\n  at DateTime\n}\n',
    };
    const { io, out } = memoryIo({ ...files, 'only.json': only() }, { 'prisma/schema': ['base.prisma', 'log.prisma'] });
    const status = await main(['lint', 'prisma/schema', ...ONLY], io);
    expect(out.stderr).toMatch(/imported prisma/);
    // Log has no primary key (its model is on line 1 of log.prisma); Event is fine.
    expect(status).toBe(1);
    expect(out.stdout).toContain('prisma/schema/log.prisma:1:1: error no-primary-key: Log has no primary key, so its rows cannot be addressed one by one; its unique key (code) could be it\n');
    for (const line of out.stdout.trim().split('\n').slice(0, -1)) expect(line).toMatch(/^prisma\/schema\/(base|log)\.prisma(:\d+:\d+)?: /);
  });

  it('reviews a folder of SQL files as one schema (as import reads it), each finding at its file and line', async () => {
    const good = 'CREATE TABLE a (id int PRIMARY KEY);\n';
    const { io, out } = memoryIo(
      { 'schema/shop.sql': SHOP_SQL, 'schema/ok.sql': good, 'schema/notes.md': '# not a schema', 'schema/package.json': '{"name": "x"}', 'only.json': only() },
      { 'schema/': ['notes.md', 'ok.sql', 'package.json', 'shop.sql'] },
    );
    expect(await main(['lint', 'schema/', '--format', 'github', '--fail-on', 'warning', ...ONLY], io)).toBe(1);
    expect(out.stdout).toBe(
      '::error file=schema/shop.sql,line=4,col=1,title=no-primary-key::orders has no primary key, so its rows cannot be addressed one by one\n' +
        '::warning file=schema/shop.sql,line=6,col=3,title=fk-without-index::no index on orders (customer_id) supports the foreign key to customers\n',
    );
    const empty = memoryIo({ 'docs/a.md': '' }, { docs: ['a.md'] });
    expect(await main(['lint', 'docs'], empty.io)).toBe(2);
    expect(empty.out.stderr).toMatch(/^docs: a folder is imported as/m);
  });
});
