/**
 * What getDMMF does not tell us, read from the Prisma schema text itself (datasource provider,
 * `relationMode`, which models are views), and the rewrites Prisma 7 needs before it accepts a real-world
 * schema. Every rewrite keeps the line count, so getDMMF's error lines still point at the user's text.
 */
import type { SourceFile } from '../types';

export type BlockKind = 'datasource' | 'generator' | 'model' | 'view' | 'enum' | 'type';

export interface SchemaBlock {
  kind: BlockKind;
  name: string;
  /** 0-based index of the line with the opening brace. */
  startLine: number;
  /** 0-based index of the line with the closing brace (== startLine for one-line blocks). */
  endLine: number;
}

const BLOCK_START = /^\s*(datasource|generator|model|view|enum|type)\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{/;

/** Removes a `//` comment, ignoring `//` inside double-quoted strings. */
export function stripLineComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && inString) {
      i++;
      continue;
    }
    if (ch === '"') inString = !inString;
    else if (!inString && ch === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

/** Top-level blocks of one schema file. Prisma blocks are line-structured: `}` on its own line closes. */
export function schemaBlocks(text: string): SchemaBlock[] {
  const lines = text.split('\n');
  const blocks: SchemaBlock[] = [];
  let open: Omit<SchemaBlock, 'endLine'> | undefined;
  lines.forEach((raw, i) => {
    const line = stripLineComment(raw);
    if (!open) {
      const m = BLOCK_START.exec(line);
      if (!m) return;
      const start = { kind: m[1] as BlockKind, name: m[2], startLine: i };
      // A one-line block: `model A { id Int @id }`.
      if (line.slice(m[0].length).trimEnd().endsWith('}')) blocks.push({ ...start, endLine: i });
      else open = start;
      return;
    }
    if (line.trim() === '}') {
      blocks.push({ ...open, endLine: i });
      open = undefined;
    }
  });
  if (open) blocks.push({ ...open, endLine: lines.length - 1 });
  return blocks;
}

export interface DatasourceInfo {
  provider?: string;
  relationMode?: string;
  /** Which file and 1-based line the datasource is on. */
  file?: string;
  line?: number;
}

function assignment(line: string, key: string): string | undefined {
  const m = new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`).exec(stripLineComment(line));
  return m?.[1];
}

/** The datasource block's provider and relationMode, from whichever file holds it. */
export function readDatasource(files: readonly SourceFile[]): DatasourceInfo {
  for (const f of files) {
    const lines = f.content.split('\n');
    for (const b of schemaBlocks(f.content)) {
      if (b.kind !== 'datasource') continue;
      const info: DatasourceInfo = { file: f.name, line: b.startLine + 1 };
      // One-line datasource blocks keep their assignments on the start line.
      const body = b.startLine === b.endLine ? [lines[b.startLine].replace(BLOCK_START, '')] : lines.slice(b.startLine + 1, b.endLine);
      for (const line of body) {
        info.provider ??= assignment(line, 'provider');
        info.relationMode ??= assignment(line, 'relationMode');
      }
      return info;
    }
  }
  return {};
}

/** Names of `view` blocks (getDMMF returns views as ordinary models). */
export function readViewNames(files: readonly SourceFile[]): Set<string> {
  const names = new Set<string>();
  for (const f of files) for (const b of schemaBlocks(f.content)) if (b.kind === 'view') names.add(b.name);
  return names;
}

/** Datasource properties Prisma 7 rejects in schema files; they carry connection URLs, nothing we import. */
const REJECTED_DATASOURCE_KEYS = /^\s*(url|directUrl|shadowDatabaseUrl)\s*=/;
const PREVIEW_FEATURES = /^\s*previewFeatures\s*=/;

/**
 * Rewrites one file so Prisma 7's getDMMF accepts it, keeping every line where it was:
 * - datasource `url`/`directUrl`/`shadowDatabaseUrl` lines become blank;
 * - generator `previewFeatures` lines become blank (unknown features are fatal; `views` is re-enabled by
 *   {@link IMPORT_GENERATOR_BLOCK});
 * - inside `view` blocks, `@id`/`@@id` become `@unique`/`@@unique` (Prisma 7 rejects keys on views).
 */
export function prepareForDmmf(text: string): string {
  const lines = text.split('\n');
  for (const b of schemaBlocks(text)) {
    for (let i = b.startLine; i <= b.endLine; i++) {
      if (b.kind === 'datasource' && i > b.startLine && REJECTED_DATASOURCE_KEYS.test(lines[i])) lines[i] = '';
      else if (b.kind === 'generator' && i > b.startLine && PREVIEW_FEATURES.test(lines[i])) lines[i] = '';
      else if (b.kind === 'view') lines[i] = lines[i].replace(/@@id\b/g, '@@unique').replace(/@id\b/g, '@unique');
    }
  }
  return lines.join('\n');
}

/**
 * Appended after the last file: enables the preview features real schemas rely on, so `view` blocks and
 * partial indexes parse. Appending keeps every user line number intact. Some features exist only for
 * one provider (Prisma rejects them for the others).
 */
export function importGeneratorBlock(provider: string | undefined): string {
  const features = ['views', 'partialIndexes'];
  if (provider === 'postgresql' || provider === 'postgres') features.push('fullTextSearchPostgres', 'postgresqlExtensions');
  return `
generator draftbase_import_features {
  provider        = "prisma-client-js"
  previewFeatures = [${features.map((f) => `"${f}"`).join(', ')}]
}
`;
}
