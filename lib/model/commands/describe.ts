/**
 * One line per command for the history UI ("Rename table users -> accounts"). Reads names from the
 * document as it was before the command; unknown ids fall back to the id itself (never throws).
 */
import { dialectSpec } from '../../dialects/dialects';
import type { SchemaDocument, Table } from '../document';
import { columnName, displayName } from '../lookup';
import { indexName, uniqueConstraintName } from '../../naming/derived-names';
import type { Command } from './types';

function tableName(doc: SchemaDocument, tableId: string): string {
  const t = doc.tables[tableId];
  return t ? displayName(doc, t) : tableId;
}

function childName(list: readonly { id: string; name?: string }[] | undefined, id: string): string {
  return list?.find((x) => x.id === id)?.name ?? id;
}

/** An index's or unique constraint's name, derived when the architect has not named it. */
function keyName(t: Table | undefined, kind: 'indexes' | 'uniques', id: string): string {
  if (!t) return id;
  if (kind === 'indexes') {
    const ix = t.indexes.find((x) => x.id === id);
    return ix ? indexName(t, ix) : id;
  }
  const u = t.uniques.find((x) => x.id === id);
  return u ? uniqueConstraintName(t, u) : id;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** "Rename X a -> b" when the change is a rename, else "Change X a" plus the changed fields. */
function updateText(kind: string, name: string, changes: object): string {
  const keys = Object.keys(changes);
  const rename = (changes as { name?: unknown }).name;
  if (keys.length === 1 && typeof rename === 'string') return `Rename ${kind} ${name} -> ${rename}`;
  return `Change ${kind} ${name}${keys.length ? ` (${keys.join(', ')})` : ''}`;
}

export function describeCommand(command: Command, doc: SchemaDocument): string {
  const table = (id: string): Table | undefined => doc.tables[id];
  switch (command.type) {
    case 'table.add': return `Add table ${command.table.name}`;
    case 'table.update': return updateText('table', tableName(doc, command.tableId), command.changes);
    case 'table.remove': return `Remove table ${tableName(doc, command.tableId)}`;
    case 'column.add': return `Add column ${tableName(doc, command.tableId)}.${command.column.name}`;
    case 'column.update': {
      const t = table(command.tableId);
      return updateText('column', `${tableName(doc, command.tableId)}.${t ? columnName(t, command.columnId) : command.columnId}`, command.changes);
    }
    case 'column.move': {
      const t = table(command.tableId);
      return `Move column ${tableName(doc, command.tableId)}.${t ? columnName(t, command.columnId) : command.columnId} to position ${command.toIndex + 1}`;
    }
    case 'column.remove': {
      const t = table(command.tableId);
      return `Remove column ${tableName(doc, command.tableId)}.${t ? columnName(t, command.columnId) : command.columnId}`;
    }
    case 'primaryKey.set': {
      const t = table(command.tableId);
      if (!command.primaryKey) return `Remove primary key of ${tableName(doc, command.tableId)}`;
      const cols = command.primaryKey.columnIds.map((id) => (t ? columnName(t, id) : id)).join(', ');
      return `Set primary key of ${tableName(doc, command.tableId)} to (${cols})`;
    }
    case 'unique.add': return `Add unique constraint on ${tableName(doc, command.tableId)}`;
    case 'unique.update': return `Change unique constraint ${keyName(table(command.tableId), 'uniques', command.uniqueId)} on ${tableName(doc, command.tableId)}`;
    case 'unique.remove': return `Remove unique constraint ${keyName(table(command.tableId), 'uniques', command.uniqueId)} from ${tableName(doc, command.tableId)}`;
    case 'check.add': return `Add check constraint on ${tableName(doc, command.tableId)}`;
    case 'check.update': return `Change check constraint ${childName(table(command.tableId)?.checks, command.checkId)} on ${tableName(doc, command.tableId)}`;
    case 'check.remove': return `Remove check constraint ${childName(table(command.tableId)?.checks, command.checkId)} from ${tableName(doc, command.tableId)}`;
    case 'index.add': return `Add index${command.index.name === undefined ? '' : ` ${command.index.name}`} on ${tableName(doc, command.tableId)}`;
    case 'index.update': return updateText('index', keyName(table(command.tableId), 'indexes', command.indexId), command.changes);
    case 'index.remove': return `Remove index ${keyName(table(command.tableId), 'indexes', command.indexId)}`;
    case 'relationship.add':
      return `Add relationship ${tableName(doc, command.relationship.fromTableId)} -> ${tableName(doc, command.relationship.toTableId)}`;
    case 'relationship.update':
    case 'relationship.remove': {
      const r = doc.relationships[command.relationshipId];
      const label = r ? `${tableName(doc, r.fromTableId)} -> ${tableName(doc, r.toTableId)}` : command.relationshipId;
      return command.type === 'relationship.remove' ? `Remove relationship ${label}` : `Change relationship ${label}`;
    }
    case 'enum.add': return `Add enum ${command.enum.name}`;
    case 'enum.update': return updateText('enum', doc.enums[command.enumId]?.name ?? command.enumId, command.changes);
    case 'enum.remove': return `Remove enum ${doc.enums[command.enumId]?.name ?? command.enumId}`;
    case 'domain.add': return `Add domain ${command.domain.name}`;
    case 'domain.update': return updateText('domain', doc.domains[command.domainId]?.name ?? command.domainId, command.changes);
    case 'domain.remove': return `Remove domain ${doc.domains[command.domainId]?.name ?? command.domainId}`;
    case 'view.add': return `Add view ${command.view.name}`;
    case 'view.update': return updateText('view', doc.views[command.viewId]?.name ?? command.viewId, command.changes);
    case 'view.remove': return `Remove view ${doc.views[command.viewId]?.name ?? command.viewId}`;
    case 'schema.add': return `Add schema ${command.schema.name}`;
    case 'schema.update': return updateText('schema', doc.schemas[command.schemaId]?.name ?? command.schemaId, command.changes);
    case 'schema.remove': return `Remove schema ${doc.schemas[command.schemaId]?.name ?? command.schemaId}`;
    case 'extension.add': return `Add extension ${command.extension.name}`;
    case 'extension.update': return updateText('extension', doc.extensions[command.extensionId]?.name ?? command.extensionId, command.changes);
    case 'extension.remove': return `Remove extension ${doc.extensions[command.extensionId]?.name ?? command.extensionId}`;
    case 'sequence.add': return `Add sequence ${command.sequence.name}`;
    case 'sequence.update': return updateText('sequence', doc.sequences[command.sequenceId]?.name ?? command.sequenceId, command.changes);
    case 'sequence.remove': return `Remove sequence ${doc.sequences[command.sequenceId]?.name ?? command.sequenceId}`;
    case 'area.add': return `Add area ${command.area.name}`;
    case 'area.update': return updateText('area', doc.areas[command.areaId]?.name ?? command.areaId, command.changes);
    case 'area.remove': return `Remove area ${doc.areas[command.areaId]?.name ?? command.areaId}`;
    case 'area.addTables': return `Add ${count(command.tableIds.length, 'table')} to area ${doc.areas[command.areaId]?.name ?? command.areaId}`;
    case 'area.removeTables': return `Remove ${count(command.tableIds.length, 'table')} from area ${doc.areas[command.areaId]?.name ?? command.areaId}`;
    case 'note.add': return 'Add note';
    case 'note.update': return 'Edit note';
    case 'note.remove': return 'Remove note';
    case 'layout.moveTables': {
      const ids = Object.keys(command.positions);
      return ids.length === 1 ? `Move table ${tableName(doc, ids[0])}` : `Move ${count(ids.length, 'table')}`;
    }
    case 'layout.setTableColor': return `${command.color ? 'Colour' : 'Clear colour of'} table ${tableName(doc, command.tableId)}`;
    case 'layout.setTablesCollapsed': return `${command.collapsed ? 'Collapse' : 'Expand'} ${count(command.tableIds.length, 'table')}`;
    case 'layout.setNote': return 'Move note';
    case 'design.setNarrative': return `Edit design section ${command.section}`;
    case 'design.setRequirements': return 'Edit requirements';
    case 'design.queryPattern.add': return `Add query pattern ${command.queryPattern.name}`;
    case 'design.queryPattern.update':
      return updateText('query pattern', childName(doc.design.queryPatterns, command.queryPatternId), command.changes);
    case 'design.queryPattern.remove': return `Remove query pattern ${childName(doc.design.queryPatterns, command.queryPatternId)}`;
    case 'settings.setDialect': return `Switch dialect to ${dialectSpec(command.dialect).label}`;
    case 'review.setRule': return command.setting === undefined ? `Reset review rule ${command.ruleId}` : `Configure review rule ${command.ruleId}`;
    case 'review.waive': return `Waive ${command.waiver.ruleId} finding`;
    case 'review.unwaive': return 'Reopen waived finding';
    case 'governance.setMeta': return command.changes.status ? `Mark the design ${command.changes.status === 'in-review' ? 'in review' : 'draft'}` : 'Edit authors and reviewers';
    case 'governance.approve': return `Approve the design as ${command.reviewer}`;
    case 'governance.decision.add': return `Record decision ${command.decision.title}`;
    case 'governance.decision.update': return updateText('decision', childTitle(doc.governance?.decisions, command.decisionId), command.changes);
    case 'governance.decision.remove': return `Remove decision ${childTitle(doc.governance?.decisions, command.decisionId)}`;
    case 'governance.risk.add': return `Add ${command.risk.kind === 'question' ? 'open question' : 'risk'} ${command.risk.title}`;
    case 'governance.risk.update': return updateText('risk', childTitle(doc.governance?.risks, command.riskId), command.changes);
    case 'governance.risk.remove': return `Remove ${childTitle(doc.governance?.risks, command.riskId)}`;
    case 'document.replace': return command.label ?? 'Replace the whole schema';
    case 'batch':
      return command.label ?? (command.commands.length === 1 ? describeCommand(command.commands[0], doc) : `${count(command.commands.length, 'change')}`);
    default: {
      const exhaustive: never = command;
      return String((exhaustive as { type?: unknown }).type);
    }
  }
}

function childTitle(list: readonly { id: string; title: string }[] | undefined, id: string): string {
  return list?.find((x) => x.id === id)?.title ?? id;
}
