import { describe, expect, it } from 'vitest';
import { generateDdl } from '@/lib/ddl/generate-ddl';
import { DDL_DIAGNOSTIC_CODES } from '@/lib/ddl/diagnostic-codes';
import type { Diagnostic } from '@/lib/model/diagnostics';
import { syntheticDocument } from '@/bench/synthetic';
import { importMysql } from '@/lib/importers/mysql/import-mysql';
import { corpusAvailable, readCorpusFile } from '@/lib/server/importers/test-corpus';
import { diagnosticTitle, groupDiagnostics } from './diagnostic-groups';

const d = (severity: Diagnostic['severity'], code: string, message = code): Diagnostic => ({ severity, code, message });

describe('diagnosticTitle', () => {
  it.each([
    ['mysql.partial-index', 'Partial index', 'MySQL'],
    ['postgres.type-approximated', 'Type approximated', 'PostgreSQL'],
    ['name.reserved-word', 'Name: reserved word', undefined],
    ['fk.cycle', 'Foreign key: cycle', undefined],
    ['index.no-columns', 'Index: no columns', undefined],
    ['odd', 'Odd', undefined],
    ['some.other-thing', 'Some other thing', undefined],
  ])('%s -> %s (%s)', (code, title, dialect) => {
    expect(diagnosticTitle(code)).toEqual(dialect ? { title, dialect } : { title });
  });

  it('gives every registered code a title that is not the raw code', () => {
    for (const code of Object.keys(DDL_DIAGNOSTIC_CODES)) expect(diagnosticTitle(code).title).not.toContain('.');
  });
});

describe('groupDiagnostics', () => {
  const list = [
    d('info', 'name.reserved-word', 'a'),
    d('warning', 'mysql.partial-index', 'b'),
    d('info', 'mysql.type-approximated', 'c'),
    d('warning', 'mysql.type-approximated', 'd'),
    d('info', 'name.reserved-word', 'e'),
    d('error', 'name.duplicate', 'f'),
    d('info', 'mysql.type-approximated', 'g'),
    d('info', 'mysql.type-approximated', 'h'),
  ];

  it('groups by severity (errors first), then by code (largest first), with counts; items keep their order', () => {
    const groups = groupDiagnostics(list);
    expect(groups.map((s) => [s.label, s.count, s.groups.map((g) => [g.code, g.items.map((i) => i.message).join('')])])).toEqual([
      ['Errors', 1, [['name.duplicate', 'f']]],
      ['Warnings', 2, [['mysql.partial-index', 'b'], ['mysql.type-approximated', 'd']]],
      ['Notes', 5, [['mysql.type-approximated', 'cgh'], ['name.reserved-word', 'ae']]],
    ]);
    const partial = groups[1].groups[0];
    expect(partial).toMatchObject({ key: 'warning:mysql.partial-index', title: 'Partial index', dialect: 'MySQL', severity: 'warning' });
    expect(partial.meaning).toBe(DDL_DIAGNOSTIC_CODES['mysql.partial-index'].meaning);
  });

  it('hides the notes on request', () => {
    expect(groupDiagnostics(list, { hideInfo: true }).map((s) => s.severity)).toEqual(['error', 'warning']);
    expect(groupDiagnostics([d('info', 'x')], { hideInfo: true })).toEqual([]);
    expect(groupDiagnostics([])).toEqual([]);
  });

  it('keeps every diagnostic of a large run exactly once', () => {
    const { diagnostics } = generateDdl(syntheticDocument({ tables: 200 }), 'mysql');
    const groups = groupDiagnostics(diagnostics);
    expect(groups.reduce((n, s) => n + s.count, 0)).toBe(diagnostics.length);
    expect(groups.flatMap((s) => s.groups.flatMap((g) => g.items))).toHaveLength(diagnostics.length);
    expect(groups.length).toBeGreaterThan(0);
  });
});

describe('groupDiagnostics over the corpus MySQL dumps', () => {
  const files = ['chinook-mysql-schema.sql', 'employees-schema.sql', 'guacamole-create-schema.sql', 'northwind-mywind.sql', 'sakila-schema.sql'];
  it.each(files)('%s: every diagnostic in one group, a few groups for many diagnostics', async (file) => {
    if (!corpusAvailable('diagnostic groups over the corpus')) return;
    const { document } = await importMysql(readCorpusFile(`mysql/${file}`));
    for (const dialect of ['mysql', 'postgres'] as const) {
      const { diagnostics } = generateDdl(document, dialect);
      const groups = groupDiagnostics(diagnostics);
      const codes = new Set(diagnostics.map((x) => `${x.severity}:${x.code}`));
      expect(groups.flatMap((s) => s.groups.map((g) => g.key)).sort()).toEqual([...codes].sort());
      expect(groups.reduce((n, s) => n + s.count, 0)).toBe(diagnostics.length);
      for (const s of groups) for (const g of s.groups) expect(g.meaning, g.code).toBeDefined();
      expect(groupDiagnostics(diagnostics, { hideInfo: true }).some((s) => s.severity === 'info')).toBe(false);
    }
  });
});
