import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const now = new Date('2026-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('relativeTime', () => {
  it.each([
    [ago(5_000), 'just now'],
    [ago(60_000), '1 minute ago'],
    [ago(17 * 60_000), '17 minutes ago'],
    [ago(60 * 60_000), '1 hour ago'],
    [ago(5 * 3600_000), '5 hours ago'],
    [ago(26 * 3600_000), 'yesterday'],
    [ago(3 * 86_400_000), '3 days ago'],
    ['2026-01-02T08:00:00Z', '2026-01-02'],
    ['not a date', ''],
  ])('%s -> %s', (iso, expected) => {
    expect(relativeTime(iso, now)).toBe(expected);
  });
});
