/**
 * The options each output format takes, as strict zod schemas (an unknown key is an error, not a
 * silent default), and the error a caller gets when options do not fit (HTTP 400, CLI exit 2).
 */
import { z } from 'zod';
import { dialectSchema, type Dialect } from '../model/document';
import { dialectSpec } from '../dialects/dialects';
import type { DdlTarget } from '../dialects/types';

/** Options that do not fit the format: a caller error. `path` names the option (`options.target`). */
export class RenderOptionsError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'RenderOptionsError';
  }
}

/** Formats written for a chosen dialect take only that (default: the document's dialect). */
export const dialectOptionsSchema = z.strictObject({ dialect: dialectSchema.optional() });

/** DATABASE_DESIGN.md: the dialect, and the front matter's project name, version and date (issue 16). */
export const markdownOptionsSchema = dialectOptionsSchema.extend({
  /** The project's name, in the title. */
  title: z.string().trim().min(1).max(256).optional(),
  /** The named version the document is exported from. */
  versionName: z.string().trim().min(1).max(256).optional(),
  /** The export's date (the generator reads no clock). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-04').optional(),
});

export const noOptionsSchema = z.strictObject({});

export const mermaidOptionsSchema = z.strictObject({
  /** Only this area's tables (plus the tables they relate to, without attributes). */
  areaId: z.string().min(1).optional(),
  /** false = tables and relationships only. */
  attributes: z.boolean().optional(),
  /** Native types of this dialect; default the document's. */
  dialect: dialectSchema.optional(),
  /** Split into diagrams under `budget` characters (overview + per area); text is then Markdown. */
  split: z.boolean().optional(),
  budget: z.number().int().min(2_000).max(1_000_000).optional(),
});

export const indexTableOptionsSchema = z.strictObject({
  /** Which engine's index names and capabilities; default the document's dialect. */
  dialect: dialectSchema.optional(),
  /** Engine version (as for DDL), e.g. `mariadb-10.11`. */
  target: z.string().optional(),
  schemaQualified: z.boolean().optional(),
});

/** generateDdl's options (DdlOptions); the target is checked against the dialect's list. */
export const ddlOptionsSchema = z.strictObject({
  /** DROP ... IF EXISTS for everything first, in reverse dependency order. */
  dropFirst: z.boolean().optional(),
  /** Qualify default-schema names (PostgreSQL) / keep schemas as databases (MySQL). */
  schemaQualified: z.boolean().optional(),
  /** Engine version, e.g. `postgres-15`, `mysql-8.4`, `mariadb-10.11`, `sqlite-3.45`. */
  target: z.string().optional(),
  /** SQLite: STRICT tables (3.37+; column types enforced, declared types become INTEGER/REAL/TEXT/BLOB/ANY). */
  strictTables: z.boolean().optional(),
  /** SQLite: WITHOUT ROWID for every table whose primary key allows it. */
  withoutRowid: z.boolean().optional(),
});

export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['options', ...issue.path.map(String)].join('.');
    throw new RenderOptionsError(`${path}: ${issue.message}`, path);
  }
  return parsed.data;
}

/** A target must belong to the dialect: `mariadb-10.11` for mysql, `postgres-13`..`17` for postgres. */
export function checkTarget(dialect: Dialect, target: string | undefined): DdlTarget | undefined {
  if (target === undefined) return undefined;
  const spec = dialectSpec(dialect);
  const known = spec.targets.find((t) => t === target);
  if (!known) throw new RenderOptionsError(`options.target: "${target}" is not a ${spec.label} target (${spec.targets.join(', ')})`, 'options.target');
  return known;
}
