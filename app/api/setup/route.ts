/**
 * POST /api/setup {name, email, password} (team mode, first run only): creates the first owner,
 * signs them in (Set-Cookie) and gives them every project made before (lib/server/auth/first-run.ts).
 * 409 once a user exists; 404 in solo mode, which has no accounts.
 */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/server/auth/better-auth';
import { createFirstOwner } from '@/lib/server/auth/first-run';
import { authMode } from '@/lib/server/auth/mode';
import { errorResponse, withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const setupSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(200),
  email: z.email('Enter a valid email address.').max(320),
  password: z.string().min(MIN_PASSWORD_LENGTH, `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`).max(MAX_PASSWORD_LENGTH),
});

export const POST = withErrors(async (req: Request) => {
  if (authMode() === 'solo') return errorResponse(404, 'team_mode_off', 'This server runs in solo mode, without accounts: there is nothing to set up.');
  const body = await readJsonBody(req, setupSchema, { maxBytes: 64 * 1024 });
  const result = await createFirstOwner(body, req.headers);
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  for (const cookie of result.setCookies) headers.append('Set-Cookie', cookie);
  return Response.json({ user: result.user, adoptedProjects: result.adopted.length }, { status: 201, headers });
});
