/**
 * The review over every import of ../shared/corpus (read in place): the number of findings per rule
 * per file is pinned (every rule on, the opt-in ones too), every fix offered applies as one command and
 * clears its finding, and a hand-checked sample stays as checked: true findings that must stay, and the
 * false positives that narrowed a rule, which must not come back.
 *
 * A change that moves the counts on purpose updates the pins:
 *   UPDATE_PINS=1 npx vitest run lib/review/corpus-pins.test.ts
 * and the diff of __pins__/corpus-findings.json shows which rules moved on which files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands/apply';
import type { SchemaDocument } from '../model/document';
import { sequentialIds } from '../model/ids';
import { corpusAvailable, corpusDir } from '../server/importers/test-corpus';
import { importSource, type ImportSourceFormat } from '../server/importers/import-source';
import { lintDocument } from './lint';
import { RULES, ruleById } from './rules';
import type { Finding } from './types';

const PINS = path.join(__dirname, '__pins__', 'corpus-findings.json');
const FORMAT_OF_FOLDER: Record<string, ImportSourceFormat> = { postgres: 'postgres', mysql: 'mysql', prisma: 'prisma', dbml: 'dbml' };
const everyRuleOn = { rules: Object.fromEntries(RULES.map((r) => [r.id, { enabled: true }])) };

/** Every corpus file (a folder is one multi-file Prisma schema), named as the output pins name them. */
function corpusFiles(): { name: string; load: () => Promise<SchemaDocument> }[] {
  if (!corpusAvailable('review corpus pins')) return [];
  const out = [];
  for (const folder of Object.keys(FORMAT_OF_FOLDER)) {
    const dir = path.join(corpusDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      const format = FORMAT_OF_FOLDER[folder];
      const source = () =>
        fs.statSync(full).isDirectory() ? { files: fs.readdirSync(full).sort().map((name) => ({ name, content: fs.readFileSync(path.join(full, name), 'utf8') })) } : fs.readFileSync(full, 'utf8');
      out.push({ name: `corpus/${folder}/${entry}${fs.statSync(full).isDirectory() ? '/' : ''}`, load: async () => (await importSource(format, source())).document });
    }
  }
  return out;
}

const FILES = corpusFiles();
const docs = new Map<string, SchemaDocument>();
const findings = new Map<string, Finding[]>();

beforeAll(async () => {
  for (const f of FILES) {
    const doc = await f.load();
    docs.set(f.name, doc);
    findings.set(f.name, lintDocument(doc, { config: everyRuleOn, ids: sequentialIds() }).findings);
  }
}, 300_000);

const messagesOf = (file: string, rule: string) => (findings.get(file) ?? []).filter((f) => f.ruleId === rule).map((f) => f.message);

