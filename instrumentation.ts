/**
 * Runs once when a Next.js server starts: checks the configuration that would otherwise fail later
 * or expose projects (lib/server/auth/startup-checks.ts: solo mode listening beyond this machine,
 * team mode without a session secret, ...) and refuses to start on an error; then opens the database
 * so the SQLite file is created and migrated before the first request, and prints where projects are
 * stored (getDatabase logs it); then starts the live co-editing sync server on DRAFTBASE_COLLAB_PORT
 * (lib/server/collab/start.ts; `off` disables it, a busy port only turns live editing off).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { enforceStartupChecks } = await import('./lib/server/auth/startup-checks');
  enforceStartupChecks();
  const { getDatabase } = await import('./lib/server/db/client');
  try {
    await getDatabase();
  } catch (err) {
    // Keep serving: the home page shows the error and the next request retries.
    console.error(`[draftbase] could not open the database: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { startCollabInProcess } = await import('./lib/server/collab/start');
  void startCollabInProcess();
}
