import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable } from '@/lib/model/build';
import type { Diagnostic } from '@/lib/model/diagnostics';
import { commentedOutSentence, ddlFileName, sameDdlInputs, selectionForEntity, sortDiagnostics, summarizeDiagnostics, visibleWindow } from './ddl-helpers';

const d = (severity: Diagnostic['severity'], code: string): Diagnostic => ({ severity, code, message: code });

describe('ddlFileName', () => {
  it.each([
    ['My Shop!', 'postgres', 'my-shop.postgres.sql'],
    ['Café ünïcode', 'mysql', 'cafe-unicode.mysql.sql'],
    ['../../etc/passwd', 'postgres', 'etc-passwd.postgres.sql'],
    ['日本語', 'mysql', 'schema.mysql.sql'],
    ['', 'postgres', 'schema.postgres.sql'],
  ] as const)('%j', (name, dialect, expected) => {
    expect(ddlFileName(name, dialect)).toBe(expected);
  });
});

describe('commentedOutSentence', () => {
  it('says how many statements and who rejects them', () => {
    expect(commentedOutSentence(1, 'MySQL')).toMatch(/^1 statement was commented out: MySQL would reject it\. /);
    expect(commentedOutSentence(3, 'PostgreSQL')).toMatch(/^3 statements were commented out: PostgreSQL would reject them\. /);
  });
});

describe('diagnostics', () => {
  it('sorts by severity, keeping generator order within one', () => {
    const sorted = sortDiagnostics([d('info', 'i1'), d('warning', 'w1'), d('error', 'e1'), d('warning', 'w2'), d('info', 'i2')]);
    expect(sorted.map((x) => x.code)).toEqual(['e1', 'w1', 'w2', 'i1', 'i2']);
  });
  it.each([
    [[], 'No diagnostics'],
    [[d('warning', 'a')], '1 warning'],
    [[d('error', 'a'), d('warning', 'b'), d('warning', 'c'), d('info', 'x')], '1 error, 2 warnings, 1 note'],
  ])('summarizes %j', (list, text) => {
    expect(summarizeDiagnostics(list)).toBe(text);
  });
});

describe('selectionForEntity', () => {
  const users = makeTable({
    id: 't_users',
    name: 'users',
    columns: [makeColumn({ id: 'c_id', name: 'id', nullable: false })],
    primaryKey: { columnIds: ['c_id'] },
    indexes: [makeIndex({ id: 'ix_1', name: 'ix', parts: [{ kind: 'column', columnId: 'c_id' }] })],
    checks: [{ id: 'chk_1', expression: 'true' }],
  });
  const orders = makeTable({ id: 't_orders', name: 'orders', columns: [makeColumn({ id: 'c_uid', name: 'user_id' })] });
  const rel = makeRelationship({ id: 'r_1', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_uid', toColumnId: 'c_id' }] });
  const doc = documentOf({ tables: [users, orders], relationships: [rel] });
  it.each([
    ['t_users', { kind: 'tables', tableIds: ['t_users'] }],
    ['r_1', { kind: 'relationship', relationshipId: 'r_1' }],
    ['c_uid', { kind: 'column', tableId: 't_orders', columnId: 'c_uid' }],
    ['ix_1', { kind: 'index', tableId: 't_users', indexId: 'ix_1' }],
    ['chk_1', { kind: 'tables', tableIds: ['t_users'] }],
    ['nope', undefined],
    [undefined, undefined],
  ])('%s', (id, expected) => {
    expect(selectionForEntity(doc, id)).toEqual(expected);
  });
});

describe('sameDdlInputs', () => {
  it('ignores layout and design edits, not schema edits (with the real commands)', async () => {
    const { applyCommand } = await import('@/lib/model/commands/apply');
    const doc = documentOf({ tables: [makeTable({ id: 't1', name: 'a', columns: [makeColumn({ id: 'c1', name: 'x' })] })] });
    const moved = applyCommand(doc, { type: 'layout.moveTables', positions: { t1: { x: 10, y: 20 } } }).doc;
    const narrated = applyCommand(moved, { type: 'design.setNarrative', section: 'executiveSummary', markdown: 'Hi' }).doc;
    const renamed = applyCommand(narrated, { type: 'table.update', tableId: 't1', changes: { name: 'b' } }).doc;
    expect(moved).not.toBe(doc);
    expect(sameDdlInputs(doc, moved)).toBe(true);
    expect(sameDdlInputs(doc, narrated)).toBe(true);
    expect(sameDdlInputs(narrated, renamed)).toBe(false);
    // Extensions and sequences are DDL too.
    const declared = applyCommand(renamed, { type: 'extension.add', extension: { id: 'x1', name: 'pg_trgm' } }).doc;
    const sequenced = applyCommand(declared, { type: 'sequence.add', sequence: { id: 'q1', name: 'q', dataType: 'bigint' } }).doc;
    expect(sameDdlInputs(renamed, declared)).toBe(false);
    expect(sameDdlInputs(declared, sequenced)).toBe(false);
  });
});

describe('visibleWindow', () => {
  it.each([
    // scrollTop, viewport, lines, lineHeight, overscan -> window
    [0, 160, 31046, 16, 60, { first: 0, last: 71 }],
    [16_000, 160, 31046, 16, 60, { first: 940, last: 1071 }],
    [31046 * 16, 160, 31046, 16, 60, { first: 30986, last: 31046 }],
    [-50, 160, 10, 16, 60, { first: 0, last: 10 }],
    [0, 0, 0, 16, 60, { first: 0, last: 0 }],
  ])('scrollTop %i, height %i, %i lines', (scrollTop, height, lines, lh, overscan, expected) => {
    expect(visibleWindow(scrollTop, height, lines, lh, overscan)).toEqual(expected);
  });
});
