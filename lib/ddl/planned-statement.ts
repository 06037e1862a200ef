/**
 * A statement as the generator plans it, before it is known which ones the target rejects: its SQL,
 * the document element it creates and the elements it needs, both as document paths (the paths
 * diagnostics carry). commented-statements.ts turns a list of these into the script.
 */

export interface PlannedClause {
  sql: string;
  /**
   * A constraint clause's element (`tables.<id>.primaryKey`, `.uniques.<i>`, `.checks.<i>`,
   * `relationships.<id>`, `domains.<id>.checks.<i>` for an inlined domain check): it can be taken out
   * of CREATE TABLE alone. Columns have none: a column's error takes its whole CREATE TABLE.
   */
  path?: string;
  /** Paths of the elements that must exist for it (a foreign key: the parent table and key). */
  needs?: readonly string[];
  /** Taken out, it is written with the foreign keys after the indexes, not right after its table. */
  late?: boolean;
}

export interface PlannedTable {
  /** `CREATE TABLE "t" (` */
  head: string;
  clauses: readonly PlannedClause[];
  /** `)` and what follows: partitioning, MySQL table options. */
  tail: string;
  /** `ALTER TABLE "t"`: a clause taken out is written as `ALTER TABLE "t" ADD <clause>`. */
  alter: string;
}

export interface PlannedStatement {
  /** Without the trailing semicolon. For a CREATE TABLE, the whole statement (all its clauses). */
  sql: string;
  /** The element it creates (`tables.<id>`, `tables.<id>.indexes.<i>`, `views.<id>`...): an error at or under this path rejects it. */
  path?: string;
  /** Paths of the elements that must exist when it runs. */
  needs?: readonly string[];
  /** A CREATE TABLE, in parts, so a rejected constraint clause can be taken out. */
  table?: PlannedTable;
}

/** `CREATE TABLE head (\n  clause,\n  clause\n)tail`: the one spelling of a planned table. */
export function createTableSql(table: Pick<PlannedTable, 'head' | 'tail'>, clauses: readonly PlannedClause[]): string {
  let body = '';
  for (let i = 0; i < clauses.length; i++) body += (i ? ',\n  ' : '') + clauses[i].sql;
  return `${table.head}\n  ${body}\n)${table.tail}`;
}

/** A planned CREATE TABLE: its SQL with every clause, and its parts. */
export function plannedTable(path: string, needs: readonly string[], table: PlannedTable): PlannedStatement {
  return { sql: createTableSql(table, table.clauses), path, needs, table };
}
