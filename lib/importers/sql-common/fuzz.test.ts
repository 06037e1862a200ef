/**
 * Seeded fuzzing of both SQL importers over mutated corpus files: truncation, deleted/duplicated/
 * swapped ranges, garbage bytes, unbalanced quotes and parentheses. Every call must resolve to an
 * ImportResult (whose document passed validation in the importer) or reject with an ImportError:
 * never another exception type, never a long stall. The seed is fixed so a failure replays exactly;
 * FUZZ_SEED and FUZZ_RUNS override it for longer local runs.
 *
 * The importers are synchronous once their parser is loaded, so a timer cannot interrupt a runaway
 * call; each call's wall time is measured and asserted instead.
 */
import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpusFile } from '../../server/importers/test-corpus';
import { importMysql } from '../mysql/import-mysql';
import { importPostgres } from '../postgres/import-postgres';
import { ImportError, type ImportResult } from '../types';
import { mulberry32 } from '../../random/mulberry32';


type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);

const MUTATIONS: [string, (s: string, rng: Rng) => string][] = [
  ['truncate', (s, r) => s.slice(0, int(r, s.length))],
  ['delete range', (s, r) => {
    const a = int(r, s.length);
    return s.slice(0, a) + s.slice(a + int(r, 2000));
  }],
  ['duplicate range', (s, r) => {
    const a = int(r, s.length);
    const b = a + int(r, 3000);
    return s.slice(0, b) + s.slice(a, b) + s.slice(b);
  }],
  ['swap ranges', (s, r) => {
    const [a, b] = [int(r, s.length), int(r, s.length)].sort((x, y) => x - y);
    const len = Math.min(int(r, 1500), b - a);
    return s.slice(0, a) + s.slice(b, b + len) + s.slice(a + len, b) + s.slice(a, a + len) + s.slice(b + len);
  }],
  ['garbage bytes', (s, r) => {
    const a = int(r, s.length);
    let g = '';
    for (let i = int(r, 40) + 1; i > 0; i--) g += String.fromCharCode(int(r, 0x3000));
    return s.slice(0, a) + g + s.slice(a);
  }],
  ['unbalanced quote', (s, r) => {
    const a = int(r, s.length);
    return s.slice(0, a) + ["'", '"', '`', '$$', '/*', 'E\''][int(r, 6)] + s.slice(a);
  }],
  ['unbalanced parentheses', (s, r) => {
    const a = int(r, s.length);
    return s.slice(0, a) + (r() < 0.5 ? '('.repeat(int(r, 5) + 1) : ')'.repeat(int(r, 5) + 1)) + s.slice(a);
  }],
  ['drop semicolons', (s, r) => {
    const a = int(r, s.length);
    return s.slice(0, a) + s.slice(a, a + 5000).replace(/;/g, '') + s.slice(a + 5000);
  }],
];

const FILES: [string, (sql: string) => Promise<ImportResult>][] = [
  ['postgres/pagila-schema-2024-pg12dump.sql', (s) => importPostgres(s)],
  ['postgres/chinook-postgresql-schema.sql', (s) => importPostgres(s)],
  ['postgres/openstreetmap-structure.sql', (s) => importPostgres(s)],
  ['postgres/azimutt-structure.sql', (s) => importPostgres(s)],
  ['mysql/sakila-schema.sql', (s) => importMysql(s)],
  ['mysql/northwind-mywind.sql', (s) => importMysql(s)],
  ['mysql/guacamole-create-schema.sql', (s) => importMysql(s)],
  ['mysql/employees-schema.sql', (s) => importMysql(s)],
];

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 320);
const MAX_MS_PER_CALL = 10_000;

describe.skipIf(!corpusAvailable('SQL importer fuzzing'))('SQL importers under seeded mutation', () => {
  it(`${RUNS} mutated corpus files: only ImportResult or ImportError, each fast`, async () => {
    const rng = mulberry32(SEED);
    const sources = FILES.map(([file, run]) => ({ file, run, text: readCorpusFile(file) }));
    const outcomes = { results: 0, importErrors: 0 };
    let slowest = 0;
    for (let i = 0; i < RUNS; i++) {
      const src = sources[i % sources.length];
      // One to three stacked mutations.
      let text = src.text;
      const applied: string[] = [];
      for (let k = int(rng, 3) + 1; k > 0; k--) {
        const [name, mutate] = MUTATIONS[int(rng, MUTATIONS.length)];
        text = mutate(text, rng);
        applied.push(name);
      }
      const t0 = performance.now();
      try {
        // A timer catches an async stall (a promise that never settles); a synchronous runaway is
        // caught by the wall-time assertion below.
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`run ${i} (${src.file}: ${applied.join(' + ')}) did not settle in ${MAX_MS_PER_CALL} ms`)), MAX_MS_PER_CALL);
        });
        const r = await Promise.race([src.run(text), timeout]).finally(() => clearTimeout(timer));
        expect(r.report.counts.tables).toBe(Object.keys(r.document.tables).length);
        outcomes.results++;
      } catch (e) {
        if (!(e instanceof ImportError)) {
          throw new Error(`run ${i} (${src.file}: ${applied.join(' + ')}) threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
        }
        if (e.line !== undefined) expect(e.line).toBeGreaterThanOrEqual(1);
        outcomes.importErrors++;
      }
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      expect(ms, `run ${i} (${src.file}: ${applied.join(' + ')})`).toBeLessThan(MAX_MS_PER_CALL);
    }
    console.info(`[fuzz] seed ${SEED}: ${outcomes.results} results, ${outcomes.importErrors} ImportErrors, slowest call ${slowest.toFixed(0)} ms`);
    expect(outcomes.results + outcomes.importErrors).toBe(RUNS);
    // Both outcomes occur: the mutations reach the error paths and the partial-result paths.
    expect(outcomes.results).toBeGreaterThan(0);
    expect(outcomes.importErrors).toBeGreaterThan(0);
  }, 300_000);
});
