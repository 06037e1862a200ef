/** The dialect registry: every generator looks a dialect up here. */
import type { Dialect } from '../model/document';
import { mysqlDialect } from './mysql';
import { postgresDialect } from './postgres';
import type { DialectSpec } from './types';

export const DIALECTS: Record<Dialect, DialectSpec> = { postgres: postgresDialect, mysql: mysqlDialect };

export function dialectSpec(dialect: Dialect): DialectSpec {
  return DIALECTS[dialect];
}
