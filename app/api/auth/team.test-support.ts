/**
 * Team-mode helpers for route suites: create the first owner and invited users through the real
 * routes, and read the session cookie they get.
 */
import { randomBytes } from 'node:crypto';
import * as authRoute from '@/app/api/auth/[...all]/route';
import * as setupRoute from '@/app/api/setup/route';
import { hashToken } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';

export const TEST_ORIGIN = 'http://localhost';

export function sameOriginPost(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: 'POST', body: JSON.stringify(body), headers: { host: 'localhost', origin: TEST_ORIGIN, 'content-type': 'application/json', ...headers } });
}

/** `name=value` of the session cookie a response sets. */
export function sessionCookieOf(res: Response): string {
  const pair = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((p) => p.startsWith('draftbase.session_token=') && !p.endsWith('='));
  if (!pair) throw new Error(`no session cookie in a ${res.status} answer`);
  return pair;
}

export interface TestUser {
  id: string;
  email: string;
  cookie: string;
}

/** The first owner (POST /api/setup); adopts every memberless project. */
export async function createFirstOwner(email = 'owner@example.com'): Promise<TestUser> {
  const res = await setupRoute.POST(sameOriginPost(`${TEST_ORIGIN}/api/setup`, { name: 'Owner', email, password: 'owner password 123' }));
  if (res.status !== 201) throw new Error(`setup answered ${res.status}: ${await res.text()}`);
  const cookie = sessionCookieOf(res);
  return { id: (await res.clone().json()).user.id, email, cookie };
}

/** A user who signed up with an invite to `projectId` made by `inviter`, made a member with `role`. */
export async function createInvitedUser(projectId: string, inviter: TestUser, email: string, role: string): Promise<TestUser> {
  const { prisma } = await getDatabase();
  const token = randomBytes(32).toString('base64url');
  await prisma.projectInvite.create({
    data: { id: `inv_${randomBytes(6).toString('hex')}`, projectId, tokenHash: hashToken(token), email, role, createdById: inviter.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  const res = await authRoute.POST(sameOriginPost(`${TEST_ORIGIN}/api/auth/sign-up/email`, { name: email, email, password: 'member password 123', inviteToken: token }));
  if (res.status !== 200) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
  const id = (await res.clone().json()).user.id as string;
  // What accepting the invite does (the invite routes are another module's).
  await prisma.projectMember.create({ data: { projectId, userId: id, role } });
  await prisma.projectInvite.updateMany({ where: { tokenHash: hashToken(token) }, data: { acceptedAt: new Date(), acceptedById: id } });
  return { id, email, cookie: sessionCookieOf(res) };
}
