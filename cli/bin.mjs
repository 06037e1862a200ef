#!/usr/bin/env node
/**
 * `npx draftbase <command>`: the package's bin. The CLI is TypeScript run by tsx; the tsconfig is
 * named explicitly so its path aliases resolve whatever the working directory (a CI job runs it from
 * the repository root with paths relative to it: `npx draftbase lint schema/`).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const run = spawnSync(process.execPath, [tsx, path.join(root, 'cli', 'draftbase.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.json') },
});
process.exit(run.status ?? 1);
