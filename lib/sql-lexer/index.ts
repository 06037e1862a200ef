export { SqlLexer, unquotedValue, isSpaceCode, isWordCode, isWordStartCode, type OpaqueKind, type OpaqueLexeme, type Token } from './lexer';
export { SQL_LEX_RULES, dbmlLexRules, mysqlLexRules, postgresLexRules, sqliteLexRules, type LexRules, type QuoteRule } from './rules';
import { SqlLexer } from './lexer';
import { dbmlLexRules, mysqlLexRules, postgresLexRules, sqliteLexRules } from './rules';
import type { Dialect } from '../model/document';

export const postgresLexer = new SqlLexer(postgresLexRules);
export const mysqlLexer = new SqlLexer(mysqlLexRules);
export const sqliteLexer = new SqlLexer(sqliteLexRules);
export const dbmlLexer = new SqlLexer(dbmlLexRules);
export const SQL_LEXERS: Readonly<Record<Dialect, SqlLexer>> = { postgres: postgresLexer, mysql: mysqlLexer, sqlite: sqliteLexer };
export { splitSqlList } from './sql-list';
