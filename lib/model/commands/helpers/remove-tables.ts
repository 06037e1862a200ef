/**
 * Deleting tables from the canvas: the command plus, for the confirmation dialog, everything else
 * that goes with them (their indexes, foreign keys touching them, area memberships). The list comes
 * from a dry run of the very command, so the dialog cannot promise something the command doesn't do.
 */
import type { SchemaDocument } from '../../document';
import { displayName } from '../../lookup';
import { requireTable } from '../context';
import { applyCommand } from '../apply';
import type { Command } from '../types';
import { indexName } from '../../../naming/derived-names';

export interface RemoveTablesPlan {
  command: Command;
  /** Human sentences, e.g. `index "ix_users_email" on users`, `foreign key orders(user_id) -> users(id) removed: ...`. */
  consequences: string[];
}

export function removeTablesPlan(doc: SchemaDocument, tableIds: readonly string[]): RemoveTablesPlan {
  const unique = [...new Set(tableIds)];
  const tables = unique.map((id) => requireTable(doc, id));
  const command: Command = {
    type: 'batch',
    label: tables.length === 1 ? `Remove table ${displayName(doc, tables[0])}` : `Remove ${tables.length} tables`,
    commands: unique.map((tableId) => ({ type: 'table.remove', tableId })),
  };
  const indexes = tables.flatMap((t) => t.indexes.map((ix) => `index "${indexName(t, ix)}" on ${displayName(doc, t)}`));
  const { changes } = applyCommand(doc, command);
  return { command, consequences: [...indexes, ...changes.map((c) => c.message)] };
}
