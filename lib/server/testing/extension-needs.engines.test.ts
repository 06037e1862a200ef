/**
 * The extension inference (lib/ddl/extension-needs.ts) checked against PostgreSQL itself (PGlite with
 * its contrib extensions, always; the server when DATABASE_URL_PG is set): for each kind of use, the
 * DDL of a document that uses it without declaring the extension fails on a fresh database, and the
 * generator names exactly that extension; declared, the DDL applies and nothing is reported.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { documentOf, makeColumn, makeIndex, makeTable, scalar } from '../../model/build';
import type { Column, Index } from '../../model/document';
import { pgliteSession, pgServerSession, type EngineSession } from './pg-engines';
import { requireServer } from './require-server';

const noIds = (p: string): string => {
  throw new Error(`id needed (${p})`);
};

/** [what, extension, the column, an index on it] */
const CASES: [string, string, Partial<Column>, Partial<Index>?][] = [
  ['operator class gin_trgm_ops', 'pg_trgm', { type: scalar('text') }, { method: 'gin', parts: [{ kind: 'column', columnId: 'c', opclass: 'gin_trgm_ops' }] }],
  ['GIN on an integer', 'btree_gin', { type: scalar('integer') }, { method: 'gin' }],
  ['GiST on an integer', 'btree_gist', { type: scalar('integer') }, { method: 'gist' }],
  ['uuid_generate_v4()', 'uuid-ossp', { type: scalar('uuid'), default: { kind: 'expression', sql: 'uuid_generate_v4()' } }],
  ['gen_random_bytes()', 'pgcrypto', { type: scalar('blob'), default: { kind: 'expression', sql: 'gen_random_bytes(16)' } }],
  ['citext', 'citext', { type: scalar('text', { native: { postgres: 'citext' } }) }],
  ['hstore', 'hstore', { type: scalar('text', { native: { postgres: 'hstore' } }) }],
  ['ltree', 'ltree', { type: scalar('text', { native: { postgres: 'ltree' } }) }],
  ['cube', 'cube', { type: scalar('text', { native: { postgres: 'cube' } }) }],
];

function docFor(column: Partial<Column>, index: Partial<Index> | undefined) {
  const c = makeColumn({ id: 'c', name: 'v', ...column }, noIds);
  const indexes = index ? [makeIndex({ id: 'i', name: 't_v_idx', parts: [{ kind: 'column', columnId: 'c' }], ...index }, noIds)] : [];
  const t = makeTable({ id: 't', name: 't', columns: [c], indexes }, noIds);
  return documentOf({ tables: [t] });
}

const pglite = pgliteSession();
afterAll(() => pglite.close());

const engines: [string, () => EngineSession | undefined][] = [
  ['PGlite', () => pglite],
  ['PostgreSQL server', () => { const url = requireServer('pg'); return url ? pgServerSession(url) : undefined; }],
];

describe.each(engines)('what needs which extension, on %s', (_name, make) => {
  const session = make();
  afterAll(() => (session === pglite ? undefined : session?.close()));

  it.skipIf(!session).each(CASES)('%s needs %s', async (_what, extension, column, index) => {
    const undeclared = generateDdlStatements(docFor(column, index), 'postgres');
    expect(undeclared.diagnostics.filter((d) => d.code === 'extension.missing').map((d) => /needs the extension "([^"]+)"/.exec(d.message)?.[1])).toEqual([extension]);
    const bare = await session!.fresh();
    let failed = false;
    for (const st of undeclared.statements) await bare.query(st).catch(() => (failed = true));
    expect(failed, 'the DDL must fail without the extension').toBe(true);

    const doc = docFor(column, index);
    doc.extensions = { x: { id: 'x', name: extension } };
    const declared = generateDdlStatements(doc, 'postgres');
    expect(declared.diagnostics).toEqual([]);
    const db = await session!.fresh();
    for (const st of declared.statements) await db.query(st);
  });
});
