/** The dialect registry: every generator looks a dialect up here. */
import type { Dialect, LogicalTypeName } from '../model/document';
import { mysqlDialect } from './mysql';
import { postgresDialect } from './postgres';
import { sqliteDialect } from './sqlite';
import type { Capabilities, DialectSpec } from './types';

export const DIALECTS: Record<Dialect, DialectSpec> = { postgres: postgresDialect, mysql: mysqlDialect, sqlite: sqliteDialect };

/** Every dialect, in the order pickers offer them: the one list UI pickers, the CLI and the format registry read. */
export const DIALECT_LIST: readonly DialectSpec[] = Object.values(DIALECTS);

export function dialectSpec(dialect: Dialect): DialectSpec {
  return DIALECTS[dialect];
}

const editorCaps = new Map<Dialect, Capabilities>();

/**
 * The capabilities the editor offers for a dialect: those of its default target (the editor knows the
 * document's dialect, not the target a script is generated for; the generator diagnoses the rest).
 */
export function editorCapabilities(dialect: Dialect): Capabilities {
  let caps = editorCaps.get(dialect);
  if (!caps) editorCaps.set(dialect, (caps = DIALECTS[dialect].capabilities(DIALECTS[dialect].defaultTarget)));
  return caps;
}

/** A logical type's name as the dialect spells it (`numeric` for decimal in PostgreSQL). */
export function spelledTypeName(name: LogicalTypeName, dialect: Dialect): string {
  return DIALECTS[dialect].typeSpelling[name] ?? name;
}

/** The key two names compare by in `dialect`: lower-cased where the dialect folds case. */
export function nameKey(dialect: Dialect, name: string): string {
  return DIALECTS[dialect].caseInsensitiveNames ? name.toLowerCase() : name;
}
