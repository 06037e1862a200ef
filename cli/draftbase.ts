/**
 * The Draftbase command line: `npm run draftbase -- <command> [options]` (or `npx tsx cli/draftbase.ts`).
 * All logic lives in main.ts so tests can call it without spawning a process.
 */
import { main } from './main';
import { nodeIo } from './io';

// A closed pipe (`draftbase export ... | head`) must not kill the command before it writes -o FILE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

process.exitCode = await main(process.argv.slice(2), nodeIo);
