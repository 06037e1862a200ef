import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchemaFrom } from './prisma-schemas.mjs';

const root = path.resolve(__dirname, '..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

describe('the two Prisma schemas', () => {
  it('the committed PostgreSQL schema is exactly the SQLite one with the provider swapped', () => {
    expect(read(POSTGRES_SCHEMA)).toBe(postgresSchemaFrom(read(SQLITE_SCHEMA)));
  });

  it('differ only in the banner, provider and output lines', () => {
    const sqlite = read(SQLITE_SCHEMA).split('\n');
    const pgLines = read(POSTGRES_SCHEMA).split('\n').slice(1); // minus the GENERATED banner
    expect(pgLines).toHaveLength(sqlite.length);
    const differing = sqlite.flatMap((line, i) => (line === pgLines[i] ? [] : [`${line.trim()} -> ${pgLines[i].trim()}`]));
    expect(differing).toEqual([
      'output   = "../../lib/generated/sqlite" -> output   = "../../lib/generated/postgres"',
      'provider = "sqlite" -> provider = "postgresql"',
    ]);
  });

  it('refuses a source schema it cannot swap', () => {
    expect(() => postgresSchemaFrom('datasource db {\n  provider = "mysql"\n}\n')).toThrow(/expected to find/);
  });

  it.each(['sqlite', 'postgres'])('%s: the newest migration was made from the current schema (no forgotten migration)', (provider) => {
    const dir = path.join(root, 'prisma', 'migrations', provider);
    const newest = readdirSync(dir).filter((n) => /^\d{4}_/.test(n)).sort().at(-1)!;
    expect(read(path.join('prisma', 'migrations', provider, newest, 'schema.prisma'))).toBe(read(path.join('prisma', provider, 'schema.prisma')));
  });
});
