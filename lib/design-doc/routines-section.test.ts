import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeTable, scalar } from '../model/build';
import { sequentialIds } from '../model/ids';
import { generateDesignDoc } from './generate-design-doc';

describe('DATABASE_DESIGN.md and routines', () => {
  it('Data Integrity counts the triggers (naming them) and the other routines; Schema Design carries their statements', () => {
    const ids = sequentialIds();
    const actor = makeTable({ name: 'actor', columns: [makeColumn({ name: 'id', type: scalar('integer') }, ids)] }, ids);
    const doc = documentOf({
      tables: [actor],
      routines: [
        { id: 'r1', kind: 'function', name: 'last_updated', dialect: 'postgres', sql: 'CREATE FUNCTION last_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$' },
        { id: 'r2', kind: 'trigger', name: 'last_updated', dialect: 'postgres', sql: 'CREATE TRIGGER last_updated BEFORE UPDATE ON actor FOR EACH ROW EXECUTE FUNCTION last_updated()', tableId: actor.id },
      ],
    });
    const md = generateDesignDoc(doc, { dialect: 'postgres' });
    expect(md).toContain('| Triggers | 1 (last\\_updated on actor) |');
    expect(md).toContain('| Functions, procedures, aggregates, events | 1 |');
    expect(md).toContain('CREATE TRIGGER last_updated BEFORE UPDATE ON actor');
    expect(generateDesignDoc(documentOf({ tables: [actor] }), { dialect: 'postgres' })).not.toContain('| Triggers |');
  });
});
