/**
 * What each output format IS, without the code that renders it: id, what users call it, whether it is
 * written for a chosen dialect, and how it travels as a file. Light enough for the editor's Download
 * menu; registry.ts pairs every entry with its options schema and render function (the compiler
 * insists each id has one). Order = the order the menu and `--to` list them.
 *
 * No format is refused for the generator's errors: the DDL (and the design document's DDL block)
 * writes what the target would reject commented out, with the error above it; Prisma, DBML and
 * mermaid leave out (or `@@ignore`) what their language cannot hold, with a warning.
 */
import { dialectSpec } from '../dialects/dialects';
import type { Dialect } from '../model/document';
import type { CommentStyle } from '../exporters/export-notes';

export interface FormatInfo {
  /** `--to` value, `format=` query value, POST /api/render `format`. */
  id: string;
  /** What the Download menu and the CLI help call it. */
  label: string;
  /** Written for a chosen dialect (option `dialect`, default the document's). */
  dialectual: boolean;
  /** The dialect the output is for when the format itself names it (the DDL formats). */
  fixedDialect?: Dialect;
  /** Every expression and view body is parsed when the SQL parsers are given (RenderContext). */
  checksExpressions?: boolean;
  /** false: not listed in the editor's Download menu (the app offers a better version elsewhere). */
  inDownloadMenu?: boolean;
  /** As a downloaded file: its name from the project's base name, media type and comment syntax. */
  file: { name(base: string): string; contentType: string; comment: CommentStyle; subject(dialect: Dialect): string };
}

const ddl = (dialect: Dialect): FormatInfo => ({
  id: dialect,
  label: `${dialectSpec(dialect).label} DDL (.sql)`,
  dialectual: false,
  fixedDialect: dialect,
  checksExpressions: true,
  file: { name: (base) => `${base}.${dialect}.sql`, contentType: 'application/sql; charset=utf-8', comment: 'sql', subject: () => `this ${dialectSpec(dialect).label} script` },
});

export const FORMAT_CATALOG = [
  {
    id: 'markdown',
    label: 'DATABASE_DESIGN.md',
    dialectual: true,
    file: { name: () => 'DATABASE_DESIGN.md', contentType: 'text/markdown; charset=utf-8', comment: 'html', subject: (d) => `this design document (${dialectSpec(d).label})` },
  },
  {
    // The same document as one HTML file without a browser (CLI, API): raw HTML escaped, diagrams
    // left as their mermaid source with a note. The Design doc tab's "Download HTML" draws them, so
    // the Download menu offers that one instead of this.
    id: 'html',
    label: 'DATABASE_DESIGN.html (diagrams as source)',
    dialectual: true,
    inDownloadMenu: false,
    file: { name: () => 'DATABASE_DESIGN.html', contentType: 'text/html; charset=utf-8', comment: 'html', subject: (d) => `this design document (${dialectSpec(d).label})` },
  },
  { ...ddl('postgres'), id: 'postgres' },
  { ...ddl('mysql'), id: 'mysql' },
  { ...ddl('sqlite'), id: 'sqlite' },
  {
    id: 'mermaid',
    label: 'Mermaid ERD (.mmd)',
    dialectual: true,
    // The whole diagram in one file (tools read .mmd files whole); the design document splits it.
    file: { name: (base) => `${base}.mmd`, contentType: 'text/plain; charset=utf-8', comment: 'mermaid', subject: () => 'this mermaid file' },
  },
  {
    id: 'index-table',
    label: 'Index strategy (.md)',
    dialectual: true,
    file: { name: (base) => `${base}.indexes.md`, contentType: 'text/markdown; charset=utf-8', comment: 'html', subject: (d) => `this index table (${dialectSpec(d).label})` },
  },
  {
    id: 'prisma',
    label: 'Prisma schema',
    dialectual: true,
    file: { name: () => 'schema.prisma', contentType: 'text/plain; charset=utf-8', comment: 'slashes', subject: (d) => `this Prisma schema (${dialectSpec(d).label})` },
  },
  {
    id: 'dbml',
    label: 'DBML',
    dialectual: true,
    file: { name: (base) => `${base}.dbml`, contentType: 'text/plain; charset=utf-8', comment: 'slashes', subject: () => 'this DBML file' },
  },
  {
    id: 'json',
    label: 'Project JSON',
    dialectual: false,
    file: { name: (base) => `${base}.draftbase.json`, contentType: 'application/json; charset=utf-8', comment: 'none', subject: () => 'this json file' },
  },
] as const satisfies readonly FormatInfo[];

export type FormatId = (typeof FORMAT_CATALOG)[number]['id'];

export const formatIds: readonly FormatId[] = FORMAT_CATALOG.map((f) => f.id);

export function formatInfo(id: string): FormatInfo | undefined {
  return (FORMAT_CATALOG as readonly FormatInfo[]).find((f) => f.id === id);
}

/** A file-name-safe base: letters, digits, dot, dash, underscore; never empty. */
export function fileBaseName(name: string | undefined): string {
  const base = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return base || 'schema';
}
