/**
 * Reads a JSON file for a command (a document, a review configuration): unreadable files and syntax
 * errors are printed as `file:line:col: message` and give the bad-input exit code, so each command
 * only validates the parsed value.
 */
import { EXIT_BAD_INPUT, type CliIo } from './io';
import { findJsonSyntaxError, positionAt } from './json-position';

/** The parsed value and its text (for locating later errors), or the exit code after printing why not. */
export async function readJsonFile(file: string, label: string, what: string, io: CliIo): Promise<{ raw: unknown; text: string } | number> {
  let text: string;
  try {
    text = await io.readText(file);
  } catch (err) {
    io.stderr(`${label}: cannot read ${what}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_BAD_INPUT;
  }
  // Editors may save a byte-order mark; it is not part of the JSON (a space keeps every column in place).
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  try {
    return { raw: JSON.parse(text), text };
  } catch (err) {
    const found = findJsonSyntaxError(text);
    const { line, column } = positionAt(text, found?.offset ?? text.length);
    io.stderr(`${label}:${line}:${column}: invalid JSON: ${found?.message ?? (err instanceof Error ? err.message : String(err))}\n`);
    return EXIT_BAD_INPUT;
  }
}
