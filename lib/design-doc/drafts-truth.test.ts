/**
 * Drafts say only what is true (issue 16): the edge cases a design reviewer caught in generated text.
 */
import { describe, expect, it } from 'vitest';
import { generateDesignDoc } from './generate-design-doc';
import { smallProjectDocument } from './small-project.fixture';
import { emptyDocument } from '../model/empty';
import { NOT_YET_DECIDED } from './template';
import { draftFor } from './drafts';
import type { Requirements } from '../model/document';

function section(md: string, heading: string, next: string): string {
  return md.slice(md.indexOf(heading), md.indexOf(next));
}

describe('Migration Strategy', () => {
  it.each([
    ['a small project', smallProjectDocument()],
    ['an empty project', emptyDocument('postgres')],
  ])('%s: no "Not yet decided." between the generated steps', (_label, doc) => {
    const migration = section(generateDesignDoc(doc), '### Migration Strategy', '### Data Integrity');
    expect(migration).toContain('**Phase 1: Schema creation.**');
    expect(migration).toContain('**Rollback.**');
    expect(migration).not.toContain(NOT_YET_DECIDED);
  });

  it('the architect\'s text sits between the steps', () => {
    const doc = smallProjectDocument();
    doc.design.narrative.migrationStrategy = 'Blue/green with **pgcopydb**.';
    const migration = section(generateDesignDoc(doc), '### Migration Strategy', '### Data Integrity');
    expect(migration.indexOf('Phase 1')).toBeLessThan(migration.indexOf('Blue/green'));
    expect(migration.indexOf('Blue/green')).toBeLessThan(migration.indexOf('**Rollback.**'));
  });
});

describe('drafts built from declared figures, edge cases a reviewer caught', () => {
  const withRequirements = (requirements: Requirements) => {
    const doc = emptyDocument('postgres');
    doc.design.requirements = requirements;
    return doc;
  };

  it.each([
    ['a throughput target is a ceiling to keep headroom under, not a floor', { throughputQps: 1500 }, ['alert when sustained queries per second pass 80 % of the throughput target (1,200 of 1,500 queries/s)'], ['below']],
    ['the declared peak wins over the throughput target', { throughputQps: 1000, peakLoadQps: 2000 }, ['80 % of the declared peak (1,600 of 2,000 queries/s)'], ['below']],
    ['a latency figure is an alert threshold, not "above p99 < 30 ms"', { latencyTargetMs: 30 }, ['alert when p99 stays above 30 ms for 5 minutes'], ['above p99', '<']],
    ['a latency note only: no invented threshold', { notes: { latencyTarget: 'fast enough for checkout' } }, ['against the declared target (fast enough for checkout)'], ['alert when']],
  ] as const)('monitoring: %s', (_label, requirements, present, absent) => {
    const text = draftFor('monitoring', withRequirements(requirements as Requirements))!;
    for (const p of present) expect(text).toContain(p);
    for (const a of absent) expect(text).not.toContain(a);
  });

  it.each([
    ['reads written first', { readsPerWrite: 9 }, 'Read/write ratio 9:1 (reads:writes): reads dominate'],
    ['writes dominate (1:4)', { readsPerWrite: 0.25 }, 'writes weigh as much as reads or more'],
    ['even', { readsPerWrite: 1 }, 'writes weigh as much as reads,'],
    ['a note only: nothing inferred', { notes: { readWriteRatio: 'mostly reads at night' } }, 'Declared read/write ratio: mostly reads at night. Give it as a figure'],
  ] as const)('caching: %s', (_label, requirements, expected) => {
    const text = draftFor('caching', withRequirements(requirements as Requirements))!;
    expect(text).toContain(expected);
    expect(text).not.toContain('when the first figure is larger');
  });

  it('connection management: a declared pooler is used, not advised again, and pools are sized from cores', () => {
    const doc = withRequirements({ concurrencyConnections: 300, notes: { concurrency: 'via PgBouncer' } });
    const text = draftFor('connectionManagement', doc, 'postgres')!;
    expect(text).toContain('wait in the declared pooler (PgBouncer)');
    expect(text).not.toContain('put PgBouncer');
    expect(text).not.toMatch(/\b75\b/);
    expect(text).toContain('2 to 4 connections per core');
  });

  it.each([
    ['postgres', 'put PgBouncer in transaction mode in front'],
    ['mysql', 'put ProxySQL (or MySQL Router) in front'],
  ] as const)('connection management without a pooler (%s): the dialect\'s pooler', (dialect, expected) => {
    const text = draftFor('connectionManagement', withRequirements({ concurrencyConnections: 400 }), dialect)!;
    expect(text).toContain(expected);
    expect(text).toContain('the 400 concurrent requests wait in the pools');
  });

  it('partitioning says "no table is partitioned" once', () => {
    const doc = smallProjectDocument();
    for (const t of Object.values(doc.tables)) delete t.volume;
    const md = generateDesignDoc(doc);
    const part = section(md, '#### Partitioning Strategy', '## Performance Optimization');
    expect(part.match(/[Nn]o table is partitioned/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it.each(['caching', 'connectionManagement', 'monitoring', 'backupRecovery'] as const)('missing values: %s has no draft', (key) => {
    expect(draftFor(key, emptyDocument('postgres'))).toBeUndefined();
  });
});
