import { describe, expect, it } from 'vitest';
import { exportFile } from '../lib/formats/files';
import { applyCommand } from '../lib/model/commands/apply';
import { kitchenSinkDocument } from '../lib/model/fixtures/kitchen-sink';
import { main } from './main';
import { memoryIo } from './memory-io.test-support';

const v1 = kitchenSinkDocument();
const email = v1.tables.t_customers.columns.find((c) => c.name === 'email')!;
const v2 = applyCommand(v1, { type: 'column.update', tableId: 't_customers', columnId: email.id, changes: { name: 'login' } }).doc;
const files = { 'releases/r1.json': JSON.stringify(v1), 'v2.json': JSON.stringify(v2) };

describe('draftbase export --to markdown --since', () => {
  it('writes what the export route writes with a previous version', async () => {
    const { io, out } = memoryIo(files);
    expect(await main(['export', 'v2.json', '--to', 'markdown', '--since', 'releases/r1.json', '--title', 'Shop', '--date', '2026-12-04'], io)).toBe(0);
    expect(out.stdout).toContain('**Migration from version `r1`.**');
    expect(out.stdout).toBe(exportFile(v2, 'markdown', { options: { title: 'Shop', date: '2026-12-04' }, previousVersion: { name: 'r1', document: v1 } }).text);
    const named = memoryIo(files);
    await main(['export', 'v2.json', '--to', 'markdown', '--since', 'releases/r1.json', '--since-name', 'Release 1'], named.io);
    expect(named.out.stdout).toContain('**Migration from version `Release 1`.**');
  });

  it('--since is for markdown only; --since-name needs --since', async () => {
    const { io, out } = memoryIo(files);
    expect(await main(['export', 'v2.json', '--to', 'postgres', '--since', 'releases/r1.json'], io)).toBe(2);
    expect(out.stderr).toContain('--since does not apply to --to postgres');
    expect(await main(['export', 'v2.json', '--to', 'markdown', '--since-name', 'x'], io)).toBe(2);
    expect(out.stderr).toContain('--since-name goes with --since');
  });
});
