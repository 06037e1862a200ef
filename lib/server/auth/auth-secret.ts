/**
 * The secret Better Auth signs session cookies with. Team mode needs one from the operator
 * (BETTER_AUTH_SECRET or DRAFTBASE_AUTH_SECRET, at least 32 characters, the same on every app server):
 * a server that invented its own would sign everyone out on restart and could not share sessions
 * with the other servers.
 *
 * Test runs are the exception: under vitest (NODE_ENV=test) or in an e2e build (made with
 * NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS=1, which a normal build refuses, see scripts/check-test-hooks.ts)
 * a random secret is generated once per database and stored in it (a Verification row), so every
 * server on that throwaway database agrees and nobody has to configure one to run the tests.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { AppPrisma } from '../db/client';

export const SECRET_ENVS = ['DRAFTBASE_AUTH_SECRET', 'BETTER_AUTH_SECRET'] as const;
export const MIN_SECRET_LENGTH = 32;
const GENERATED_ID = 'draftbase-generated-auth-secret';

type Env = Record<string, string | undefined>;

export function configuredSecret(env: Env = process.env): string | undefined {
  for (const name of SECRET_ENVS) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * May this process use a generated, database-stored secret? Only test runs: vitest (NODE_ENV=test)
 * or an e2e build. The build flag is read as the literal `process.env.NEXT_PUBLIC_…`, which Next
 * replaces with the build's value (next.config.ts), so setting it when starting a normal build changes
 * nothing.
 */
export function mayGenerateSecret(env: Env = process.env): boolean {
  return env.NODE_ENV === 'test' || process.env.NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS === '1';
}

/** What is wrong with the configured secret for team mode, or undefined when it is fine. */
export function secretProblem(env: Env = process.env): string | undefined {
  const secret = configuredSecret(env);
  if (!secret) {
    if (mayGenerateSecret(env)) return undefined;
    return `Team mode needs a secret to sign sessions: set DRAFTBASE_AUTH_SECRET (or BETTER_AUTH_SECRET) to at least ${MIN_SECRET_LENGTH} random characters, the same on every app server (e.g. \`openssl rand -base64 32\`).`;
  }
  if (secret.length < MIN_SECRET_LENGTH) return `DRAFTBASE_AUTH_SECRET (or BETTER_AUTH_SECRET) is ${secret.length} characters long; use at least ${MIN_SECRET_LENGTH} random characters (e.g. \`openssl rand -base64 32\`).`;
  return undefined;
}

/** The secret to use, generating and storing a per-database one for test runs. Throws the problem otherwise. */
export async function resolveAuthSecret(prisma: AppPrisma, env: Env = process.env): Promise<string> {
  const problem = secretProblem(env);
  if (problem) throw new Error(problem);
  const secret = configuredSecret(env);
  if (secret) return secret;
  const existing = await prisma.verification.findUnique({ where: { id: GENERATED_ID } });
  if (existing) return existing.value;
  try {
    const value = randomBytes(32).toString('base64url');
    await prisma.verification.create({ data: { id: GENERATED_ID, identifier: GENERATED_ID, value, expiresAt: new Date('9999-12-31T00:00:00Z') } });
    return value;
  } catch {
    // Another server stored one first: use theirs.
    const stored = await prisma.verification.findUnique({ where: { id: GENERATED_ID } });
    if (!stored) throw new Error('could not store the generated test auth secret');
    return stored.value;
  }
}
