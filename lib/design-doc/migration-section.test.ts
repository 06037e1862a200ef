import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands/apply';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { generateDesignDoc } from './generate-design-doc';
import { checkDesignDocStructure } from './structure';

const v1 = kitchenSinkDocument();
const email = v1.tables.t_customers.columns.find((c) => c.name === 'email')!;
let v2 = applyCommand(v1, { type: 'column.update', tableId: 't_customers', columnId: email.id, changes: { name: 'login' } }).doc;
v2 = applyCommand(v2, { type: 'index.add', tableId: 't_orders', index: { id: 'ix_new', parts: [{ kind: 'column', columnId: v1.tables.t_orders.columns[1].id }], unique: false } }).doc;

function section(md: string): string {
  const start = md.indexOf('### Migration Strategy');
  const end = md.indexOf('\n#', start + 5);
  return md.slice(start, end);
}

describe('Migration Strategy from the previous named version', () => {
  it('shows the up script fenced and its lint findings, between Phase 1 and the rollback', () => {
    for (const dialect of ['postgres', 'mysql'] as const) {
      const md = generateDesignDoc(v2, { dialect, previousVersion: { name: 'v1.0 `beta` | x', document: v1 } });
      expect(checkDesignDocStructure(md)).toEqual([]);
      const s = section(md);
      expect(s.indexOf('**Phase 1: Schema creation.**')).toBeLessThan(s.indexOf('**Migration from version'));
      expect(s.indexOf('**Migration from version')).toBeLessThan(s.indexOf('**Rollback.**'));
      expect(s).toContain('**Migration from version ``v1.0 `beta` | x``.** 1 added, 1 changed');
      expect(s).toMatch(dialect === 'postgres' ? /```sql\n-- Migration \(up\)[\s\S]*RENAME COLUMN "email" TO "login";[\s\S]*```/ : /```sql\n-- Migration \(up\)[\s\S]*RENAME COLUMN `email` TO `login`;[\s\S]*```/);
      expect(s).toContain('| Step | Rule | Lock (');
      expect(s).toMatch(/\| `rename` \| [^|]+ \| warning: /);
      expect(s).toMatch(/\| `index-not-concurrent` \|/);
    }
  });

  it('says so when nothing changed, and leaves the section as it was without a previous version', () => {
    expect(section(generateDesignDoc(v1, { previousVersion: { name: 'same', document: v1 } }))).toContain('The schema has not changed since that version: nothing to migrate.');
    expect(section(generateDesignDoc(v2))).not.toContain('Migration from version');
  });
});
