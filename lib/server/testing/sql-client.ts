/**
 * The one tiny interface every engine helper returns, so catalog readers and appliers are written
 * once and run against PGlite, the PostgreSQL server and MariaDB alike.
 */
import { isCommentedOut } from '../../ddl/commented-statements';

export type EngineName = 'pglite' | 'postgres' | 'mariadb' | 'sqlite';

export interface SqlClient {
  readonly engine: EngineName;
  /** For MariaDB/MySQL: the database this client is connected to (information_schema filter). */
  readonly database?: string;
  /** Runs one statement; `params` use `$1` placeholders on PostgreSQL and `?` on MariaDB. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Applies statements one at a time so an error names the statement that failed. A statement the
 * generator wrote commented out is not sent (MySQL answers a comment alone with "Query was empty").
 */
export async function applyStatements(client: SqlClient, statements: readonly string[]): Promise<void> {
  for (let i = 0; i < statements.length; i++) {
    if (isCommentedOut(statements[i])) continue;
    try {
      await client.query(statements[i]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${client.engine}: statement ${i + 1} of ${statements.length} failed: ${message}\n--- statement ---\n${statements[i]}`, { cause: error });
    }
  }
}
