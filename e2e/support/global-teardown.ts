/** Removes the temporary SQLite directory playwright.config.ts created for the e2e server. */
import { rmSync } from 'node:fs';
import os from 'node:os';

export default function globalTeardown(): void {
  const dir = process.env.E2E_DB_DIR;
  // Only ever a directory the config made under the system temp dir.
  if (dir && dir.startsWith(os.tmpdir()) && /draftbase-e2e-/.test(dir)) rmSync(dir, { recursive: true, force: true });
}