describe('the review over the corpus', () => {
  it('pins the number of findings per rule per file', () => {
    if (!FILES.length) return;
    const fresh: Record<string, Record<string, number>> = {};
    for (const f of FILES) {
      const counts: Record<string, number> = {};
      for (const x of findings.get(f.name)!) counts[x.ruleId] = (counts[x.ruleId] ?? 0) + 1;
      fresh[f.name] = Object.fromEntries(Object.keys(counts).sort().map((k) => [k, counts[k]]));
    }
    if (process.env.UPDATE_PINS === '1') fs.writeFileSync(PINS, `${JSON.stringify(fresh, null, 2)}\n`);
    const recorded = JSON.parse(fs.readFileSync(PINS, 'utf8'));
    expect(fresh).toEqual(recorded);
  });

  it('gives every finding a key unique in its file and a message that names elements, not ids', () => {
    for (const [file, list] of findings) {
      expect(new Set(list.map((f) => f.key)).size, file).toBe(list.length);
      for (const f of list) expect(f.message, `${file} ${f.key}`).not.toMatch(/\b(tbl|col|rel|idx|uq|enum)_\d+\b/);
    }
  });

  it('applies every fix offered as one command that clears its finding', () => {
    let applied = 0;
    for (const [file, list] of findings) {
      const doc = docs.get(file)!;
      for (const f of list) {
        if (!f.fix) continue;
        const { doc: fixed } = applyCommand(doc, f.fix.command);
        const after = lintDocument(fixed, { rules: [ruleById(f.ruleId)!], config: everyRuleOn }).findings.map((x) => x.key);
        expect(after, `${file}: ${f.fix.title}`).not.toContain(f.key);
        applied++;
      }
    }
    if (FILES.length) expect(applied).toBeGreaterThan(100);
  }, 300_000);

  // Hand-checked: findings a reviewer agrees with (true positives that must stay) ...
  it.each([
    ['corpus/postgres/openstreetmap-structure.sql', 'fk-type-mismatch', 'issue_comments.user_id is integer but users.id is bigint: the two sides of issue_comments (user_id) -> users (id) should have the same type'],
    ['corpus/postgres/guacamole-create-schema.sql', 'nullable-column-in-unique-key', 'the unique key connection_group_name_parent on guacamole_connection_group (connection_group_name, parent_id) treats NULLs as distinct, so rows that repeat the other columns with no parent_id are all accepted'],
    ['corpus/mysql/sakila-schema.sql', 'required-reference-cycle', 'required foreign keys form the cycle staff -> store -> staff: none of these tables can receive its first row'],
    ['corpus/mysql/northwind-mywind.sql', 'duplicate-index', 'index id_2 (id) on purchase_orders repeats the primary key (id)'],
    ['corpus/prisma/umami-schema.prisma', 'redundant-index', 'index website_event_website_id_idx (website_id) on website_event is a leading part of index website_event_website_id_created_at_idx (website_id, created_at), which serves the same lookups'],
    ['corpus/prisma/umami-schema.prisma', 'reserved-word-name', 'table user is named with the PostgreSQL reserved word USER, so every query must quote it'],
    ['corpus/postgres/northwind-schema.sql', 'money-in-float', 'products.unit_price looks like an amount of money but is real, a floating-point type that rounds'],
    ['corpus/postgres/azimutt-structure.sql', 'id-column-without-relationship', 'events.project_id looks like a reference to projects (id), but no relationship says so'],
    ['corpus/dbml/dokploy-schema.dbml', 'one-to-one-not-unique', 'account (user_id) -> user_temp (id) is drawn one-to-one, but account (user_id) is not unique, so several rows may reference the same parent'],
    ['corpus/dbml/holistics-playground-ecommerce.dbml', 'unique-duplicated-by-index', 'unique index users_email_key (email) on users enforces the same uniqueness as unique constraint users_email_key (email)'],
  ])('%s: %s stays reported', (file, rule, message) => {
    if (!FILES.length) return;
    expect(messagesOf(file, rule)).toContain(message);
  });

  // ... and the false positives that made a rule narrower, which must not come back.
  it.each([
    // A table's own `<x>_id` key is its identity; `group` is not a table because another table ends in it.
    ['corpus/postgres/guacamole-create-schema.sql', 'id-column-without-relationship', /connection_group\.connection_group_id|history\.history_id/],
    // Vendor ids (qstash, resend, veriff, tremendous) point at other systems, not at same-named tables.
    ['corpus/prisma/dub-schema-folder/', 'id-column-without-relationship', /qstashMessageId|resendDomainId|veriffSessionId|tremendousCampaignId|shopifyStoreId/],
    // `healthCheckSwarm` is about health checks, `emailQuota` about email volume: not sensitive data.
    ['corpus/dbml/dokploy-schema.dbml', 'sensitive-column-unclassified', /healthCheckSwarm/],
    ['corpus/prisma/documenso-schema.prisma', 'sensitive-column-unclassified', /emailQuota|emailRateLimits|credentialPublicKey/],
    // The MySQL import declares the index InnoDB creates for an unindexed foreign key, so the design shows it.
    ['corpus/mysql/employees-schema.sql', 'fk-implicit-index', /dept_manager \(dept_no\)/],
    // A rate is a ratio, not an amount.
    ['corpus/postgres/northwind-schema.sql', 'money-in-float', /discount/],
    ['corpus/mysql/northwind-mywind.sql', 'money-in-float', /tax_rate/],
    // `User` must be quoted in PostgreSQL anyway (mixed case): its being reserved adds nothing.
    ['corpus/prisma/documenso-schema.prisma', 'reserved-word-name', /table User/],
    // Text keys are cheap on PostgreSQL (Prisma cuid ids).
    ['corpus/prisma/documenso-schema.prisma', 'text-primary-key', /./],
    // A column holding a row's public UUID is aptly named `uuid`.
    ['corpus/postgres/pagila-schema.sql', 'column-named-like-type', /\.uuid /],
  ])('%s: %s no longer reports %s', (file, rule, pattern) => {
    if (!FILES.length) return;
    expect(docs.has(file), file).toBe(true);
    expect(messagesOf(file, rule).filter((m) => pattern.test(m))).toEqual([]);
  });
});
