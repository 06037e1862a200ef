/**
 * The one entry point for editing a schema document.
 *
 *   const { doc, patches, inversePatches, changes } = applyCommand(doc, command);
 *   undo: undoPatches(doc, inversePatches)      redo: redoPatches(doc, patches)
 *
 * `applyCommand` is pure: the input document is never mutated (immer's produceWithPatches makes a
 * structurally shared copy), and an invalid command throws a CommandError without producing anything.
 * Undo is generic: the store keeps the patches, no command has a hand-written inverse.
 * Every result passes `integrityIssues` (checked after each command over what it touched, see
 * integrity-net.ts: a handler bug can never let a dangling reference into the document; it surfaces
 * as a CommandError with code 'integrity').
 */
import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import type { SchemaDocument } from '../document';
import { formatIssues } from '../validate';
import type { ApplyContext } from './context';
import { CommandError } from './errors';
import { touchedIntegrityIssues } from './integrity-net';
import * as canvas from './handlers/canvas';
import * as columns from './handlers/columns';
import * as constraints from './handlers/constraints';
import * as database from './handlers/database';
import * as design from './handlers/design';
import * as documentHandlers from './handlers/document';
import * as governance from './handlers/governance';
import * as namespaces from './handlers/namespaces';
import * as relationships from './handlers/relationships';
import * as review from './handlers/review';
import * as tables from './handlers/tables';
import * as types from './handlers/types';
import type { Command, CommandOf, CommandResult, CommandType } from './types';

export type * from './types';
export { CommandError, type CommandErrorCode } from './errors';
export { describeCommand } from './describe';
export { addTableCommand, type AddTableOptions } from './helpers/add-table';
export { connectColumnsCommand, type ConnectColumnsInput } from './helpers/connect-columns';
export { manyToManyCommand, type ManyToManyOptions } from './helpers/many-to-many';
export { removeTablesPlan, type RemoveTablesPlan } from './helpers/remove-tables';
export { pasteTablesCommand, type PasteOptions } from './helpers/paste-tables';

enablePatches();

type Handler<T extends CommandType> = (doc: SchemaDocument, command: CommandOf<T>, ctx: ApplyContext) => void;

/** One handler per command type; the mapped type makes a missing one a compile error. */
const handlers: { [T in CommandType]: Handler<T> } = {
  'table.add': tables.addTable,
  'table.update': tables.updateTable,
  'table.remove': tables.removeTable,
  'column.add': columns.addColumn,
  'column.update': columns.updateColumn,
  'column.move': columns.moveColumn,
  'column.remove': columns.removeColumn,
  'primaryKey.set': constraints.setPrimaryKey,
  'unique.add': constraints.addUnique,
  'unique.update': constraints.updateUnique,
  'unique.remove': constraints.removeUnique,
  'check.add': constraints.addCheck,
  'check.update': constraints.updateCheck,
  'check.remove': constraints.removeCheck,
  'index.add': constraints.addIndex,
  'index.update': constraints.updateIndex,
  'index.remove': constraints.removeIndex,
  'relationship.add': relationships.addRelationship,
  'relationship.update': relationships.updateRelationship,
  'relationship.remove': relationships.removeRelationship,
  'enum.add': types.addEnum,
  'enum.update': types.updateEnum,
  'enum.remove': types.removeEnum,
  'domain.add': types.addDomain,
  'domain.update': types.updateDomain,
  'domain.remove': types.removeDomain,
  'view.add': namespaces.addView,
  'view.update': namespaces.updateView,
  'view.remove': namespaces.removeView,
  'schema.add': namespaces.addSchema,
  'schema.update': namespaces.updateSchema,
  'schema.remove': namespaces.removeSchema,
  'extension.add': database.addExtension,
  'extension.update': database.updateExtension,
  'extension.remove': database.removeExtension,
  'sequence.add': database.addSequence,
  'sequence.update': database.updateSequence,
  'sequence.remove': database.removeSequence,
  'area.add': canvas.addArea,
  'area.update': canvas.updateArea,
  'area.remove': canvas.removeArea,
  'area.addTables': canvas.addTablesToArea,
  'area.removeTables': canvas.removeTablesFromArea,
  'note.add': canvas.addNote,
  'note.update': canvas.updateNote,
  'note.remove': canvas.removeNote,
  'layout.moveTables': canvas.moveTables,
  'layout.setTableColor': canvas.setTableColor,
  'layout.setTablesCollapsed': canvas.setTablesCollapsed,
  'layout.setNote': canvas.setNoteGeometry,
  'design.setNarrative': design.setNarrative,
  'design.setRequirements': design.setRequirements,
  'design.queryPattern.add': design.addQueryPattern,
  'design.queryPattern.update': design.updateQueryPattern,
  'design.queryPattern.remove': design.removeQueryPattern,
  'settings.setDialect': design.setDialect,
  'review.setRule': review.setRule,
  'review.waive': review.waive,
  'review.unwaive': review.unwaive,
  'governance.setMeta': governance.setMeta,
  'governance.approve': governance.approve,
  'governance.decision.add': governance.addDecision,
  'governance.decision.update': governance.updateDecision,
  'governance.decision.remove': governance.removeDecision,
  'governance.risk.add': governance.addRisk,
  'governance.risk.update': governance.updateRisk,
  'governance.risk.remove': governance.removeRisk,
  'document.replace': documentHandlers.replaceDocument,
  batch: applyBatch,
};

function applyBatch(doc: SchemaDocument, command: CommandOf<'batch'>, ctx: ApplyContext): void {
  if (!Array.isArray(command.commands)) throw new CommandError('invalid-value', 'a batch needs a list of commands');
  command.commands.forEach((inner, i) => {
    try {
      dispatch(doc, inner, ctx);
    } catch (e) {
      if (e instanceof CommandError) throw new CommandError(e.code, `${command.label ?? 'batch'}, step ${i + 1} (${inner.type}): ${e.message}`);
      throw e;
    }
  });
}

function dispatch(doc: SchemaDocument, command: Command, ctx: ApplyContext): void {
  const handler = command && typeof command === 'object' ? (handlers as Record<string, Handler<CommandType> | undefined>)[command.type] : undefined;
  if (!handler) throw new CommandError('invalid-value', `unknown command type "${String((command as { type?: unknown } | null)?.type)}"`);
  try {
    handler(doc, command as CommandOf<CommandType>, ctx);
  } catch (e) {
    // A command missing a field (untyped input) fails inside the handler: report it as a bad command.
    if (e instanceof TypeError) throw new CommandError('invalid-value', `malformed ${command.type} command: ${e.message}`);
    throw e;
  }
}

/** Applies one command (a batch is one command). Throws CommandError when the command is invalid. */
export function applyCommand(doc: SchemaDocument, command: Command): CommandResult {
  const ctx: ApplyContext = { changes: [] };
  const [next, patches, inversePatches] = produceWithPatches(doc, (draft) => {
    dispatch(draft as SchemaDocument, command, ctx);
  });
  if (patches.length > 0) {
    const issues = touchedIntegrityIssues(next, patches);
    if (issues.length) throw new CommandError('integrity', `${command.type} would break the document: ${formatIssues(issues.slice(0, 5))}`);
  }
  return { doc: next, patches, inversePatches, changes: ctx.changes };
}

/** Undo: applies a command's inverse patches. */
export function undoPatches(doc: SchemaDocument, inversePatches: Patch[]): SchemaDocument {
  return applyPatches(doc, inversePatches);
}

/** Redo: applies a command's patches again. */
export function redoPatches(doc: SchemaDocument, patches: Patch[]): SchemaDocument {
  return applyPatches(doc, patches);
}
