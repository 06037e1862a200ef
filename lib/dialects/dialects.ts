/** The dialect registry: every generator looks a dialect up here. */
import type { Dialect, LogicalTypeName } from '../model/document';
import { mysqlDialect } from './mysql';
import { postgresDialect } from './postgres';
import type { DialectSpec } from './types';

export const DIALECTS: Record<Dialect, DialectSpec> = { postgres: postgresDialect, mysql: mysqlDialect };

export function dialectSpec(dialect: Dialect): DialectSpec {
  return DIALECTS[dialect];
}

/** A logical type's name as the dialect spells it (`numeric` for decimal in PostgreSQL). */
export function spelledTypeName(name: LogicalTypeName, dialect: Dialect): string {
  return DIALECTS[dialect].typeSpelling[name] ?? name;
}

/** The key two names compare by in `dialect`: lower-cased where the dialect folds case. */
export function nameKey(dialect: Dialect, name: string): string {
  return DIALECTS[dialect].caseInsensitiveNames ? name.toLowerCase() : name;
}
