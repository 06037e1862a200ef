import type { SchemaDocument } from '../../document';
import { loadDocument } from '../../migrate';
import { formatIssues } from '../../validate';
import { CommandError } from '../errors';
import type { CommandOf } from '../types';

/**
 * Assigns every top-level part of the replacement onto the draft, so immer records one replace patch
 * per part (and the inverse restores exactly the old parts).
 */
export function replaceDocument(doc: SchemaDocument, command: CommandOf<'document.replace'>): void {
  const parsed = loadDocument(command.document);
  if (!parsed.ok) throw new CommandError('invalid-value', `the replacement document is invalid: ${formatIssues(parsed.issues.slice(0, 5))}`);
  const next = parsed.document;
  for (const key of Object.keys(next) as (keyof SchemaDocument)[]) {
    if (JSON.stringify(doc[key]) !== JSON.stringify(next[key])) (doc as Record<keyof SchemaDocument, unknown>)[key] = next[key];
  }
}
