/**
 * Solo or team mode. Solo (the embedded SQLite default) has no accounts and serves one person on
 * this machine; team mode (any PostgreSQL deployment, or DRAFTBASE_AUTH=on) signs users in and checks
 * each project role. DRAFTBASE_AUTH=off on PostgreSQL is refused: a shared database without accounts
 * would let anyone who reaches the server read and change every project.
 */
import 'server-only';

export type AuthMode = 'solo' | 'team';

export const AUTH_ENV = 'DRAFTBASE_AUTH';

export function authMode(env: Record<string, string | undefined> = process.env): AuthMode {
  const setting = env[AUTH_ENV]?.trim().toLowerCase();
  const postgres = /^postgres(ql)?:\/\//i.test(env.DATABASE_URL?.trim() ?? '');
  if (setting === 'on' || setting === '1' || setting === 'true') return 'team';
  if (setting === 'off' || setting === '0' || setting === 'false') {
    if (postgres) throw new Error(`${AUTH_ENV}=off is not allowed with a PostgreSQL DATABASE_URL: a shared database is team mode, where users sign in.`);
    return 'solo';
  }
  if (setting) throw new Error(`${AUTH_ENV} must be "on" or "off", not ${JSON.stringify(env[AUTH_ENV])}.`);
  return postgres ? 'team' : 'solo';
}
