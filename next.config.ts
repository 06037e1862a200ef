import type { NextConfig } from 'next';
import { maxBodyBytes } from './lib/server/http/body-limit';

const nextConfig: NextConfig = {
  // Node-only packages that must not be bundled (WASM engines, native drivers).
  serverExternalPackages: [
    '@prisma/internals',
    '@prisma/prisma-schema-wasm',
    '@prisma/schema-engine-wasm',
    '@prisma/client',
    '@prisma/adapter-libsql',
    '@prisma/adapter-pg',
    '@libsql/client',
    'libsql',
    'libpg-query',
    'node-sql-parser',
    '@dbml/core',
    'pg',
    'mysql2',
    // The query-pattern advisor's embedded PostgreSQL (WASM and its data files).
    '@electric-sql/pglite',
    // The live co-editing sync server (instrumentation.ts) and the routes that reach into it (the REST
    // merge) must share ONE copy of Yjs: lib/collab tells Yjs types apart with instanceof, and Yjs
    // warns and misbehaves when two copies meet. Node's module cache gives one copy if none is bundled.
    '@hocuspocus/server',
    '@hocuspocus/extension-redis',
    'yjs',
    'y-protocols',
    'lib0',
    'ws',
    'ioredis',
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc) before the e2e build; CI sets this so the build does
  // not check the same files a second time (about a minute on two cores). Builds elsewhere still check.
  typescript: { ignoreBuildErrors: process.env.DRAFTBASE_BUILD_SKIP_TYPECHECK === '1' },
  // Always defined, so the build inlines it and a normal build compiles the test-only code away
  // (an unset NEXT_PUBLIC_ variable is left as a runtime lookup). See components/editor/editor.tsx.
  env: { NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS: process.env.NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS === '1' ? '1' : '' },
  experimental: {
    // proxy.ts makes Next buffer request bodies, by default only up to 10 MB, and hand the route a
    // truncated body beyond that ("invalid JSON" for a 5,000-table save). One byte over our own cap,
    // so the route's reader sees the overflow and answers 413.
    proxyClientMaxBodySize: maxBodyBytes() + 1,
  },
  // Lets several builds (parallel e2e runs, benches) live side by side: NEXT_DIST_DIR=.next-e2e.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
};

export default nextConfig;
