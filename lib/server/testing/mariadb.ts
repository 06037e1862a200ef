/**
 * MariaDB/MySQL for tests through DATABASE_URL_MYSQL: a fresh database per case, dropped by close().
 * Connections allow multiple statements so a script can be sent whole when that is what a test wants;
 * applyStatements still sends one statement at a time so errors name their statement.
 */
import mysql from 'mysql2/promise';
import type { EngineSession } from './pg-engines';

function uniqueDatabaseName(): string {
  return `draftbase_t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

export function mariadbSession(url: string): EngineSession {
  const created: string[] = [];
  const connections: mysql.Connection[] = [];
  const connect = (database?: string) => {
    const u = new URL(url);
    return mysql.createConnection({
      host: u.hostname,
      port: u.port ? Number(u.port) : 3306,
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database,
      multipleStatements: true,
      charset: 'utf8mb4',
      // Dates and big numbers as strings: catalog comparisons want the engine's own text.
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
  };
  return {
    async fresh() {
      const name = uniqueDatabaseName();
      const admin = await connect();
      try {
        await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
      } finally {
        await admin.end();
      }
      created.push(name);
      const conn = await connect(name);
      connections.push(conn);
      return {
        engine: 'mariadb',
        database: name,
        async query<T>(sql: string, params?: unknown[]) {
          const [rows] = await conn.query(sql, params);
          return (Array.isArray(rows) ? rows : []) as T[];
        },
      };
    },
    async close() {
      for (const c of connections.splice(0)) await c.end().catch(() => undefined);
      if (!created.length) return;
      const admin = await connect();
      try {
        for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await admin.end();
      }
    },
  };
}

/** The name the issue uses for this helper. */
export const mariadb = mariadbSession;
