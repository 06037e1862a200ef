import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesWithTestHooks, testHooksMismatch, testHooksRequested } from './test-hooks-build';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fake build directory: file path -> content. */
function build(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'draftbase-hooks-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('test hooks in a build', () => {
  const withHook = { 'static/chunks/a.js': '(0,o.useEffect)(()=>{window.__draftbaseStore=r},[r])', 'server/app/page.js': 'x' };
  const without = { 'static/chunks/a.js': '(0,o.useEffect)(()=>{},[r])', 'cache/old.js': 'window.__draftbaseStore=r' };

  it('finds the emitted scripts that name the hook, not the cache', () => {
    expect(filesWithTestHooks(build(withHook))).toEqual([path.join('static', 'chunks', 'a.js')]);
    expect(filesWithTestHooks(build(without))).toEqual([]);
  });

  it('reports a normal build that exposes the store, and a test build that does not', () => {
    expect(testHooksMismatch(build(withHook), false)).toMatch(/exposes the editor store .* without NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS=1/s);
    expect(testHooksMismatch(build(without), true)).toMatch(/NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS=1 NEXT_DIST_DIR=/);
    expect(testHooksMismatch(build(withHook), true)).toBeUndefined();
    expect(testHooksMismatch(build(without), false)).toBeUndefined();
  });

  it('is asked for by NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS=1 only', () => {
    expect(testHooksRequested({ NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS: '1' })).toBe(true);
    expect(testHooksRequested({ NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS: 'true' })).toBe(false);
    expect(testHooksRequested({})).toBe(false);
  });
});
