/**
 * docs/review-rules.md is generated from the rule data: this test fails when a rule changes and the
 * file was not regenerated (UPDATE_PINS=1 npx vitest run lib/review/reference.test.ts rewrites it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleCatalog } from './catalog';
import { RULES_REFERENCE_PATH, rulesReferenceMarkdown } from './reference';

const file = path.join(__dirname, '..', '..', RULES_REFERENCE_PATH);

describe('the rules reference', () => {
  it(`${RULES_REFERENCE_PATH} is current`, () => {
    const text = rulesReferenceMarkdown();
    if (process.env.UPDATE_PINS === '1') fs.writeFileSync(file, text);
    expect(fs.readFileSync(file, 'utf8'), 'regenerate with UPDATE_PINS=1 npx vitest run lib/review/reference.test.ts').toBe(text);
  });

  it('lists every rule with its severity, fix and sources', () => {
    const text = rulesReferenceMarkdown();
    for (const r of ruleCatalog()) {
      expect(text).toContain(`### ${r.id}: `);
      expect(text).toContain(`| \`${r.id}\` | ${r.category} | ${r.defaultSeverity} |`);
    }
    expect(text).toMatch(/- Follows: tbls lint requireForeignKeyIndex; Azimutt analyze index-on-relation/);
    expect(text).toMatch(/- Options: `max` \(number, default `10`\): /);
  });

  it('escapes rule text as Markdown (code spans stay code)', () => {
    const text = rulesReferenceMarkdown([{ id: 'x', title: 'a | b', category: 'naming', defaultSeverity: 'info', rationale: 'use `a|b` <b>now</b>', suggestion: 'n/a here', sources: ['s'], optIn: false }]);
    expect(text).toContain('### x: a \\| b');
    expect(text).toContain('- Why: use `a|b` &lt;b&gt;now&lt;/b&gt;');
  });
});
