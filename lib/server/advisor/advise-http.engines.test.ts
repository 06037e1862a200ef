/** POST /api/advise's task (what the compute pool runs): body validation, caps, and a verdict. */
import { describe, expect, it } from 'vitest';
import { runTask } from '../compute/tasks';
import { importSource } from '../importers/import-source';

const call = async (body: unknown) => {
  const res = await runTask({ kind: 'advise', body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
};

describe('advise task', () => {
  it('refuses bad bodies and documents', async () => {
    expect((await call('{')).status).toBe(400);
    expect((await call({ nope: 1 })).body.error.code).toBe('invalid_body');
    expect((await call({ document: { format: 'x' } })).body.error.code).toBe('invalid_document');
  });

  it('caps the patterns per request', async () => {
    const doc = (await importSource('postgres', 'CREATE TABLE t (id int PRIMARY KEY);')).document;
    doc.design.queryPatterns = Array.from({ length: 101 }, (_, i) => ({ id: `q${i}`, name: `q${i}`, sql: 'SELECT 1' }));
    expect((await call({ document: doc })).body.error.code).toBe('too_many_patterns');
  });

  it('answers the verdicts of a PostgreSQL document, errors with positions', async () => {
    const doc = (await importSource('postgres', 'CREATE TABLE t (id int PRIMARY KEY, a int NOT NULL);')).document;
    Object.values(doc.tables)[0].volume = { rows: 1_000_000 };
    doc.design.queryPatterns = [
      { id: 'q1', name: 'by a', sql: 'SELECT * FROM t WHERE a = $1' },
      { id: 'q2', name: 'bad', sql: 'SELECT * FROM t; DROP TABLE t' },
    ];
    const { status, body } = await call({ document: doc, budgetMs: 5000 });
    expect(status).toBe(200);
    expect(body.verdicts[0]).toMatchObject({ status: 'not-served', suggestion: { createSql: 'CREATE INDEX "t_a_idx" ON "t" ("a");' } });
    expect(body.verdicts[1]).toMatchObject({ status: 'error' });
    expect(body.verdicts[1].error.message).toMatch(/multiple commands/);
  }, 120_000);
});
