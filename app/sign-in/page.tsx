import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeNextPath } from '@/lib/auth/next-path';
import { needsSetup } from '@/lib/server/auth/first-run';
import { authMode } from '@/lib/server/auth/mode';
import { oidcConfig } from '@/lib/server/auth/oidc-config';
import { pageSessionUser } from '@/lib/server/auth/page-session';
import { getDatabase } from '@/lib/server/db/client';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Better Auth's OpenID Connect error codes come back as `?error=`: say what happened in words. */
function errorText(code: string | undefined): string | null {
  if (!code) return null;
  if (/sign_?up|unable_to_create_user|not_allowed/i.test(code)) return 'Single sign-on worked, but there is no Draftbase account for you yet: open the invite link a project owner sent you.';
  return 'Single sign-on did not complete. Try again, or sign in with your email and password.';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const next = safeNextPath(first(params.next));
  if (authMode() === 'solo') {
    return (
      <main className="mx-auto max-w-sm px-4 py-16">
        <h1 className="text-2xl font-semibold tracking-tight">Draftbase</h1>
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          This server runs in solo mode, without accounts: there is nothing to sign in to. <Link className="text-blue-700 underline dark:text-blue-400" href="/">Open your projects</Link>.
        </p>
      </main>
    );
  }
  if (await needsSetup((await getDatabase()).prisma)) redirect('/setup');
  if (await pageSessionUser()) redirect(next);
  const oidc = oidcConfig();
  const invite = first(params.invite);
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Sign in to Draftbase</h1>
      <SignInForm next={next} oidcLabel={oidc?.label ?? null} initialError={errorText(first(params.error))} inviteToken={invite && /^[A-Za-z0-9_-]{32,128}$/.test(invite) ? invite : null} />
      <p className="mt-6 text-xs text-slate-500 dark:text-slate-400">No account? Accounts are created from an invite link a project owner sends you.</p>
    </main>
  );
}
