/**
 * The two Better Auth calls the invite page makes (email and password over JSON; the session cookie
 * comes back on the answer). Sign-up carries the invite's token (`inviteToken`): accounts on a team
 * server are created by invitation only (lib/server/auth/signup-gate.ts).
 */
async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), cache: 'no-store' });
  if (res.ok) return;
  const answer = (await res.json().catch(() => undefined)) as { message?: string; error?: { message?: string } } | undefined;
  throw new Error(answer?.error?.message ?? answer?.message ?? `HTTP ${res.status}`);
}

export const signUpWithInvite = (input: { name: string; email: string; password: string; inviteToken: string }) => post('/api/auth/sign-up/email', input);

export const signInWithPassword = (input: { email: string; password: string }) => post('/api/auth/sign-in/email', input);

export const signOut = () => post('/api/auth/sign-out', {});
