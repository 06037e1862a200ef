import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleCatalog } from './catalog';
import { RULES, ruleById } from './rules';
import { ruleCategories, severities } from './types';

describe('the rules as data', () => {
  it('has at least 30 rules with unique kebab-case ids, in every category', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(30);
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const c of ruleCategories) expect(RULES.some((r) => r.category === c), c).toBe(true);
    for (const id of ids) expect(ruleById(id)?.id).toBe(id);
  });

  it('documents every rule: title, rationale, suggestion, the peer rule it follows, options with defaults', () => {
    for (const r of RULES) {
      expect(severities).toContain(r.defaultSeverity);
      for (const text of [r.title, r.rationale, r.suggestion]) expect(text.trim().length, `${r.id}`).toBeGreaterThan(10);
      expect(r.sources.length, `${r.id} cites a source`).toBeGreaterThan(0);
      for (const [name, spec] of Object.entries(r.options ?? {})) {
        expect(spec.description.length, `${r.id}.${name}`).toBeGreaterThan(10);
        expect(typeof spec.default, `${r.id}.${name}`).toBe(spec.type);
      }
    }
  });

  it('ruleCatalog() carries the data the settings dialog needs', () => {
    const catalog = ruleCatalog();
    expect(catalog.map((e) => e.id)).toEqual(RULES.map((r) => r.id));
    const tooMany = catalog.find((e) => e.id === 'too-many-indexes')!;
    expect(tooMany).toMatchObject({ category: 'indexing', defaultSeverity: 'warning', optIn: false });
    expect(tooMany.options).toEqual([{ name: 'max', spec: expect.objectContaining({ type: 'number', default: 10 }) }]);
    expect(catalog.find((e) => e.id === 'naming-case')?.optIn).toBe(true);
    expect(catalog.find((e) => e.id === 'fk-without-index')?.fix).toMatch(/index/);
    // Plain data: it survives JSON (the API and the CLI send it).
    expect(JSON.parse(JSON.stringify(catalog))).toEqual(catalog);
  });

  it('every rule has a table-driven case (lib/review/rules/*.test.ts)', () => {
    const dir = join(__dirname, 'rules');
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const missing = RULES.filter((r) => !text.includes(`rule: '${r.id}'`)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
});
