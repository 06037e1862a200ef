import { describe, expect, it } from 'vitest';
import { designFingerprint, effectiveStatus } from './design-fingerprint';
import { emptyDocument } from './empty';
import { loadDocument } from './migrate';
import { numericQueryPattern, numericRequirements } from './migrate-requirements';
import {
  formatDataSize, formatMinutes, formatMs, formatRate, formatReadsPerWrite,
  parseConnections, parseDataSize, parseDurationMinutes, parseLatencyMs, parseRatePerSecond, parseReadsPerWrite,
} from './requirement-units';

describe('version 3 free text -> numbers with units', () => {
  // [field, version-3 text, numeric fields after the upgrade, note kept]
  const cases: [string, string, Record<string, unknown>, string | undefined][] = [
    ['dataVolumeNow', '20 GB', { dataVolumeNow: { value: 20, unit: 'GB' } }, undefined],
    ['dataVolume5y', '2TB', { dataVolume5y: { value: 2, unit: 'TB' } }, undefined],
    ['dataVolume5y', 'about 1.5 TiB', { dataVolume5y: { value: 1.5, unit: 'TB' } }, undefined],
    ['dataVolumeNow', '50 GB, 10 M orders', { dataVolumeNow: { value: 50, unit: 'GB' } }, '50 GB, 10 M orders'],
    ['dataVolumeNow', '10 M orders', {}, '10 M orders'],
    ['latencyTarget', 'p99 < 50 ms', { latencyTargetMs: 50 }, undefined],
    ['latencyTarget', '< 10ms', { latencyTargetMs: 10 }, undefined],
    ['latencyTarget', '0.2 s', { latencyTargetMs: 200 }, undefined],
    ['latencyTarget', 'p95 < 80 ms', { latencyTargetMs: 80 }, 'p95 < 80 ms'],
    ['latencyTarget', 'fast', {}, 'fast'],
    ['throughputTarget', '2,000 writes/s', { throughputQps: 2000 }, '2,000 writes/s'],
    ['throughputTarget', '300/s', { throughputQps: 300 }, undefined],
    ['throughputTarget', '2k qps', { throughputQps: 2000 }, undefined],
    ['throughputTarget', '1,200 requests per minute', { throughputQps: 20 }, undefined],
    ['rpo', '5 minutes', { rpoMinutes: 5 }, undefined],
    ['rpo', '30 s', { rpoMinutes: 0.5 }, undefined],
    ['rpo', 'zero data loss', {}, 'zero data loss'],
    ['rto', '1 h', { rtoMinutes: 60 }, undefined],
    ['rto', '1 hour', { rtoMinutes: 60 }, undefined],
    ['rto', '2 days', { rtoMinutes: 2880 }, undefined],
    ['readWriteRatio', '9:1', { readsPerWrite: 9 }, undefined],
    ['readWriteRatio', '80/20', { readsPerWrite: 4 }, undefined],
    ['readWriteRatio', '1:4', { readsPerWrite: 0.25 }, undefined],
    ['readWriteRatio', 'read-heavy', {}, 'read-heavy'],
    ['peakLoad', '5x on Black Friday', {}, '5x on Black Friday'],
    ['peakLoad', '1,500 qps', { peakLoadQps: 1500 }, undefined],
    ['concurrency', '400 concurrent requests', { concurrencyConnections: 400 }, undefined],
    ['concurrency', '200', { concurrencyConnections: 200 }, undefined],
    ['concurrency', 'about 2k connections', { concurrencyConnections: 2000 }, undefined],
    ['concurrency', 'lots', {}, 'lots'],
  ];
  it.each(cases)('requirements.%s "%s"', (field, text, numbers, note) => {
    const out = numericRequirements({ workload: 'oltp', [field]: text });
    expect(out).toEqual({ workload: 'oltp', ...numbers, ...(note ? { notes: { [field]: note } } : {}) });
  });

  const patternCases: [string, string, Record<string, unknown>, string | undefined][] = [
    ['frequency', '300/s', { frequencyPerSecond: 300 }, undefined],
    ['frequency', '10/min', { frequencyPerSecond: 0.166667 }, undefined],
    ['frequency', '1000 per hour', { frequencyPerSecond: 0.277778 }, undefined],
    ['frequency', 'on every page view', {}, 'on every page view'],
    ['latencyTarget', '10 ms', { latencyTargetMs: 10 }, undefined],
    ['latencyTarget', '< 10 ms', { latencyTargetMs: 10 }, undefined],
  ];
  it.each(patternCases)('queryPattern.%s "%s"', (field, text, numbers, note) => {
    expect(numericQueryPattern({ id: 'q', name: 'n', [field]: text })).toEqual({ id: 'q', name: 'n', ...numbers, ...(note ? { notes: { [field]: note } } : {}) });
  });

  it('empty texts vanish, non-string values are left for the parser to report', () => {
    expect(numericRequirements({ rpo: '  ', rto: 5 })).toEqual({ rto: 5 });
  });

  it('a version-3 document with every field loads at version 4, its figures numbers and its unparsed texts notes', () => {
    const v3 = {
      ...emptyDocument(),
      version: 3,
      design: {
        narrative: {},
        requirements: { dataVolumeNow: '20 GB', dataVolume5y: '2 TB', workload: 'oltp', latencyTarget: 'p99 < 50 ms', throughputTarget: '300/s', rpo: '5 minutes', rto: '1 h', readWriteRatio: '9:1', peakLoad: '5x on Black Friday', concurrency: '400 concurrent requests' },
        queryPatterns: [{ id: 'q1', name: 'Recent', frequency: '300/s', latencyTarget: '10 ms' }],
      },
    };
    const loaded = loadDocument(v3);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.document.version).toBe(4);
    expect(loaded.document.design.requirements).toEqual({
      dataVolumeNow: { value: 20, unit: 'GB' }, dataVolume5y: { value: 2, unit: 'TB' }, workload: 'oltp', latencyTargetMs: 50, throughputQps: 300,
      rpoMinutes: 5, rtoMinutes: 60, readsPerWrite: 9, concurrencyConnections: 400, notes: { peakLoad: '5x on Black Friday' },
    });
    expect(loaded.document.design.queryPatterns).toEqual([{ id: 'q1', name: 'Recent', frequencyPerSecond: 300, latencyTargetMs: 10 }]);
  });
});

