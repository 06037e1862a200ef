/**
 * `npm run bench:import`: time and peak memory to import the largest corpus files and synthetic
 * 1,000-table dumps (a `pg_dump --schema-only` lookalike and a mysqldump lookalike).
 * Target: 1,000 tables in 2 s or less.
 *
 * Each case runs in its own child process so its peak RSS (process.resourceUsage().maxRSS) is its own.
 * Reported time: the median of 3 imports after one warm-up import (parser loading excluded; the
 * first, cold import including WASM/JS parser loading is reported separately).
 *
 * Usage: npm run bench:import [-- --tables 1000]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importMysql } from '../lib/importers/mysql/import-mysql';
import { importPostgres } from '../lib/importers/postgres/import-postgres';
import type { ImportResult } from '../lib/importers/types';

const THIS_FILE = fileURLToPath(import.meta.url);
const CORPUS = path.resolve(path.dirname(THIS_FILE), '../../shared/corpus');
const TARGET_MS_PER_1000_TABLES = 2000;

/** A pg_dump --schema-only lookalike: the statement mix and order pg_dump 15 writes for serial tables. */
export function syntheticPgDump(tables: number): string {
  const out: string[] = [
    'SET statement_timeout = 0;',
    "SET client_encoding = 'UTF8';",
    "SELECT pg_catalog.set_config('search_path', '', false);",
    "CREATE TYPE public.status AS ENUM ('new', 'active', 'archived');",
  ];
  for (let i = 1; i <= tables; i++) {
    const t = `public.table_${i}`;
    out.push(
      `CREATE TABLE ${t} (\n    id integer NOT NULL,\n    name character varying(120) NOT NULL,\n    description text,\n    status public.status DEFAULT 'new'::public.status NOT NULL,\n    amount numeric(12,2) DEFAULT 0 NOT NULL,\n    payload jsonb DEFAULT '{}'::jsonb,\n    parent_id integer,\n    created_at timestamp with time zone DEFAULT now() NOT NULL,\n    updated_at timestamp with time zone\n);`,
      `ALTER TABLE ${t} OWNER TO postgres;`,
      `CREATE SEQUENCE ${t}_id_seq\n    AS integer\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;`,
      `ALTER SEQUENCE ${t}_id_seq OWNED BY ${t}.id;`,
    );
  }
  for (let i = 1; i <= tables; i++) out.push(`ALTER TABLE ONLY public.table_${i} ALTER COLUMN id SET DEFAULT nextval('public.table_${i}_id_seq'::regclass);`);
  for (let i = 1; i <= tables; i++) out.push(`ALTER TABLE ONLY public.table_${i}\n    ADD CONSTRAINT table_${i}_pkey PRIMARY KEY (id);`);
  for (let i = 1; i <= tables; i++) {
    out.push(`CREATE INDEX table_${i}_name_idx ON public.table_${i} USING btree (name);`);
    out.push(`CREATE INDEX table_${i}_active_idx ON public.table_${i} USING btree (created_at) WHERE (status = 'active'::public.status);`);
  }
  for (let i = 2; i <= tables; i++) out.push(`ALTER TABLE ONLY public.table_${i}\n    ADD CONSTRAINT table_${i}_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.table_${i - 1}(id) ON DELETE CASCADE;`);
  return `${out.join('\n\n')}\n`;
}

