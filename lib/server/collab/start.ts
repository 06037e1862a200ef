/**
 * Starting the sync server inside the Next server process (instrumentation.ts) or on its own
 * (scripts/collab-server.ts), from the environment:
 *
 *   DRAFTBASE_COLLAB_PORT   the port (default 3001); `off` (or DRAFTBASE_COLLAB=off) turns live editing off
 *   DRAFTBASE_BIND          the address, the same as the app's (default 127.0.0.1)
 *   DRAFTBASE_REDIS_URL     redis://host:port: share live sessions with the other servers
 *   DRAFTBASE_COLLAB_SECRET ticket key (else DRAFTBASE_AUTH_SECRET; the same on every server)
 *
 * A port already in use is not fatal: the app keeps serving, the collab route answers
 * `{ enabled: false, reason }` and the editor saves over REST.
 */
import 'server-only';
import { listenAddress } from '../auth/bind-policy';
import { getCollabHandle, setCollabHandle } from './handle';
import { collabPortSetting } from './join';
import { startCollabServer, type CollabServer } from './server';
import { collabSecret } from './ticket';

type Env = Record<string, string | undefined>;

export function collabOptionsFromEnv(env: Env = process.env, argv: readonly string[] = process.argv) {
  const port = collabPortSetting(env);
  return {
    port,
    address: listenAddress(argv, env) ?? '127.0.0.1',
    redisUrl: env.DRAFTBASE_REDIS_URL?.trim() || undefined,
    secret: collabSecret(env),
  };
}

/** Starts this process's sync server once (a dev reload finds the running one), never throwing. */
export function startCollabInProcess(env: Env = process.env): Promise<CollabServer | undefined> {
  const existing = getCollabHandle();
  if (existing?.status === 'running') return Promise.resolve(existing.server);
  if (existing?.status === 'starting') return existing.ready;
  let options: ReturnType<typeof collabOptionsFromEnv>;
  try {
    options = collabOptionsFromEnv(env);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    console.error(`[draftbase] live co-editing is off: ${reason}`);
    setCollabHandle({ status: 'off', reason });
    return Promise.resolve(undefined);
  }
  const { port, ...rest } = options;
  if (port === 'off') {
    setCollabHandle({ status: 'off', reason: 'Live co-editing is turned off on this server (DRAFTBASE_COLLAB_PORT=off).' });
    return Promise.resolve(undefined);
  }
  const ready = startCollabServer({ port, ...rest }).then(
    (server) => {
      setCollabHandle({ status: 'running', server });
      console.log(`[draftbase] live co-editing on ws://${rest.address}:${server.port}${rest.redisUrl ? ' (sessions shared through Redis)' : ''}`);
      return server;
    },
    (err: unknown) => {
      const code = (err as { code?: unknown } | null)?.code;
      const reason =
        code === 'EADDRINUSE'
          ? `Live co-editing is unavailable: port ${port} is already in use (set DRAFTBASE_COLLAB_PORT to a free port, or off). Edits are saved without live co-editing.`
          : `Live co-editing is unavailable: the sync server did not start (${err instanceof Error ? err.message : String(err)}).`;
      console.warn(`[draftbase] ${reason}`);
      setCollabHandle({ status: 'off', reason });
      return undefined;
    },
  );
  setCollabHandle({ status: 'starting', ready });
  return ready;
}
