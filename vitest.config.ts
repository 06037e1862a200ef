import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': import.meta.dirname,
      // lib/server modules are marked `import 'server-only'` (Next refuses them in client bundles);
      // outside Next the marker must be inert, as it is in Next's server layers.
      'server-only': path.join(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'cli/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // PGlite instances are heavy (~800 MB each): keep parallelism at the core count.
    maxWorkers: 2,
  },
});
