/**
 * A module resolve hook for the CLI: `server-only` (which marks lib/server modules so Next refuses
 * them in client bundles, and throws outside React's server condition) resolves to its empty module,
 * as vitest.config.ts aliases it. Registered only by commands that read the app's database
 * (`draftbase diff project:<id>@<version>`; cli/project-store.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const empty = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('server-only')), 'empty.js')).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: empty, shortCircuit: true };
  return next(specifier, context);
}
