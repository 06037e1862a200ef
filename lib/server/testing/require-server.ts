/**
 * Tests that need a database server read its URL from the environment. Locally a missing URL skips
 * the test with a printed notice; under CI=true it is an error, so CI can never pass by skipping.
 */
export type ServerName = 'pg' | 'mysql';

const ENV: Record<ServerName, string> = { pg: 'DATABASE_URL_PG', mysql: 'DATABASE_URL_MYSQL' };

/** The server URL, or undefined (after printing why) when the test should be skipped. Throws under CI. */
export function requireServer(name: ServerName): string | undefined {
  const variable = ENV[name];
  const url = process.env[variable];
  if (url) return url;
  if (process.env.CI === 'true') throw new Error(`${variable} must be set when CI=true (tests against the ${name} server cannot be skipped in CI)`);
  console.warn(`[skip] ${variable} is not set: skipping tests against the ${name} server`);
  return undefined;
}
