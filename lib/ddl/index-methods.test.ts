/**
 * Every index method of the model on every dialect, plain, UNIQUE, ordered and with INCLUDE columns:
 * the statement, the diagnostics and the recorded decision come from the dialect's index-method facts
 * (lib/dialects/index-methods.ts). Pinned as a snapshot taken before those facts replaced the branches.
 */
import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeIndex, makeTable, scalar } from '../model/build';
import { indexMethods } from '../model/document';
import { sequentialIds } from '../model/ids';
import { generateDdlStatements } from './generate-ddl';

function docWith(method: (typeof indexMethods)[number], variant: 'plain' | 'unique' | 'ordered' | 'include') {
  const ids = sequentialIds();
  const a = makeColumn({ name: 'a', type: scalar('varchar', { length: 40 }), nullable: false }, ids);
  const b = makeColumn({ name: 'b', type: scalar('integer') }, ids);
  const index = makeIndex(
    {
      method,
      unique: variant === 'unique',
      parts: [{ kind: 'column', columnId: a.id, ...(variant === 'ordered' ? { order: 'desc' as const, nulls: 'last' as const } : {}) }],
      ...(variant === 'include' ? { includeColumnIds: [b.id] } : {}),
    },
    ids,
  );
  return documentOf({ tables: [makeTable({ name: 't', columns: [a, b], primaryKey: { columnIds: [a.id] }, indexes: [index] }, ids)] });
}

describe('index methods per dialect', () => {
  for (const dialect of ['postgres', 'mysql', 'sqlite'] as const) {
    for (const method of indexMethods) {
      it.each(['plain', 'unique', 'ordered', 'include'] as const)(`${dialect} ${method} %s`, (variant) => {
        const run = generateDdlStatements(docWith(method, variant), dialect);
        const decision = [...run.decisions.indexes.values()][0];
        expect({
          statement: run.statements.find((s) => s.includes(' INDEX ')),
          diagnostics: run.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`),
          decision,
        }).toMatchSnapshot();
      });
    }
  }
});
