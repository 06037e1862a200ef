/**
 * The Draftbase command line: `npm run draftbase -- <command> [options]` (or `npx tsx cli/draftbase.ts`).
 * All logic lives in main.ts so tests can call it without spawning a process.
 */
import { main } from './main';
import { nodeIo } from './io';

process.exitCode = await main(process.argv.slice(2), nodeIo);
