/**
 * Test helper: locates ../shared/corpus beside the repository (read in place, never copied). A missing
 * corpus skips the corpus tests with a printed notice, except under CI=true where it fails the run.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../importers/types';

export const repoRoot = path.resolve(__dirname, '../../..');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');

export function corpusAvailable(what: string): boolean {
  if (fs.existsSync(corpusDir)) return true;
  if (process.env.CI === 'true') throw new Error(`the test corpus is missing at ${corpusDir} (required under CI=true)`);
  console.warn(`[skip] ${what}: corpus not found at ${corpusDir}`);
  return false;
}

export function readCorpusFile(rel: string): string {
  return fs.readFileSync(path.join(corpusDir, rel), 'utf8');
}

/** All files of a corpus folder, sorted by name, as SourceFile (names relative to the folder). */
export function readCorpusFolder(rel: string): SourceFile[] {
  const dir = path.join(corpusDir, rel);
  return fs.readdirSync(dir).sort().map((name) => ({ name, content: fs.readFileSync(path.join(dir, name), 'utf8') }));
}
