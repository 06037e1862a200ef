/**
 * Where a solo server may listen. Solo mode has no accounts: whoever reaches the server can read,
 * change and delete every project. So it listens on 127.0.0.1 by default (`npm run dev` / `npm start`
 * pass `-H 127.0.0.1`, scripts/next-local.mjs), and listening anywhere else without team mode is
 * refused at start (instrumentation.ts) unless the operator says DRAFTBASE_ALLOW_REMOTE_SOLO=1, and
 * then with a warning.
 *
 * The address comes from, in order: `-H`/`--hostname` on the command line (`next start -H …`),
 * DRAFTBASE_BIND (what scripts/next-local.mjs passed to Next, since the dev server's worker process
 * does not see the command line), HOSTNAME (Next's standalone server). None of them: Next listens on
 * every interface.
 */
import 'server-only';
import type { AuthMode } from './mode';

export const BIND_ENV = 'DRAFTBASE_BIND';
export const ALLOW_REMOTE_SOLO_ENV = 'DRAFTBASE_ALLOW_REMOTE_SOLO';

type Env = Record<string, string | undefined>;

/** The address this server was told to listen on; undefined = Next's default, every interface. */
export function listenAddress(argv: readonly string[], env: Env): string | undefined {
  for (let i = argv.length - 1; i >= 0; i--) {
    const a = argv[i];
    if ((a === '-H' || a === '--hostname') && argv[i + 1]) return argv[i + 1];
    if (a.startsWith('--hostname=')) return a.slice('--hostname='.length);
  }
  return env[BIND_ENV]?.trim() || env.HOSTNAME?.trim() || undefined;
}

export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export type BindDecision = { action: 'ok' } | { action: 'warn'; message: string } | { action: 'refuse'; message: string };

function flag(value: string | undefined): boolean {
  const v = value?.trim().toLowerCase();
  return v === '1' || v === 'true' || v === 'yes' || v === 'on';
}

/** May a server in `mode` listen on `host`? */
export function bindDecision(host: string | undefined, mode: AuthMode, env: Env): BindDecision {
  if (host !== undefined && isLoopback(host)) return { action: 'ok' };
  if (mode === 'team') return { action: 'ok' };
  const where = host === undefined ? 'every network interface' : host === '0.0.0.0' || host === '::' ? `${host} (every network interface)` : host;
  if (flag(env[ALLOW_REMOTE_SOLO_ENV])) {
    return {
      action: 'warn',
      message: `WARNING: solo mode (no sign-in) listening on ${where}, as ${ALLOW_REMOTE_SOLO_ENV}=1 allows: anyone who can reach this machine can read, change and delete every project. Use team mode (DRAFTBASE_AUTH=on) to require sign-in.`,
    };
  }
  return {
    action: 'refuse',
    message:
      `Refusing to start: solo mode has no sign-in, and this server would listen on ${where}, where anyone on the network could read, change and delete every project. ` +
      `Listen on 127.0.0.1 (the default of \`npm run dev\` and \`npm start\`; \`next start -H 127.0.0.1\`), or turn on team mode (DRAFTBASE_AUTH=on, users sign in), or set ${ALLOW_REMOTE_SOLO_ENV}=1 to accept the risk.`,
  };
}
