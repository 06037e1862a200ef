/**
 * Prisma schema (one file or a multi-file folder) -> document, through Prisma's own parser and
 * validator (WebAssembly; Node only). The source text is first made acceptable to Prisma 7 without
 * moving any line, so an error still points at the user's file and line.
 *
 * Speed: `getDMMF` (@prisma/internals) also builds the whole Prisma Client API schema, which we do not
 * use: 19 s for 1,000 models here. The same engine's `get_datamodel` (@prisma/prisma-schema-wasm, the
 * module getDMMF itself calls, pinned by @prisma/internals) returns exactly `dmmf.datamodel` in 1.4 s.
 * getDMMF stays as the fallback should that export ever disappear.
 */
import 'server-only';
import internals from '@prisma/internals';
import * as schemaWasm from '@prisma/prisma-schema-wasm';
import { countDocument, ImportError, lineExcerpt, type ImportResult, type SourceFile } from '../../importers/types';
import { dmmfToDocument } from '../../importers/prisma/dmmf-to-document';
import type { DmmfDatamodel } from '../../importers/prisma/dmmf-types';
import { importGeneratorBlock, prepareForDmmf, readDatasource, readViewNames } from '../../importers/prisma/source-text';

const ANSI = /\u001b\[[0-9;]*m/g;

const HIGHLIGHT = '\u001b[1;91m';

/**
 * Prisma prints the offending source line with the bad part in bold red: `<blue> 6 | <reset> b <red>Strin`.
 * The column is where the red starts (1-based), counted without colour codes.
 */
function highlightedColumn(message: string, line: number): number | undefined {
  const gutter = new RegExp(`^(?:\u001b\\[[0-9;]*m)*\\s*${line} \\| (?:\u001b\\[0m)?(.*)$`);
  // Only the first error's block: the next one starts with a (coloured) `error:` line.
  const blocks = message.split(/\n(?=(?:\u001b\[[0-9;]*m)*error)/);
  const first = blocks.find((b) => b.includes('-->')) ?? message;
  for (const raw of first.split('\n')) {
    const m = gutter.exec(raw);
    if (!m) continue;
    const at = m[1].indexOf(HIGHLIGHT);
    if (at >= 0) return m[1].slice(0, at).replace(ANSI, '').length + 1;
  }
  return undefined;
}

/** First `error: ... --> file:line` of a Prisma validation message, as an ImportError on the user's text. */
export function prismaErrorToImportError(message: string, files: readonly SourceFile[]): ImportError {
  const plain = message.replace(ANSI, '');
  const m = /error:\s*(.+)\n\s*-->\s*(.+?):(\d+)/.exec(plain);
  if (!m) {
    const first = plain.split('\n').find((l) => l.trim() && !l.startsWith('Prisma schema validation')) ?? plain;
    return new ImportError(`invalid Prisma schema: ${first.trim()}`);
  }
  const [, text, fileName, lineText] = m;
  const line = Number(lineText);
  const file = files.find((f) => f.name === fileName) ?? (files.length === 1 ? files[0] : undefined);
  const excerpt = file ? lineExcerpt(file.content, line) : undefined;
  const column = highlightedColumn(message, line) ?? (excerpt !== undefined ? excerpt.length - excerpt.trimStart().length + 1 : undefined);
  const count = /Validation Error Count: (\d+)/.exec(plain)?.[1];
  const more = count && Number(count) > 1 ? ` (and ${Number(count) - 1} more error${Number(count) > 2 ? 's' : ''})` : '';
  return new ImportError(`invalid Prisma schema: ${text.replace(/^Error validating:\s*/, '').trim()}${more}`, {
    line,
    column,
    excerpt,
    file: files.length > 1 ? fileName : undefined,
  });
}

/** Normalises a single text or a file list into named .prisma files. */
export function prismaFiles(source: string | readonly SourceFile[]): SourceFile[] {
  if (typeof source === 'string') return [{ name: 'schema.prisma', content: source }];
  const files = source.filter((f) => f.name.endsWith('.prisma'));
  return files.length ? files : [...source];
}

/** The DMMF datamodel of a prepared schema; throws with Prisma's (ANSI-coloured) validation message. */
async function readDatamodel(prepared: Array<[string, string]>): Promise<DmmfDatamodel> {
  if (typeof schemaWasm.get_datamodel !== 'function') {
    const dmmf = await internals.getDMMF({ datamodel: prepared.length === 1 ? prepared[0][1] : prepared });
    return dmmf.datamodel;
  }
  let json: string;
  try {
    json = schemaWasm.get_datamodel(JSON.stringify({ prismaSchema: prepared }));
  } catch (e) {
    // The engine throws `{"error_code":"P1012","message":"..."}` as the error's message.
    const raw = e instanceof Error ? e.message : String(e);
    let message = raw;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object' && 'message' in parsed && typeof parsed.message === 'string') message = parsed.message;
    } catch {
      // not JSON: keep the raw text
    }
    throw new Error(message);
  }
  const parsed: DmmfDatamodel = JSON.parse(json);
  return parsed;
}

export async function importPrisma(source: string | readonly SourceFile[]): Promise<ImportResult> {
  const files = prismaFiles(source);
  if (files.every((f) => !f.content.trim())) throw new ImportError('the Prisma schema is empty');
  const datasource = readDatasource(files);
  const features = importGeneratorBlock(datasource.provider);
  const prepared: Array<[string, string]> = files.map((f, i) => [f.name, prepareForDmmf(f.content) + (i === files.length - 1 ? features : '')]);
  let datamodel: DmmfDatamodel;
  try {
    datamodel = await readDatamodel(prepared);
  } catch (e) {
    throw prismaErrorToImportError(e instanceof Error ? e.message : String(e), files.length === 1 ? [{ name: 'schema.prisma', content: files[0].content }] : files);
  }
  const { document, diagnostics } = dmmfToDocument(datamodel, { provider: datasource.provider, relationMode: datasource.relationMode, viewNames: readViewNames(files) });
  return { document, report: { format: 'prisma', counts: countDocument(document), skipped: [], diagnostics } };
}
