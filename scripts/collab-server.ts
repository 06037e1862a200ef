/**
 * The live co-editing sync server on its own (issue 19), e.g. beside several app servers behind a load
 * balancer, or for the multi-server tests:
 *
 *   DATABASE_URL=... DRAFTBASE_COLLAB_PORT=3101 DRAFTBASE_REDIS_URL=redis://127.0.0.1:6379 \
 *   DRAFTBASE_COLLAB_SECRET=... npm run collab-server
 *
 * Prints `collab listening on <port>` when ready; SIGINT/SIGTERM store every loaded document first.
 * The app servers then answer the sync server's public URL (DRAFTBASE_COLLAB_PUBLIC_URL).
 */
import { collabOptionsFromEnv } from '../lib/server/collab/start';
import { startCollabServer } from '../lib/server/collab/server';
import { closeDatabase, getDatabase } from '../lib/server/db/client';

async function main() {
  const { port, ...rest } = collabOptionsFromEnv();
  if (port === 'off') throw new Error('DRAFTBASE_COLLAB_PORT is off: nothing to start');
  if (!process.env.DRAFTBASE_COLLAB_SECRET && !process.env.DRAFTBASE_AUTH_SECRET && !process.env.BETTER_AUTH_SECRET) {
    console.warn('[draftbase] no DRAFTBASE_COLLAB_SECRET or DRAFTBASE_AUTH_SECRET: tickets from the app servers will not verify here');
  }
  await getDatabase();
  const server = await startCollabServer({ port, ...rest });
  console.log(`collab listening on ${server.port}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await closeDatabase();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
