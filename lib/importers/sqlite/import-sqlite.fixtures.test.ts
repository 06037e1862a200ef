/**
 * The committed real SQLite schemas (fixtures/README.md: where each comes from) import without an
 * error, with the counts of what SQLite itself created from them (read from sqlite_schema when the
 * fixtures were made: tables other than sqlite_* and fts shadow tables, named indexes, views).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSqliteSync } from './import-sqlite';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('importSqlite on real SQLite schemas', () => {
  it.each<[string, { tables: number; columns: number; relationships: number; indexes: number; views: number }, number]>([
    ['actual-budget.schema.sql', { tables: 33, columns: 204, relationships: 1, indexes: 11, views: 0 }, 0],
    ['mbtiles-schema.sql', { tables: 7, columns: 18, relationships: 0, indexes: 9, views: 3 }, 0],
    ['hebcal-geo.schema.sql', { tables: 7, columns: 65, relationships: 0, indexes: 0, views: 0 }, 3],
    ['kitchen-sink.sql', { tables: 5, columns: 23, relationships: 2, indexes: 3, views: 1 }, 0],
  ])('%s', (name, counts, virtualTables) => {
    const { report } = importSqliteSync(fixture(name));
    expect(report.counts).toMatchObject(counts);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.diagnostics.filter((d) => d.code === 'sqlite.virtual-table')).toHaveLength(virtualTables);
  });
});
