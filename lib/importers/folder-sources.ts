/**
 * Which files of a folder (or a multi-file selection) an import reads: the .prisma files when there
 * are any (a multi-file Prisma schema), else the .sql files (a folder of SQL files run in name order,
 * sql-common/sql-folder.ts). READMEs, seeds in other formats and editor files are left alone.
 */
const PRISMA = /\.prisma$/i;
const SQL = /\.sql$/i;

export function folderSourceNames(names: readonly string[]): string[] {
  const prisma = names.filter((n) => PRISMA.test(n));
  if (prisma.length) return prisma;
  return names.filter((n) => SQL.test(n));
}