describe('parsers and formatters', () => {
  it('refuse what has no unit written', () => {
    expect(parseDataSize('20')).toBeUndefined();
    expect(parseLatencyMs('50')).toBeUndefined();
    expect(parseRatePerSecond('300')).toBeUndefined();
    expect(parseDurationMinutes('5')).toBeUndefined();
    expect(parseReadsPerWrite('9')).toBeUndefined();
    expect(parseReadsPerWrite('1:0')).toBeUndefined();
    expect(parseConnections('many')).toBeUndefined();
  });
  it('write numbers back in their unit', () => {
    expect(formatDataSize({ value: 1500, unit: 'GB' })).toBe('1,500 GB');
    expect(formatMs(50)).toBe('50 ms');
    expect(formatMs(2000)).toBe('2 s');
    expect(formatRate(300)).toBe('300/s');
    expect(formatRate(1 / 6)).toBe('10/min');
    expect(formatRate(1 / 3600)).toBe('1/h');
    expect(formatMinutes(60)).toBe('1 hour');
    expect(formatMinutes(5)).toBe('5 minutes');
    expect(formatMinutes(0.5)).toBe('30 s');
    expect(formatMinutes(2880)).toBe('2 days');
    expect(formatReadsPerWrite(9)).toBe('9:1');
    expect(formatReadsPerWrite(0.25)).toBe('1:4');
  });
});

describe('an upgrade is not a design change', () => {
  function approvedV3(stale: boolean) {
    const v3 = {
      ...emptyDocument(),
      version: 3,
      design: { narrative: {}, requirements: { rpo: '5 minutes' }, queryPatterns: [] },
    } as Record<string, unknown>;
    const fingerprint = designFingerprint(v3 as never);
    v3.governance = { approval: { reviewer: 'Ada', at: '2026-12-01T10:00:00.000Z', fingerprint: stale ? '0123456789abcdef' : fingerprint } };
    return v3;
  }

  it('an approval of the version-3 design still matches the upgraded one; a stale one stays stale', () => {
    const fresh = loadDocument(approvedV3(false));
    expect(fresh.ok && fresh.document.design.requirements).toEqual({ rpoMinutes: 5 });
    expect(fresh.ok && effectiveStatus(fresh.document)).toEqual({ status: 'approved', staleApproval: false });
    const stale = loadDocument(approvedV3(true));
    expect(stale.ok && effectiveStatus(stale.document)).toEqual({ status: 'draft', staleApproval: true });
  });
});
