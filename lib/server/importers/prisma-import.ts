/**
 * Prisma schema (one file or a multi-file folder) -> document, through Prisma's own parser
 * (`getDMMF` from @prisma/internals, WebAssembly; Node only). The source text is first made acceptable
 * to Prisma 7 without moving any line, so an error still points at the user's file and line.
 */
import internals from '@prisma/internals';
import { countDocument, ImportError, lineExcerpt, type ImportResult, type SourceFile } from '../../importers/types';
import { dmmfToDocument } from '../../importers/prisma/dmmf-to-document';
import type { DmmfDatamodel } from '../../importers/prisma/dmmf-types';
import { importGeneratorBlock, prepareForDmmf, readDatasource, readViewNames } from '../../importers/prisma/source-text';

const ANSI = /\u001b\[[0-9;]*m/g;

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
  const column = excerpt !== undefined ? excerpt.length - excerpt.trimStart().length + 1 : undefined;
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

export async function importPrisma(source: string | readonly SourceFile[]): Promise<ImportResult> {
  const files = prismaFiles(source);
  if (files.every((f) => !f.content.trim())) throw new ImportError('the Prisma schema is empty');
  const datasource = readDatasource(files);
  const features = importGeneratorBlock(datasource.provider);
  const prepared: Array<[string, string]> = files.map((f, i) => [f.name, prepareForDmmf(f.content) + (i === files.length - 1 ? features : '')]);
  let datamodel: DmmfDatamodel;
  try {
    const dmmf = await internals.getDMMF({ datamodel: prepared.length === 1 ? prepared[0][1] : prepared });
    datamodel = dmmf.datamodel;
  } catch (e) {
    throw prismaErrorToImportError(e instanceof Error ? e.message : String(e), files.length === 1 ? [{ name: 'schema.prisma', content: files[0].content }] : files);
  }
  const { document, diagnostics } = dmmfToDocument(datamodel, { provider: datasource.provider, relationMode: datasource.relationMode, viewNames: readViewNames(files) });
  return { document, report: { format: 'prisma', counts: countDocument(document), skipped: [], diagnostics } };
}
