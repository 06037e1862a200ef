#!/usr/bin/env node
/**
 * `npm run dev` and `npm start`: `next dev|start`, listening on 127.0.0.1 unless told otherwise, so a
 * solo server (no sign-in) is not reachable from the network by default.
 *
 *   npm start                                  listens on 127.0.0.1
 *   npm start -- -H 0.0.0.0                    listens everywhere (solo mode then also needs
 *   DRAFTBASE_BIND=0.0.0.0 npm start           DRAFTBASE_ALLOW_REMOTE_SOLO=1; team mode does not)
 *
 * The address is also handed to the server as DRAFTBASE_BIND: the dev server runs in a worker process
 * that does not see this command line, and instrumentation.ts checks the address at start
 * (lib/server/auth/bind-policy.ts).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const [command, ...args] = process.argv.slice(2);
if (command !== 'dev' && command !== 'start') {
  console.error('usage: node scripts/next-local.mjs dev|start [next options]');
  process.exit(2);
}

function hostFromArgs(list) {
  for (let i = list.length - 1; i >= 0; i--) {
    if ((list[i] === '-H' || list[i] === '--hostname') && list[i + 1]) return list[i + 1];
    if (list[i].startsWith('--hostname=')) return list[i].slice('--hostname='.length);
  }
  return undefined;
}

const given = hostFromArgs(args);
const host = given ?? (process.env.DRAFTBASE_BIND?.trim() || '127.0.0.1');
const nextArgs = given ? args : ['-H', host, ...args];
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const child = spawn(process.execPath, [nextBin, command, ...nextArgs], { stdio: 'inherit', env: { ...process.env, DRAFTBASE_BIND: host } });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
