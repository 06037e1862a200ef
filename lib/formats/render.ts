/**
 * One document -> one output of the registry: the options are checked against the format's schema
 * first (an unknown key or a wrong value is a RenderOptionsError naming it), then the format renders.
 * Generator diagnostics come back as they are, with the DDL's statements written commented out
 * (`commented`): no output is refused for them.
 */
import type { SchemaDocument } from '../model/document';
import { loadSqlParsers } from '../sql-parse/load';
import { parseOptions } from './options';
import { outputFormat, type FormatOutput, type OutputFormat, type RenderContext } from './registry';

export class UnknownFormatError extends Error {
  constructor(readonly format: string) {
    super(`unknown format "${format}"`);
    this.name = 'UnknownFormatError';
  }
}

export function requireFormat(id: string): OutputFormat {
  const f = outputFormat(id);
  if (!f) throw new UnknownFormatError(id);
  return f;
}

/** What rendering `id` needs loaded first: the SQL parsers for formats that check expressions. */
export async function renderContextFor(id: string): Promise<RenderContext> {
  return outputFormat(id)?.checksExpressions ? { sqlParsers: await loadSqlParsers() } : {};
}

export function renderFormat(doc: SchemaDocument, id: string, rawOptions?: unknown, context: RenderContext = {}): FormatOutput {
  const f = requireFormat(id);
  return f.render(doc, parseOptions(f.options, rawOptions), context);
}
