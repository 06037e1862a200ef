import { describe, expect, it } from 'vitest';
import { filterAndSortProjects, parseProjectQuery, projectQueryString } from './project-query';
import type { ProjectSummary } from './projects-client';

const p = (id: string, name: string, tableCount: number, updatedAt: string): ProjectSummary => ({ id, name, tableCount, version: 1, createdAt: updatedAt, updatedAt });
const projects = [
  p('a', 'Billing v10', 2, '2026-01-03T00:00:00.000Z'),
  p('b', 'billing v9', 7, '2026-01-01T00:00:00.000Z'),
  p('c', 'Shop', 7, '2026-01-02T00:00:00.000Z'),
];

describe('project search and sort', () => {
  it('reads the URL, falling back to the defaults for anything unknown', () => {
    expect(parseProjectQuery(new URLSearchParams('q=bill&sort=name'))).toEqual({ q: 'bill', sort: 'name' });
    expect(parseProjectQuery({ q: ['x', 'y'], sort: 'drop table' })).toEqual({ q: 'x', sort: 'edited' });
    expect(parseProjectQuery({})).toEqual({ q: '', sort: 'edited' });
  });

  it('writes only what differs from the defaults', () => {
    expect(projectQueryString({ q: '', sort: 'edited' })).toBe('');
    expect(projectQueryString({ q: 'a&b c', sort: 'tables' })).toBe('?q=a%26b+c&sort=tables');
  });

  it('searches names by every word, any case; sorts by last edit, name (numbers in order) or table count', () => {
    const names = (q: string, sort: 'edited' | 'name' | 'tables') => filterAndSortProjects(projects, { q, sort }).map((x) => x.name);
    expect(names('BILL', 'edited')).toEqual(['Billing v10', 'billing v9']);
    expect(names('billing 9', 'edited')).toEqual(['billing v9']);
    expect(names('', 'name')).toEqual(['billing v9', 'Billing v10', 'Shop']);
    expect(names('', 'tables')).toEqual(['billing v9', 'Shop', 'Billing v10']);
    expect(names('nothing', 'name')).toEqual([]);
  });
});
