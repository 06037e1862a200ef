/**
 * What the generator reports it decided (DdlStatements.decisions, and planDdl: the same run's)
 * against what it wrote: every recorded name is the one in the SQL, planDdl agrees with the
 * full run, and the synthetic 1,000-table output stays byte-identical (a guard for speed work).
 */
import { describe, expect, it } from 'vitest';
import { syntheticDocument } from '../../bench/synthetic';
import { dialectSpec } from '../dialects/dialects';
import { documentOf, makeColumn, makeIndex, makeTable, scalar } from '../model/build';
import type { Dialect, SchemaDocument } from '../model/document';
import { sequentialIds } from '../model/ids';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { hostileNamesDocument } from '../model/fixtures/hostile-names';
import { generateDdl, generateDdlStatements, planDdl, type DdlOptions } from './generate-ddl';
import { shortHash } from './names';

/** Two tables whose explicit index names clash on PostgreSQL, and unnamed keys with over-long names. */
function clashingNamesDocument(): SchemaDocument {
  const ids = sequentialIds();
  const long = 'y'.repeat(62);
  const tables = ['a', long].map((name) => {
    const id = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
    const x = makeColumn({ name: 'x', type: scalar('integer') }, ids);
    return makeTable(
      { name, columns: [id, x], primaryKey: { columnIds: [id.id] }, uniques: [{ id: `${name.slice(0, 3)}_u`, columnIds: [x.id] }], indexes: [makeIndex({ name: 'x_idx', parts: [{ kind: 'column', columnId: x.id }] }, ids)] },
      ids,
    );
  });
  return documentOf({ tables });
}

const documents: Array<[string, () => SchemaDocument]> = [
  ['kitchen sink', kitchenSinkDocument],
  ['hostile names', hostileNamesDocument],
  ['clashing names', clashingNamesDocument],
  ['synthetic 60 tables', () => syntheticDocument({ tables: 60 })],
];
const runs: Array<[Dialect, DdlOptions]> = [
  ['postgres', {}],
  ['postgres', { target: 'postgres-14', schemaQualified: true }],
  ['mysql', {}],
  ['mysql', { target: 'mariadb-10.11', schemaQualified: true }],
];

describe.each(documents)('decisions: %s', (_label, make) => {
  const doc = make();
  it.each(runs)('%s %o: planDdl decides what generateDdlStatements writes', (dialect, options) => {
    const full = generateDdlStatements(doc, dialect, options);
    expect(planDdl(doc, dialect, options)).toEqual(full.decisions);

    const q = dialectSpec(dialect).quoteIdentifier;
    const sql = full.statements.join('\n');
    for (const t of Object.values(doc.tables)) {
      if (t.primaryKey) expect(full.decisions.primaryKeys.has(t.id)).toBe(true);
      for (const u of t.uniques) expect(sql).toContain(`${q(full.decisions.uniques.get(u.id)!)} ${dialect === 'mysql' ? '(' : 'UNIQUE'}`);
      for (const ix of t.indexes) {
        const decision = full.decisions.indexes.get(ix.id)!;
        const created = full.statements.some((s) => / INDEX /.test(s) && s.includes(`INDEX ${q(decision.name)} ON `) && s.includes(q(t.name)));
        expect(created, `${t.name}.${decision.name}`).toBe(decision.created);
      }
    }
    for (const [id, name] of full.decisions.foreignKeys) expect(sql, id).toContain(`CONSTRAINT ${q(name)} FOREIGN KEY`);
  });
});

describe('decisions of an invalid document', () => {
  it('are empty, as the DDL is', () => {
    const doc = kitchenSinkDocument();
    const broken = { ...doc, relationships: { ...doc.relationships, r_bad: { ...Object.values(doc.relationships)[0], id: 'r_bad', toTableId: 'nope' } } };
    const out = generateDdlStatements(broken, 'postgres');
    expect(out.statements).toEqual([]);
    expect(out.decisions.indexes.size).toBe(0);
    expect(planDdl(broken, 'postgres').indexes.size).toBe(0);
  });
});

describe('synthetic 1,000-table output', () => {
  // Length and FNV-1a hash of the SQL and diagnostics as generated before the speed work (commit
  // 87a40b7): optimisations must not change a byte. The MySQL diagnostics changed once since, on
  // purpose: the 100 partial indexes' predicates are reported as left out, no longer also as
  // "copied verbatim" (one diagnostic per decision). The MySQL SQL changed once, on purpose: NO ACTION
  // is written out (InnoDB records an unwritten action as RESTRICT), +30,300 bytes.
  const expected: Array<[Dialect, DdlOptions, number, string, number, string]> = [
    ['postgres', {}, 1285762, '954b9298', 0, '741638a5'],
    ['mysql', {}, 1218249, 'bf342c51', 4100, '2a8fcfd9'],
    ['mysql', { target: 'mariadb-10.11', dropFirst: true }, 1251059, 'c82e0211', 3100, '2c0d56f7'],
    ['postgres', { schemaQualified: true, dropFirst: true }, 1416629, '86d1c051', 0, '741638a5'],
  ];
  const doc = syntheticDocument({ tables: 1000 });
  it.each(expected)('%s %o is unchanged', (dialect, options, length, hash, diagnostics, diagnosticsHash) => {
    const out = generateDdl(doc, dialect, options);
    expect([out.sql.length, shortHash(out.sql), out.diagnostics.length, shortHash(JSON.stringify(out.diagnostics))]).toEqual([length, hash, diagnostics, diagnosticsHash]);
  });
});
