/** design.* (narrative, requirements, query patterns) and settings.* */
import { dialectSchema, narrativeSectionKeySchema, queryPatternSchema, requirementsSchema, type SchemaDocument } from '../../document';
import { assignChanges, changeableKeys, checkChangeKeys, checkPosition, checkShape, requireIndexIn } from '../context';
import { CommandError } from '../errors';
import type { CommandOf } from '../types';

export function setNarrative(doc: SchemaDocument, cmd: CommandOf<'design.setNarrative'>): void {
  const section = checkShape(narrativeSectionKeySchema, cmd.section, 'narrative section');
  if (typeof cmd.markdown !== 'string' || cmd.markdown.length > 200_000) {
    throw new CommandError('invalid-value', 'narrative text must be a string of at most 200,000 characters');
  }
  // An emptied section is absent, so the design document falls back to its generated draft.
  if (cmd.markdown === '') delete doc.design.narrative[section];
  else doc.design.narrative[section] = cmd.markdown;
}

export function setRequirements(doc: SchemaDocument, cmd: CommandOf<'design.setRequirements'>): void {
  doc.design.requirements = checkShape(requirementsSchema, cmd.requirements, 'requirements');
}

export function addQueryPattern(doc: SchemaDocument, cmd: CommandOf<'design.queryPattern.add'>): void {
  const qp = checkShape(queryPatternSchema, cmd.queryPattern, 'query pattern');
  const list = doc.design.queryPatterns;
  if (list.some((q) => q.id === qp.id)) throw new CommandError('duplicate-id', `a query pattern with id "${qp.id}" already exists`);
  const at = cmd.index ?? list.length;
  checkPosition(at, list.length, 'query pattern index');
  list.splice(at, 0, qp);
}

export function updateQueryPattern(doc: SchemaDocument, cmd: CommandOf<'design.queryPattern.update'>): void {
  const list = doc.design.queryPatterns;
  const qp = list[requireIndexIn(list, cmd.queryPatternId, 'query pattern', 'the design')];
  checkChangeKeys(cmd.changes, changeableKeys(queryPatternSchema), 'query pattern');
  assignChanges(qp, cmd.changes);
  checkShape(queryPatternSchema, qp, 'query pattern');
}

export function removeQueryPattern(doc: SchemaDocument, cmd: CommandOf<'design.queryPattern.remove'>): void {
  const list = doc.design.queryPatterns;
  list.splice(requireIndexIn(list, cmd.queryPatternId, 'query pattern', 'the design'), 1);
}

export function setDialect(doc: SchemaDocument, cmd: CommandOf<'settings.setDialect'>): void {
  doc.settings.dialect = checkShape(dialectSchema, cmd.dialect, 'dialect');
}
