/**
 * Test hooks in a production build: `window.__draftbaseStore` (the editor store, with dispatch) is
 * compiled in only when the build is made with NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS=1 (the e2e tests and
 * scripts/canvas-screenshots.ts read it). These helpers say whether a build holds the hook, so a
 * normal build can be checked not to (scripts/check-test-hooks.ts, after `npm run build`) and a
 * reused e2e build checked to (playwright.config.ts with E2E_SKIP_BUILD=1).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const TEST_HOOKS_ENV = 'NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS';
/** The global the hook sets; any emitted script naming it carries the hook. */
export const TEST_HOOK_MARKER = '__draftbaseStore';

/** True when the environment asks for a build with test hooks. */
export function testHooksRequested(env: Record<string, string | undefined> = process.env): boolean {
  return env[TEST_HOOKS_ENV] === '1';
}

/** The build's emitted scripts (browser and server) that name the hook; Next's cache is skipped. */
export function filesWithTestHooks(distDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'cache') walk(p);
      } else if (/\.(m?js|html)$/.test(entry.name) && readFileSync(p, 'utf8').includes(TEST_HOOK_MARKER)) {
        found.push(path.relative(distDir, p));
      }
    }
  };
  walk(distDir);
  return found;
}

/** Undefined when the build matches what was asked for, else what is wrong and how to fix it. */
export function testHooksMismatch(distDir: string, expected: boolean): string | undefined {
  const found = filesWithTestHooks(distDir);
  if (expected && found.length === 0) {
    return `${distDir} has no test hooks (${TEST_HOOK_MARKER}): the e2e tests need a build made with ${TEST_HOOKS_ENV}=1, e.g.\n  ${TEST_HOOKS_ENV}=1 NEXT_DIST_DIR=${distDir} node node_modules/next/dist/bin/next build`;
  }
  if (!expected && found.length > 0) {
    return `${distDir} exposes the editor store (${TEST_HOOK_MARKER}) though it was built without ${TEST_HOOKS_ENV}=1, in:\n  ${found.join('\n  ')}`;
  }
  return undefined;
}
