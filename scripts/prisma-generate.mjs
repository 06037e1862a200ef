#!/usr/bin/env node
// postinstall: writes prisma/postgres/schema.prisma from the SQLite source and generates BOTH Prisma
// clients (lib/generated/sqlite, lib/generated/postgres).
//
// Why the env var: the Prisma CLI wants to download its Rust schema engine on every command and fails
// offline; `generate` never uses that engine, and pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing
// file stops the download. Nothing here relies on @prisma/engines' own postinstall (npm 11 may skip it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchemaFrom } from './prisma-schemas.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaCli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');

if (!existsSync(prismaCli)) {
  // e.g. `npm install --omit=dev`: nothing to generate with; the app then needs a prior build.
  console.warn('[prisma-generate] prisma CLI not installed; skipping client generation');
  process.exit(0);
}

const pgPath = path.join(root, POSTGRES_SCHEMA);
const pgText = postgresSchemaFrom(readFileSync(path.join(root, SQLITE_SCHEMA), 'utf8'));
mkdirSync(path.dirname(pgPath), { recursive: true });
if (!existsSync(pgPath) || readFileSync(pgPath, 'utf8') !== pgText) {
  writeFileSync(pgPath, pgText);
  console.log(`[prisma-generate] wrote ${POSTGRES_SCHEMA}`);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, 'package.json'),
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', schema], { cwd: root, env, stdio: 'inherit' });
}
