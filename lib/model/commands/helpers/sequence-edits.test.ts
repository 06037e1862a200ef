import { describe, expect, it } from 'vitest';
import { applyAndCheck } from '../apply-and-check';
import { commandsFixture } from '../test-fixture';
import { sequentialIds } from '../../ids';
import { generateDdl } from '../../../ddl/generate-ddl';
import {
  addExtensionCommand, addSequenceCommand, sequenceOptionCommand, sequenceOwnerChoices, sequenceOwnerCommand, serialColumnCommand, serialTypeOf,
} from './sequence-edits';

describe('sequence and extension edits', () => {
  it('makes a column serial in one step: type, NOT NULL, no identity, an owned sequence named for it; the DDL says serial', () => {
    const doc = commandsFixture();
    const users = doc.tables.t_users;
    const { doc: after } = applyAndCheck(doc, serialColumnCommand(doc, users, users.columns[0], 'integer', sequentialIds()));
    const id = after.tables.t_users.columns[0];
    expect(id).toMatchObject({ type: { kind: 'scalar', name: 'integer' }, nullable: false, default: { kind: 'sequence' } });
    expect(id.identity).toBeUndefined();
    const seq = id.default.kind === 'sequence' ? after.sequences[id.default.sequenceId] : undefined;
    expect(seq).toMatchObject({ name: 'users_id_seq', dataType: 'integer', ownedBy: { tableId: 't_users', columnId: 'c_users_id' } });
    expect(generateDdl(after, 'postgres').sql).toContain('"id" serial NOT NULL');
    // Again as bigserial: the same sequence, its type follows.
    const again = applyAndCheck(after, serialColumnCommand(after, after.tables.t_users, id, 'bigint')).doc;
    expect(Object.values(again.sequences).filter((q) => q.ownedBy?.tableId === 't_users')).toEqual([{ ...seq, dataType: 'bigint' }]);
  });

  it('names a new sequence or a serial one so it does not clash in its schema', () => {
    const doc = commandsFixture();
    doc.sequences.q_taken = { id: 'q_taken', name: 'users_id_seq', dataType: 'bigint' };
    const cmd = serialColumnCommand(doc, doc.tables.t_users, doc.tables.t_users.columns[0], 'bigint', sequentialIds());
    expect(cmd.type === 'batch' && cmd.commands[0]).toMatchObject({ sequence: { name: 'users_id_seq_2' } });
    expect(addSequenceCommand(doc, sequentialIds())).toMatchObject({ type: 'sequence.add', sequence: { name: 'seq_1', dataType: 'bigint' } });
    expect(addExtensionCommand('pg_trgm', sequentialIds())).toEqual({ type: 'extension.add', extension: { id: 'ext_1', name: 'pg_trgm' } });
  });

  it('reads serial spellings, owner choices in the schema, and option fields', () => {
    expect(['serial', 'BIGSERIAL', 'smallserial', 'serial8', 'int'].map(serialTypeOf)).toEqual(['integer', 'bigint', 'smallint', 'bigint', undefined]);
    const doc = commandsFixture();
    const seq = doc.sequences.q_invoice;
    const choices = sequenceOwnerChoices(doc, seq);
    expect(choices[0]).toEqual({ value: '', label: 'Not owned' });
    expect(choices.some((c) => c.label === 'products.sku')).toBe(false); // products is in schema catalog
    expect(sequenceOwnerCommand(seq, 't_users/c_users_id')).toEqual({ type: 'sequence.update', sequenceId: 'q_invoice', changes: { ownedBy: { tableId: 't_users', columnId: 'c_users_id' } } });
    expect(sequenceOwnerCommand(seq, '')).toEqual({ type: 'sequence.update', sequenceId: 'q_invoice', changes: { ownedBy: undefined } });
    expect(sequenceOptionCommand(seq, 'cache', ' 20 ')).toEqual({ type: 'sequence.update', sequenceId: 'q_invoice', changes: { cache: 20 } });
    expect(sequenceOptionCommand(seq, 'start', '')).toEqual({ type: 'sequence.update', sequenceId: 'q_invoice', changes: { start: undefined } });
    expect(sequenceOptionCommand(seq, 'max', '1e3')).toBe('"1e3" is not a whole number within ±2^53');
  });
});
