/**
 * The round-trip fixtures (fixtures/README.md: real-project shapes with extensions, sequences,
 * display widths, ZEROFILL and prefix indexes) recreate their database exactly: zero catalog
 * differences and no statement of the regenerated DDL rejected, on the PostgreSQL and MariaDB
 * servers (DATABASE_URL_PG / DATABASE_URL_MYSQL; required under CI=true).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../model/document';
import type { SourceFile } from '../../importers/types';
import { requireServer } from '../testing/require-server';
import { runRoundtrip } from './roundtrip';

const dir = path.join(import.meta.dirname, 'fixtures');

function filesOf(name: string): SourceFile[] {
  const full = path.join(dir, name);
  if (!statSync(full).isDirectory()) return [{ name, content: readFileSync(full, 'utf8') }];
  return readdirSync(full).map((f) => ({ name: f, content: readFileSync(path.join(full, f), 'utf8') }));
}

const FIXTURES: [name: string, dialect: Dialect, tables: number][] = [
  ['forge-mysqldump.sql', 'mysql', 5],
  ['shop-zerofill.sql', 'mysql', 4],
  ['forum-pgdump.sql', 'postgres', 3],
  ['ledger-sequences.sql', 'postgres', 4],
  ['flyway-inventory', 'postgres', 3],
];

const urls: Record<Dialect, string | undefined> = { postgres: requireServer('pg'), mysql: requireServer('mysql'), sqlite: undefined };

describe('round-trip fixtures: zero catalog differences', () => {
  it.each(FIXTURES)('%s (%s)', async (name, dialect, tables) => {
    const url = urls[dialect];
    if (!url) return;
    const r = await runRoundtrip({ dialect, files: filesOf(name), url });
    expect(r.originalFailures, 'the original applies').toEqual([]);
    expect(r.regeneratedFailures, 'the regenerated DDL applies').toEqual([]);
    expect(r.tables).toEqual({ original: tables, regenerated: tables });
    expect(r.differences.map((d) => `[${d.kind}] ${d.message}`)).toEqual([]);
  });
});
