/**
 * Draftbase's own JSON document -> document, validated by the one document schema (shape plus
 * referential integrity). A document written by a newer Draftbase gets a clear "upgrade" error.
 */
import { loadDocument } from '../../model/migrate';
import { countDocument, ImportError, lineExcerpt, positionOf, type ImportResult } from '../types';

/** Draftbase JSON is small: a 1,000-table document is a few MB. */
export const MAX_JSON_INPUT_CHARS = 50 * 1024 * 1024;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // V8: "... in JSON at position N" (Node 20+ adds "(line L column C)").
    const m = /position (\d+)/.exec(message);
    if (!m) throw new ImportError(`invalid JSON: ${message}`);
    const { line, column } = positionOf(text, Number(m[1]));
    throw new ImportError(`invalid JSON at line ${line}, column ${column}: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`, { line, column, excerpt: lineExcerpt(text, line) });
  }
}

/** A Draftbase document, or an object wrapping one under `document` (an exported project). */
function unwrap(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && !('format' in raw) && 'document' in raw) return (raw as { document: unknown }).document;
  return raw;
}

export function importJson(text: string): ImportResult {
  if (text.length > MAX_JSON_INPUT_CHARS) throw new ImportError(`the input is ${(text.length / 1024 / 1024).toFixed(1)} MB; JSON imports are limited to ${MAX_JSON_INPUT_CHARS / 1024 / 1024} MB`);
  if (!text.trim()) throw new ImportError('the JSON source is empty');
  const raw = unwrap(parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== 'draftbase') {
    throw new ImportError('this JSON is not a Draftbase document (expected "format": "draftbase")');
  }
  const parsed = loadDocument(raw);
  if (!parsed.ok) {
    const first = parsed.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ');
    const more = parsed.issues.length > 5 ? ` (and ${parsed.issues.length - 5} more)` : '';
    throw new ImportError(`invalid Draftbase document: ${first}${more}`);
  }
  const document = parsed.document;
  return { document, report: { format: 'json', counts: countDocument(document), skipped: [], diagnostics: [] } };
}
