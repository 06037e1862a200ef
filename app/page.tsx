import { redirect } from 'next/navigation';
import { AccountMenu } from '@/components/auth/account-menu';
import { ProjectList } from '@/components/projects/project-list';
import { parseProjectQuery } from '@/components/projects/project-query';
import { authMode } from '@/lib/server/auth/mode';
import { pageSessionUser } from '@/lib/server/auth/page-session';
import type { SessionUser } from '@/lib/server/auth/session';
import { getDatabase } from '@/lib/server/db/client';
import { listProjects, listProjectsOfUser, type ProjectSummary } from '@/lib/server/projects/repository';

// The list is read from the database on every request (no build-time prerender).
export const dynamic = 'force-dynamic';

/** Solo: every project. Team mode: only the signed-in user's (as GET /api/projects answers). */
async function loadProjects(user: SessionUser | undefined): Promise<{ projects: ProjectSummary[] } | { error: string }> {
  try {
    const db = await getDatabase();
    return { projects: user ? await listProjectsOfUser(db.prisma, user.userId) : await listProjects(db.tables) };
  } catch (err) {
    console.error('[draftbase] could not list projects:', err);
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const team = authMode() === 'team';
  const user = team ? await pageSessionUser() : undefined;
  // The proxy sends cookie-less requests to /sign-in; a cookie whose session ended lands here.
  if (team && !user) redirect('/sign-in');
  const [result, query] = await Promise.all([loadProjects(user), searchParams.then(parseProjectQuery)]);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <header className="mb-8 flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Draftbase</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Design database schemas on a canvas; generate PostgreSQL and MySQL DDL, ER diagrams and a reviewable DATABASE_DESIGN.md.
          </p>
        </div>
        {user && <AccountMenu user={{ id: user.userId, name: user.name, email: user.email }} />}
      </header>
      {'error' in result ? (
        <p role="alert" data-testid="projects-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          The project database is not available: {result.error}
        </p>
      ) : (
        <ProjectList initialProjects={result.projects} initialQuery={query} />
      )}
    </main>
  );
}
