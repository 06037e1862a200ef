import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import mermaid from 'mermaid';
import { generateDdl } from '../ddl/generate-ddl';
import { indexStrategy } from '../index-strategy/index-strategy';
import { emptyDocument } from '../model/empty';
import { hostileNamesDocument } from '../model/fixtures/hostile-names';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { narrativeSectionKeys } from '../model/document';
import { draftFor } from './drafts';
import { DRAFT_NOTE, generateDesignDoc } from './generate-design-doc';
import { checkDesignDocStructure, codeBlocks, firstTableRows, headingsOf } from './structure';
import { smallProjectDocument } from './small-project.fixture';
import { NOT_YET_DECIDED, TEMPLATE_HEADINGS } from './template';
import { capacityDraft } from './capacity-sections';

const GOLDEN = path.join(__dirname, '__golden__');

function golden(name: string, actual: string) {
  const file = path.join(GOLDEN, name);
  // Goldens are written only on request: a missing one is a failure, never a silent pass.
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  expect(fs.existsSync(file), `${name} is missing: run UPDATE_GOLDEN=1 npx vitest run lib/design-doc/design-doc.test.ts and review it`).toBe(true);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

describe('generateDesignDoc: golden files of a small project', () => {
  it.each(['postgres', 'mysql', 'sqlite'] as const)('%s', (dialect) => {
    golden(`small-project.${dialect}.md`, generateDesignDoc(smallProjectDocument(), { dialect, projectName: 'Shop', versionName: 'v1.2', date: '2026-12-04' }));
  });
  it('an empty project', () => {
    golden('empty-project.md', generateDesignDoc(emptyDocument('postgres')));
  });
});

describe('generateDesignDoc: structure', () => {
  const cases = [
    ['small project', smallProjectDocument()],
    ['kitchen sink', kitchenSinkDocument()],
    ['hostile names', hostileNamesDocument()],
    ['empty', emptyDocument('postgres')],
  ] as const;

  it.each(cases)('%s: every template heading in order at its level, and no other heading up to level 4', (_name, doc) => {
    for (const dialect of ['postgres', 'mysql', 'sqlite'] as const) {
      const md = generateDesignDoc(doc, { dialect });
      expect(checkDesignDocStructure(md)).toEqual([]);
      expect(headingsOf(md).filter((h) => h.level <= 4)).toEqual(TEMPLATE_HEADINGS.map((h) => ({ level: h.level, text: h.text })));
    }
  });

  it.each(cases)('%s: the Schema Design block is exactly the SQL export', (_name, doc) => {
    for (const dialect of ['postgres', 'mysql', 'sqlite'] as const) {
      const md = generateDesignDoc(doc, { dialect });
      const sql = codeBlocks(md).filter((b) => b.info === 'sql');
      expect(sql[0].content).toBe(generateDdl(doc, dialect).sql);
    }
  });

  it.each(cases)('%s: one index-table row per index of the model (keys included)', (_name, doc) => {
    const md = generateDesignDoc(doc, { dialect: 'postgres' });
    const section = md.slice(md.indexOf('#### Index Strategy'), md.indexOf('#### Partitioning Strategy'));
    // The index table is the section's first table (the design review's findings may follow it).
    const rows = firstTableRows(section);
    let expected = 0;
    for (const t of Object.values(doc.tables)) expected += t.indexes.length + t.uniques.length + (t.primaryKey ? 1 : 0);
    expect(Math.max(rows, 0)).toBe(expected);
    expect(indexStrategy(doc, 'postgres').length).toBe(expected);
  });

  it.each(cases)('%s: every mermaid block parses and is under 50,000 characters', async (_name, doc) => {
    for (const block of codeBlocks(generateDesignDoc(doc)).filter((b) => b.info === 'mermaid')) {
      expect(block.content.length).toBeLessThan(50_000);
      await expect(mermaid.parse(block.content)).resolves.toBeTruthy();
    }
  });

  it('is deterministic', () => {
    expect(generateDesignDoc(kitchenSinkDocument())).toBe(generateDesignDoc(kitchenSinkDocument()));
  });
});

describe('narrative sections', () => {
  it('an unwritten section without a draft says "Not yet decided." and no template placeholder remains', () => {
    const md = generateDesignDoc(emptyDocument('postgres'));
    const sections = md.split(/\n(?=#{2,4} )/);
    const caching = sections.find((s) => s.startsWith('### Caching Strategy'));
    expect(caching?.trim()).toBe(`### Caching Strategy\n\n${NOT_YET_DECIDED}`);
    for (const placeholder of ['- System overview and data requirements', '[ERD diagram showing entities and relationships]', '- Pool sizing calculations', 'idx_users_email', '-- Core schema definitions', '- Upgrade paths']) {
      expect(md).not.toContain(placeholder);
    }
  });

  it('written text is exported as written; its headings are moved below the section; an open fence is closed', () => {
    const doc = smallProjectDocument();
    doc.design.narrative.security = 'We use **TLS 1.3**.\n\n## Access\n\n```sql\nGRANT SELECT ON users TO app;';
    const md = generateDesignDoc(doc);
    expect(md).toContain('We use **TLS 1.3**.\n\n##### Access\n\n```sql\nGRANT SELECT ON users TO app;\n```');
    expect(checkDesignDocStructure(md)).toEqual([]);
  });

  it('drafts come from requirements and the model, marked as drafts', () => {
    const doc = smallProjectDocument();
    expect(draftFor('security', doc)).toContain('Restrict the classified column above');
    expect(draftFor('backupRecovery', doc)).toContain('5 minutes');
    expect(draftFor('connectionManagement', doc)).toContain('2 to 4 connections per core');
    expect(draftFor('caching', emptyDocument('postgres'))).toBeUndefined();
    // With volumes declared, Backup & Recovery's draft is the capacity plan's; it keeps the RPO sentence.
    const backup = capacityDraft('backupRecovery', doc, 'postgres') ?? draftFor('backupRecovery', doc);
    expect(backup).toContain('Recovery point objective: 5 minutes.');
    expect(generateDesignDoc(doc)).toContain(`${backup}\n\n${DRAFT_NOTE}`);
    for (const key of narrativeSectionKeys) expect(() => draftFor(key, doc)).not.toThrow();
  });
});

describe('hostile names and comments are escaped outside code', () => {
  it('no raw HTML, no broken table rows', () => {
    const doc = hostileNamesDocument();
    const t = Object.values(doc.tables)[0];
    t.comment = '<script>window.__pwned=1</script> | `tick` \n# heading';
    t.columns[1].comment = '<img src=x onerror="window.__pwned=1"> | pipe';
    doc.design.requirements.notes = { latencyTarget: '<b>fast</b> | now' };
    const md = generateDesignDoc(doc);
    const outsideCode = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
    expect(outsideCode).not.toMatch(/<script|<img|<b>/);
    expect(outsideCode).toContain('&lt;script&gt;');
    expect(checkDesignDocStructure(md)).toEqual([]);
    // Every table row of the data dictionaries has the header's number of cells.
    for (const table of outsideCode.split(/\n\n/).filter((b) => b.startsWith('| '))) {
      const lines = table.split('\n');
      const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      for (const l of lines) expect(cells(l)).toBe(cells(lines[0]));
    }
  });
});

describe('generateDesignDoc: unnamed indexes and uniques', () => {
  it('name them as the DDL does, following their columns', () => {
    const doc = smallProjectDocument();
    const users = Object.values(doc.tables).find((t) => t.name === 'users')!;
    const [first, second] = users.columns.filter((c) => !users.primaryKey?.columnIds.includes(c.id));
    users.indexes.push({ id: 'ix_unnamed', unique: true, parts: [{ kind: 'column', columnId: first.id }] });
    const before = generateDesignDoc(doc, { dialect: 'postgres' });
    expect(before).toContain(`users_${first.name}_idx`);
    users.indexes[users.indexes.length - 1].parts = [{ kind: 'column', columnId: second.id }];
    const after = generateDesignDoc(doc, { dialect: 'postgres' });
    expect(after).toContain(`users_${second.name}_idx`);
    expect(after).not.toContain(`users_${first.name}_idx`);
    expect(generateDdl(doc, 'postgres').sql).toContain(`"users_${second.name}_idx"`);
  });
});
