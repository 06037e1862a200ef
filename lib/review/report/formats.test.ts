import { describe, expect, it } from 'vitest';
import { sarifSchemaErrors as validateSarif } from './sarif-schema.test-support';
import { sequentialIds } from '../../model/ids';
import { lintDocument } from '../lint';
import { RULES } from '../rules';
import type { LintResult } from '../types';
import { escapeData, escapeProperty, githubReport } from './github';
import { jsonReport } from './json';
import type { Locate } from './location';
import { sarifLog } from './sarif';
import { textReport } from './text';
import { shopDocument, shopRules } from './shop.test-support';

/** Tables on their CREATE TABLE line; relationships (and anything else) on the file alone. */
const locate: Locate = ({ target: t }) => (t.kind === 'table' ? { file: 'db/schema.sql', line: 4, column: 1 } : { file: 'db/schema.sql' });

/** One open error, one open warning... and the error waived, plus a stale waiver. */
function results(): { open: LintResult; waived: LintResult } {
  const doc = shopDocument();
  const open = lintDocument(doc, { ids: sequentialIds(), rules: shopRules() });
  const waived = lintDocument(
    {
      ...doc,
      review: {
        waivers: [
          { key: 'no-primary-key:t_o', ruleId: 'no-primary-key', rationale: 'append-only log, 100% keyed downstream', author: 'Ada', at: '2025-01-02T03:04:05.000Z' },
          { key: 'no-primary-key:t_gone', ruleId: 'no-primary-key', rationale: 'table removed since' },
        ],
      },
    },
    { ids: sequentialIds(), rules: shopRules() },
  );
  return { open, waived };
}

describe('text format', () => {
  it('writes file:line:col: severity rule-id: message, or file: when there is no position, then a summary', () => {
    const { open, waived } = results();
    expect(textReport(open, locate, 'db/schema.sql')).toBe(
      [
        'db/schema.sql:4:1: error no-primary-key: orders has no primary key, so its rows cannot be addressed one by one',
        'db/schema.sql: warning fk-without-index: no index on orders (customer_id) supports the foreign key to customers',
        '1 error, 1 warning',
        '',
      ].join('\n'),
    );
    expect(textReport(waived, locate, 'db/schema.sql')).toBe(
      [
        'db/schema.sql: warning fk-without-index: no index on orders (customer_id) supports the foreign key to customers',
        'db/schema.sql: info no-primary-key: the waiver of no-primary-key:t_gone no longer matches a finding (the design changed); remove it or waive again',
        '1 warning; 1 finding waived',
        '',
      ].join('\n'),
    );
  });
});

describe('github format', () => {
  it('escapes data (% CR LF) and properties (also : and ,) as the runner decodes them', () => {
    expect(escapeData('100%\r\nnext: a, b')).toBe('100%25%0D%0Anext: a, b');
    expect(escapeProperty('db/a:b,c%.sql')).toBe('db/a%3Ab%2Cc%25.sql');
  });

  it('writes one workflow command per open finding (info as notice) and stale waivers as notices', () => {
    const { open, waived } = results();
    expect(githubReport(open, locate, 'db/schema.sql').split('\n')).toEqual([
      '::error file=db/schema.sql,line=4,col=1,title=no-primary-key::orders has no primary key, so its rows cannot be addressed one by one',
      '::warning file=db/schema.sql,title=fk-without-index::no index on orders (customer_id) supports the foreign key to customers',
      '',
    ]);
    expect(githubReport(waived, locate, 'db/doc.json')).toContain('::notice file=db/doc.json,title=no-primary-key (stale waiver)::the waiver of no-primary-key:t_gone no longer matches');
    const hostile = { ...open, findings: [{ ...open.findings[0], message: 'a\nb 50%' }], staleWaivers: [] };
    expect(githubReport(hostile, () => ({ file: 'we,ird:name.sql', line: 2, column: 3 }), 'x')).toBe('::error file=we%2Cird%3Aname.sql,line=2,col=3,title=no-primary-key::a%0Ab 50%25\n');
  });
});

describe('SARIF format', () => {
  it('validates against the SARIF 2.1.0 schema, with and without waivers and positions', () => {
    const { open, waived } = results();
    expect(validateSarif(sarifLog(open, locate, { version: '0.1.0' }))).toEqual([]);
    expect(validateSarif(sarifLog(waived, locate, { documentFile: 'db/doc.json' }))).toEqual([]);
    const empty = lintDocument({ ...shopDocument(), tables: {}, relationships: {} }, { rules: shopRules() });
    expect(validateSarif(sarifLog(empty, locate))).toEqual([]);
  });

  it('the validator does refuse a broken log (the test can fail)', () => {
    const log = sarifLog(results().open, locate);
    expect(validateSarif({ ...log, runs: [{ ...log.runs[0], results: [{ level: 'fatal', message: {} }] }] }).length).toBeGreaterThan(0);
  });

  it('describes every rule and reports results with level, location and fingerprint', () => {
    const { open, waived } = results();
    const run = sarifLog(open, locate).runs[0];
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run.tool.driver.rules.find((r) => r.id === 'fk-without-index')).toMatchObject({
      name: 'FkWithoutIndex',
      shortDescription: { text: 'Foreign key without a supporting index' },
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['indexing'] },
    });
    expect(run.results[0]).toMatchObject({
      ruleId: 'no-primary-key',
      level: 'error',
      message: { text: 'orders has no primary key, so its rows cannot be addressed one by one' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'db/schema.sql' }, region: { startLine: 4, startColumn: 1 } } }],
      partialFingerprints: { 'draftbaseFindingKey/v1': 'no-primary-key:t_o' },
    });
    expect(run.results[1].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'db/schema.sql' } });
    // A waived finding is a suppressed result carrying the rationale.
    const suppressed = sarifLog(waived, locate).runs[0].results.find((r) => r.ruleId === 'no-primary-key');
    expect(suppressed?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'append-only log, 100% keyed downstream', properties: { author: 'Ada', at: '2025-01-02T03:04:05.000Z' } }]);
  });
});

describe('JSON format', () => {
  it('is the lint result with locations and the catalog of the rules it names', () => {
    const { waived } = results();
    const report = jsonReport(waived, locate);
    expect(report.findings.map((f) => [f.ruleId, f.location])).toEqual([['fk-without-index', { file: 'db/schema.sql' }]]);
    expect(report.waived.map((f) => [f.ruleId, f.waiver.rationale, f.location.line])).toEqual([['no-primary-key', 'append-only log, 100% keyed downstream', 4]]);
    expect(report.staleWaivers.map((w) => w.key)).toEqual(['no-primary-key:t_gone']);
    expect(report.rules.map((r) => r.id)).toEqual(['no-primary-key', 'fk-without-index']);
    expect(report.rules[0]).not.toHaveProperty('check');
  });
});
