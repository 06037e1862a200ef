/**
 * First run of a team server: while no user exists, POST /api/setup (the /setup page) creates the
 * first account, signs it in, and makes it the owner of every project that has no members yet (the
 * projects made in solo mode before the server switched to team mode). Once a user exists it
 * answers 409.
 *
 * Two first-run requests at once must not both win: each first claims the row `setup:first-run` in
 * AuthThrottle (a primary key, so only one insert succeeds, on every server sharing the database).
 * A claim older than CLAIM_STALE_MS with still no user (a crash half-way) is taken over.
 */
import 'server-only';
import { isAPIError } from 'better-auth/api';
import { getDatabase, type AppPrisma } from '../db/client';
import { HttpError } from '../http/error-response';
import { getAuth } from './better-auth';
import { runAsFirstRun } from './signup-gate';

const CLAIM_KEY = 'setup:first-run';
const CLAIM_STALE_MS = 5 * 60_000;

export async function needsSetup(prisma: AppPrisma): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}

const alreadySetUp = () => new HttpError(409, 'already_set_up', 'This server already has its first user: sign in, or ask a project owner for an invite.');

async function claim(prisma: AppPrisma): Promise<void> {
  const now = new Date();
  try {
    await prisma.authThrottle.create({ data: { key: CLAIM_KEY, failures: 0, windowStart: now } });
  } catch {
    const stale = await prisma.authThrottle.deleteMany({ where: { key: CLAIM_KEY, windowStart: { lt: new Date(now.getTime() - CLAIM_STALE_MS) } } });
    if (stale.count === 0) throw alreadySetUp();
    await prisma.authThrottle.create({ data: { key: CLAIM_KEY, failures: 0, windowStart: now } }).catch(() => {
      throw alreadySetUp();
    });
  }
}

export interface FirstOwnerInput {
  name: string;
  email: string;
  password: string;
}

export interface FirstOwnerResult {
  user: { id: string; name: string; email: string };
  /** Better Auth's Set-Cookie headers (the new session), to send back with the answer. */
  setCookies: string[];
  /** Ids of the projects the owner adopted. */
  adopted: string[];
}

/** Creates the first owner and signs them in; 409 when a user already exists. */
export async function createFirstOwner(input: FirstOwnerInput, requestHeaders: Headers): Promise<FirstOwnerResult> {
  const { prisma } = await getDatabase();
  if (!(await needsSetup(prisma))) throw alreadySetUp();
  await claim(prisma);
  try {
    if (!(await needsSetup(prisma))) throw alreadySetUp();
    const auth = await getAuth();
    let result;
    try {
      result = await runAsFirstRun(() =>
        auth.api.signUpEmail({ body: { name: input.name, email: input.email, password: input.password }, headers: requestHeaders, returnHeaders: true }),
      );
    } catch (e) {
      if (isAPIError(e)) throw new HttpError(e.statusCode, 'sign_up_failed', e.message || 'Could not create the account.');
      throw e;
    }
    const user = result.response.user;
    // Projects nobody is a member of were made in solo mode: they become the first owner's.
    const orphans = await prisma.project.findMany({ where: { members: { none: {} } }, select: { id: true } });
    if (orphans.length) {
      await prisma.projectMember.createMany({ data: orphans.map((p) => ({ projectId: p.id, userId: user.id, role: 'owner' })) });
    }
    return { user: { id: user.id, name: user.name, email: user.email }, setCookies: result.headers.getSetCookie(), adopted: orphans.map((p) => p.id) };
  } finally {
    await prisma.authThrottle.deleteMany({ where: { key: CLAIM_KEY } });
  }
}
