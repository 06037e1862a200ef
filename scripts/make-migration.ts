/**
 * Writes a new migration for BOTH providers without the Prisma CLI (whose migrate commands need a Rust
 * engine that cannot be downloaded here): the WebAssembly schema engine from npm diffs the schema as of
 * the last migration (kept beside it as schema.prisma) against the current schema.
 *
 *   npx tsx scripts/make-migration.ts <name>      e.g. add_project_tags
 *
 * Output: prisma/migrations/<provider>/<NNNN>_<name>/{migration.sql,schema.prisma}. Review and commit it.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

type Provider = 'sqlite' | 'postgres';
const thisFile = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(thisFile), '..');

interface WasmSchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
}
interface WasmRuntime {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (options: unknown, debug: (msg: string) => void, adapter: object) => Promise<WasmSchemaEngine> };
}

/** Loads the wasm by hand: the loader inside @prisma/internals looks for it in the CLI's build dir. */
let runtimePromise: Promise<WasmRuntime> | undefined;

async function loadSchemaEngine(adapter: object): Promise<WasmSchemaEngine> {
  runtimePromise ??= instantiateRuntime();
  const runtime = await runtimePromise;
  return runtime.SchemaEngine.new({ datamodels: undefined }, () => undefined, adapter);
}

async function instantiateRuntime(): Promise<WasmRuntime> {
  // The wasm reports Rust panics through this global; without it a panic hides its message.
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => console.error(`[schema-engine panic] ${m}`) };
  const runtime = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as WasmRuntime;
  const wasmPath = path.join(root, 'node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    './schema_engine_bg.js': runtime as unknown as WebAssembly.ModuleImports,
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return runtime;
}

export function migrationsDir(provider: Provider): string {
  return path.join(root, 'prisma', 'migrations', provider);
}

function lastMigration(provider: Provider): string | undefined {
  const dir = migrationsDir(provider);
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir).filter((n) => /^\d{4}_/.test(n)).sort().at(-1);
}

/** Diffs `fromSchema` (undefined = empty database) to `toSchema` and returns the SQL script. */
export async function diffSql(provider: Provider, fromSchema: string | undefined, toSchema: string): Promise<string> {
  // The adapter is required by the engine's constructor; a schema-to-schema diff never connects.
  const factory = provider === 'sqlite'
    ? new PrismaLibSql({ url: ':memory:' })
    : new PrismaPg({ connectionString: process.env.DATABASE_URL_PG ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
  // The engine expects the error-capturing wrapper the Prisma CLI uses (methods return Result objects).
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await loadSchemaEngine(adapter);
  const target = (text: string) => ({ tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: text }] });
  const result = await engine.diff({
    from: fromSchema === undefined ? { tag: 'empty' } : target(fromSchema),
    to: target(toSchema),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? '';
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('usage: tsx scripts/make-migration.ts <name: lowercase letters, digits, underscores>');
    process.exit(2);
  }
  for (const provider of ['sqlite', 'postgres'] as const) {
    const schemaFile = path.join(root, 'prisma', provider, 'schema.prisma');
    const toSchema = readFileSync(schemaFile, 'utf8');
    const last = lastMigration(provider);
    const fromSchema = last ? readFileSync(path.join(migrationsDir(provider), last, 'schema.prisma'), 'utf8') : undefined;
    const sql = await diffSql(provider, fromSchema, toSchema);
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
      console.log(`${provider}: no changes since ${last ?? 'empty'}`);
      continue;
    }
    const next = String((last ? Number(last.slice(0, 4)) : 0) + 1).padStart(4, '0');
    const dir = path.join(migrationsDir(provider), `${next}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), sql);
    writeFileSync(path.join(dir, 'schema.prisma'), toSchema);
    console.log(`${provider}: wrote ${path.relative(root, dir)}/migration.sql`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === thisFile) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
