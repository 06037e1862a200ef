/**
 * Expand/contract on real PostgreSQL: for a rename plus a type change, and for a split, the phases
 * are applied one after the other with a client on the OLD shape writing and reading between expand
 * and switch (no errors, and its writes reach the new columns), a client on the NEW shape after the
 * switch (its writes reach the old columns, which old code still reads), and after the contract the
 * catalog equals that of DDL(v2) applied to a fresh database. PGlite always; the PostgreSQL server at
 * DATABASE_URL_PG when set (required under CI).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../ddl/generate-ddl';
import type { SchemaDocument } from '../model/document';
import { diffCatalogs } from '../server/catalog/catalog-diff';
import { readPgCatalog } from '../server/testing/pg-catalog';
import { pgliteSession, pgServerSession, type EngineSession } from '../server/testing/pg-engines';
import { requireServer } from '../server/testing/require-server';
import { applyStatements, type SqlClient } from '../server/testing/sql-client';
import { planExpandContract, type ExpandContractPhase } from './expand-contract';
import { versions } from './expand-contract.test-support';
import { executableStatements } from './plan';

const pglite = pgliteSession();
afterAll(() => pglite.close());

const engines: [string, () => EngineSession | undefined][] = [
  ['PGlite', () => pglite],
  ['PostgreSQL server', () => { const url = requireServer('pg'); return url ? pgServerSession(url) : undefined; }],
];

/** Applies a phase; the backfill batches (size 2 here) run until one updates no row. */
async function applyPhase(db: SqlClient, phase: ExpandContractPhase): Promise<number> {
  let batches = 0;
  for (const step of phase.steps.filter((s) => !s.commented)) {
    if (step.kind !== 'data.backfill') {
      await applyStatements(db, executableStatements([step]));
      continue;
    }
    for (;;) {
      batches++;
      const rows = await db.query(`${step.sql} RETURNING 1`);
      if (!rows.length) break;
      if (batches > 100) throw new Error('the backfill does not converge');
    }
  }
  return batches;
}

/**
 * The catalog after the contract against DDL(v2) on a fresh database. PostgreSQL adds a column at the
 * end and cannot move it: the new columns stay after the ones that were kept (the plan says so), so
 * column order is the one difference allowed.
 */
async function sameAsFresh(engine: EngineSession, db: SqlClient, v2: SchemaDocument): Promise<string[]> {
  // Read first: PGlite's fresh() resets the same database.
  const migrated = await readPgCatalog(db);
  const fresh = await engine.fresh();
  await applyStatements(fresh, generateDdlStatements(v2, 'postgres').statements);
  return diffCatalogs(migrated, await readPgCatalog(fresh)).filter((d) => d.kind !== 'column.order').map((d) => `${d.kind} ${d.object}: ${d.message}`);
}

describe.each(engines)('expand/contract on %s', (_name, session) => {
  it('a rename and a type change: old-shape client during expand, new shape after the switch', async () => {
    const engine = session();
    if (!engine) return;
    try {
      const v = await versions();
      const plan = planExpandContract(v.v1, v.renamedAndRetyped, 'postgres', { batchSize: 2 });
      expect(plan.transforms.map((t) => t.kind).sort()).toEqual(['rename', 'type']);
      const [expand, , contract] = plan.phases;
      const db = await engine.fresh();
      await applyStatements(db, generateDdlStatements(v.v1, 'postgres').statements);
      for (let i = 1; i <= 5; i++) await db.query(`INSERT INTO accounts (id, email, amount) VALUES (${i}, 'u${i}@x', ${i * 10})`);

      expect(await applyPhase(db, expand)).toBeGreaterThan(2);
      // The old shape, between expand and switch: writes and reads as before.
      await db.query(`INSERT INTO accounts (id, email, amount) VALUES (6, 'u6@x', 60)`);
      await db.query(`UPDATE accounts SET email = 'changed@x', amount = amount + 1 WHERE id = 1`);
      expect(await db.query(`SELECT email, amount FROM accounts WHERE id = 1`)).toEqual([{ email: 'changed@x', amount: 11 }]);
      // ... and its writes reach the new shape.
      const synced = await db.query(`SELECT count(*)::int AS n FROM accounts WHERE login IS DISTINCT FROM email OR amount_new IS DISTINCT FROM amount`);
      expect(synced).toEqual([{ n: 0 }]);

      // Switch: code on the new shape (transitional name for the retyped column) writes and reads.
      await db.query(`INSERT INTO accounts (id, login, amount_new) VALUES (7, 'u7@x', 70)`);
      await db.query(`UPDATE accounts SET login = 'again@x', amount_new = 12 WHERE id = 1`);
      expect(await db.query(`SELECT login, amount_new::int AS amount FROM accounts WHERE id IN (1, 7) ORDER BY id`)).toEqual([{ login: 'again@x', amount: 12 }, { login: 'u7@x', amount: 70 }]);
      // Old code still running reads what new code wrote.
      expect(await db.query(`SELECT email, amount FROM accounts WHERE id IN (1, 7) ORDER BY id`)).toEqual([{ email: 'again@x', amount: 12 }, { email: 'u7@x', amount: 70 }]);

      await applyPhase(db, contract);
      // The final shape.
      await db.query(`INSERT INTO accounts (id, login, amount) VALUES (8, 'u8@x', 9000000000)`);
      expect(await db.query(`SELECT count(*)::int AS n FROM accounts`)).toEqual([{ n: 8 }]);
      expect(await db.query(`SELECT login, amount::text AS amount FROM accounts WHERE id IN (2, 8) ORDER BY id`)).toEqual([{ login: 'u2@x', amount: '20' }, { login: 'u8@x', amount: '9000000000' }]);
      expect(await sameAsFresh(engine, db, v.renamedAndRetyped)).toEqual([]);
    } finally {
      if (engine !== pglite) await engine.close();
    }
  }, 120_000);

  it('a split of one column into two', async () => {
    const engine = session();
    if (!engine) return;
    try {
      const v = await versions();
      const plan = planExpandContract(v.v1, v.split, 'postgres', { transforms: [v.splitTransform], batchSize: 2 });
      const [expand, , contract] = plan.phases;
      const db = await engine.fresh();
      await applyStatements(db, generateDdlStatements(v.v1, 'postgres').statements);
      await db.query(`INSERT INTO accounts (id, email, full_name) VALUES (1, 'a', 'Ada Lovelace'), (2, 'b', 'Plato'), (3, 'c', NULL)`);
      await applyPhase(db, expand);
      await db.query(`INSERT INTO accounts (id, email, full_name) VALUES (4, 'd', 'Alan Mathison Turing')`);
      expect(await db.query(`SELECT first_name, last_name FROM accounts ORDER BY id`)).toEqual([
        { first_name: 'Ada', last_name: 'Lovelace' }, { first_name: 'Plato', last_name: null }, { first_name: null, last_name: null }, { first_name: 'Alan', last_name: 'Mathison Turing' },
      ]);
      await db.query(`INSERT INTO accounts (id, email, first_name, last_name) VALUES (5, 'e', 'Grace', 'Hopper')`);
      await db.query(`UPDATE accounts SET last_name = 'King' WHERE id = 1`);
      expect(await db.query(`SELECT full_name FROM accounts WHERE id IN (1, 5) ORDER BY id`)).toEqual([{ full_name: 'Ada King' }, { full_name: 'Grace Hopper' }]);
      await applyPhase(db, contract);
      expect(await sameAsFresh(engine, db, v.split)).toEqual([]);
    } finally {
      if (engine !== pglite) await engine.close();
    }
  }, 120_000);
});
