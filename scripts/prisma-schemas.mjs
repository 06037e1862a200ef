// The two Prisma schemas (SQLite, PostgreSQL) are one schema with the provider swapped: this module
// derives the PostgreSQL text from the SQLite source so they can never drift.
// Plain ESM JavaScript because it runs from `postinstall`, before any TypeScript tooling is involved.

export const SQLITE_SCHEMA = 'prisma/sqlite/schema.prisma';
export const POSTGRES_SCHEMA = 'prisma/postgres/schema.prisma';

const GENERATED_BANNER =
  '// GENERATED from prisma/sqlite/schema.prisma by scripts/prisma-generate.mjs: do not edit by hand.\n';

/** @param {string} sqliteText @returns {string} */
export function postgresSchemaFrom(sqliteText) {
  const swaps = [
    [/provider = "sqlite"/, 'provider = "postgresql"'],
    [/output\s*=\s*"\.\.\/\.\.\/lib\/generated\/sqlite"/, 'output   = "../../lib/generated/postgres"'],
  ];
  let out = sqliteText;
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(out)) throw new Error(`${SQLITE_SCHEMA}: expected to find ${pattern} to swap`);
    out = out.replace(pattern, replacement);
  }
  return GENERATED_BANNER + out;
}
