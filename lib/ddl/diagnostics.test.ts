/**
 * Every diagnostic code generateDdl can return (DDL_DIAGNOSTIC_CODES) has a case
 * (diagnostic-cases.test-support.ts) that triggers it, with the severity the registry promises.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeTable, scalar } from '../model/build';
import { sequentialIds } from '../model/ids';
import { generateDdl } from './generate-ddl';
import { DDL_DIAGNOSTIC_CODES, severityOf } from './diagnostic-codes';
import { DIAGNOSTIC_CASES as CASES, loadCaseParsers } from './diagnostic-cases.test-support';

const ids = sequentialIds();
beforeAll(loadCaseParsers);

describe('every DDL diagnostic code', () => {
  it('has a triggering case for each code in the registry, and no case for an unknown code', () => {
    const tested = new Set(CASES.map((c) => c[0]));
    expect([...Object.keys(DDL_DIAGNOSTIC_CODES)].filter((code) => !tested.has(code))).toEqual([]);
    expect([...tested].filter((code) => !(code in DDL_DIAGNOSTIC_CODES))).toEqual([]);
  });

  it.each(CASES)('%s (%s)', (code, dialect, make, options) => {
    const { diagnostics } = generateDdl(make(), dialect, options);
    const hit = diagnostics.filter((d) => d.code === code);
    expect(hit.length, `${code} not in ${JSON.stringify(diagnostics.map((d) => d.code))}`).toBeGreaterThan(0);
    // The severity on this dialect's output (severityOn); mysql.type-approximated varies with the loss.
    if (code !== 'mysql.type-approximated') expect(hit[0].severity).toBe(severityOf(code, dialect));
    expect(hit[0].message.length).toBeGreaterThan(10);
  });

  it('returns no diagnostics at all for a plain table', () => {
    const id = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
    const c = makeColumn({ name: 'name', type: scalar('varchar', { length: 20 }), nullable: false }, ids);
    const plain = documentOf({ tables: [makeTable({ name: 'plain', columns: [id, c], primaryKey: { columnIds: [id.id] } }, ids)] });
    for (const dialect of ['postgres', 'mysql', 'sqlite'] as const) expect(generateDdl(plain, dialect).diagnostics).toEqual([]);
  });
});
