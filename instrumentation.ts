/**
 * Runs once when a Next.js server starts: opens the database so the SQLite file is created and
 * migrated before the first request, and prints where projects are stored (getDatabase logs it).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDatabase } = await import('./lib/server/db/client');
  try {
    await getDatabase();
  } catch (err) {
    // Keep serving: the home page shows the error and the next request retries.
    console.error(`[draftbase] could not open the database: ${err instanceof Error ? err.message : String(err)}`);
  }
}