/** A mysqldump lookalike. */
export function syntheticMysqlDump(tables: number): string {
  const out: string[] = ['/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;', 'SET NAMES utf8mb4;', '/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;'];
  for (let i = 1; i <= tables; i++) {
    out.push(`DROP TABLE IF EXISTS \`table_${i}\`;`);
    out.push(
      `CREATE TABLE \`table_${i}\` (\n  \`id\` int(10) unsigned NOT NULL AUTO_INCREMENT,\n  \`name\` varchar(120) NOT NULL,\n  \`description\` text,\n  \`status\` enum('new','active','archived') NOT NULL DEFAULT 'new',\n  \`amount\` decimal(12,2) NOT NULL DEFAULT 0.00,\n  \`payload\` json DEFAULT NULL,\n  \`parent_id\` int(10) unsigned DEFAULT NULL,\n  \`created_at\` timestamp NOT NULL DEFAULT current_timestamp(),\n  \`updated_at\` timestamp NULL DEFAULT NULL ON UPDATE current_timestamp(),\n  PRIMARY KEY (\`id\`),\n  KEY \`table_${i}_name_idx\` (\`name\`),\n  KEY \`table_${i}_parent\` (\`parent_id\`)${i > 1 ? `,\n  CONSTRAINT \`table_${i}_parent_fk\` FOREIGN KEY (\`parent_id\`) REFERENCES \`table_${i - 1}\` (\`id\`) ON DELETE CASCADE` : ''}\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;`,
    );
  }
  return `${out.join('\n')}\n`;
}

interface Case {
  name: string;
  dialect: 'postgres' | 'mysql';
  load: () => string;
}

function cases(tables: number): Case[] {
  const corpus = (rel: string): Case | undefined => {
    const file = path.join(CORPUS, rel);
    return existsSync(file) ? { name: rel, dialect: rel.startsWith('postgres') ? 'postgres' : 'mysql', load: () => readFileSync(file, 'utf8') } : undefined;
  };
  const list: (Case | undefined)[] = [
    corpus('postgres/openstreetmap-structure.sql'),
    corpus('postgres/pagila-schema.sql'),
    corpus('mysql/sakila-schema.sql'),
    corpus('mysql/northwind-mywind.sql'),
    { name: `synthetic pg_dump, ${tables} tables`, dialect: 'postgres', load: () => syntheticPgDump(tables) },
    { name: `synthetic mysqldump, ${tables} tables`, dialect: 'mysql', load: () => syntheticMysqlDump(tables) },
  ];
  return list.filter((c): c is Case => c !== undefined);
}

interface Measurement {
  name: string;
  chars: number;
  tables: number;
  coldMs: number;
  /** CPU time (user + system) of the cold import: what the machine's load does not inflate. */
  coldCpuMs: number;
  medianMs: number;
  peakRssMb: number;
}

async function runOne(c: Case): Promise<Measurement> {
  const text = c.load();
  const run = (): Promise<ImportResult> => (c.dialect === 'postgres' ? importPostgres(text) : importMysql(text));
  let t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const first = await run();
  const coldMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const coldCpuMs = (cpu.user + cpu.system) / 1000;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name: c.name, chars: text.length, tables: first.report.counts.tables, coldMs, coldCpuMs, medianMs: times[1], peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function main() {
  const { values } = parseArgs({ options: { tables: { type: 'string', default: '1000' }, one: { type: 'string' } } });
  const tables = Number(values.tables);
  const all = cases(tables);
  if (values.one !== undefined) {
    const m = await runOne(all[Number(values.one)]);
    process.stdout.write(JSON.stringify(m));
    return;
  }
  if (!existsSync(CORPUS)) console.warn(`(corpus not found at ${CORPUS}: corpus cases skipped)`);
  console.log(`import benchmark: ${all.length} cases, each in its own process (median of 3 warm runs; cold = first import incl. parser load)\n`);
  console.log(['case'.padEnd(42), 'size'.padStart(9), 'tables'.padStart(7), 'cold ms'.padStart(8), 'cold cpu'.padStart(9), 'warm ms'.padStart(8), 'peak RSS'.padStart(9)].join(' '));
  let failed = false;
  for (let i = 0; i < all.length; i++) {
    const out = execFileSync(process.execPath, [...process.execArgv, THIS_FILE, '--one', String(i), '--tables', String(tables)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const m = JSON.parse(out) as Measurement;
    const kb = `${(m.chars / 1024).toFixed(0)} KB`;
    console.log([m.name.padEnd(42), kb.padStart(9), String(m.tables).padStart(7), m.coldMs.toFixed(0).padStart(8), m.coldCpuMs.toFixed(0).padStart(9), m.medianMs.toFixed(0).padStart(8), `${m.peakRssMb.toFixed(0)} MB`.padStart(9)].join(' '));
    if (m.name.startsWith('synthetic') && m.tables >= 1000) {
      const budget = (TARGET_MS_PER_1000_TABLES * m.tables) / 1000;
      // Judged on CPU time: on a shared machine wall time mostly measures the other processes.
      if (m.coldCpuMs > budget) {
        failed = true;
        console.log(`  ^ over target: ${m.coldCpuMs.toFixed(0)} ms of CPU > ${budget} ms`);
      }
    }
  }
  console.log(`\ntarget: ${tables} tables in ${(TARGET_MS_PER_1000_TABLES * tables) / 1000} ms or less (cold import, CPU time): ${failed ? 'MISSED' : 'met'}`);
  console.log(`load average during the run: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores (wall times above include waiting for CPU)`);
  if (failed) process.exitCode = 1;
}

// Run only as a script (tests may import the synthetic dump builders).
if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
