/**
 * Test support: applies a command and asserts the invariants every command must keep: the input is
 * not mutated, the result is a valid document (zod shape and referential integrity), undo gives back
 * the input exactly, and redo gives back the result exactly.
 */
import { expect } from 'vitest';
import type { SchemaDocument } from '../document';
import { parseDocument } from '../validate';
import { applyCommand, redoPatches, undoPatches } from './apply';
import type { Command, CommandResult } from './types';

export function applyAndCheck(doc: SchemaDocument, command: Command): CommandResult {
  const before = structuredClone(doc);
  const result = applyCommand(doc, command);
  expect(doc, 'the input document is never mutated').toStrictEqual(before);
  const parsed = parseDocument(result.doc);
  expect(parsed.ok ? [] : parsed.issues, 'the result is a valid document').toEqual([]);
  const undone = undoPatches(result.doc, result.inversePatches);
  expect(undone, 'undo restores the input').toStrictEqual(before);
  expect(redoPatches(undone, result.patches), 'redo restores the result').toStrictEqual(result.doc);
  return result;
}
