import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/auth/setup-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/server/auth/better-auth';
import { needsSetup } from '@/lib/server/auth/first-run';
import { authMode } from '@/lib/server/auth/mode';
import { getDatabase } from '@/lib/server/db/client';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Set up' };

/** First run of a team server: create the first owner, who also gets every existing project. */
export default async function SetupPage() {
  if (authMode() === 'solo') redirect('/');
  if (!(await needsSetup((await getDatabase()).prisma))) redirect('/sign-in');
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">Set up Draftbase</h1>
      <p className="mb-6 mt-2 text-sm text-slate-600 dark:text-slate-400">
        Create the first account. It becomes the owner of every project already on this server, and invites everyone else.
      </p>
      <SetupForm minPasswordLength={MIN_PASSWORD_LENGTH} />
    </main>
  );
}
