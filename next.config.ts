import type { NextConfig } from 'next';

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
    'libpg-query',
    'node-sql-parser',
    '@dbml/core',
    'pg',
    'mysql2',
  ],
  poweredByHeader: false,
  // Lets several builds (parallel e2e runs, benches) live side by side: NEXT_DIST_DIR=.next-e2e.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
};

export default nextConfig;
