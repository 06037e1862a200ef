/**
 * Better Auth's endpoints (team mode): POST sign-in/email, sign-up/email (invite only), sign-out,
 * sign-in/social {provider: 'oidc'} and GET callback/oidc, get-session, ... Sign-in is throttled and every
 * request held to the app's request policy first (lib/server/auth/auth-route.ts).
 */
import { withErrors } from '@/lib/server/http/error-response';
import { handleAuthRequest } from '@/lib/server/auth/auth-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrors(handleAuthRequest);
export const POST = withErrors(handleAuthRequest);
