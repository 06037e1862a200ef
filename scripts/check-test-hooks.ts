/**
 * After `npm run build` (postbuild): a normal build must not expose the editor store to the page; a
 * build made with NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS=1 must. Usage: tsx scripts/check-test-hooks.ts [distDir]
 */
import { testHooksMismatch, testHooksRequested } from './test-hooks-build';

const distDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next';
const problem = testHooksMismatch(distDir, testHooksRequested());
if (problem) {
  console.error(problem);
  process.exitCode = 1;
} else {
  console.log(`${distDir}: test hooks ${testHooksRequested() ? 'present (a test build)' : 'absent'}, as asked`);
}
