import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { documentOf, makeColumn, makeTable, scalar } from '../model/build';
import type { ColumnProtection, DataClassification } from '../model/document';
import { classifiedColumnsBlock, retentionNote } from './security-section';
import { generateDesignDoc } from './generate-design-doc';
import { loadDocument } from '../model/migrate';

function users(classification: DataClassification | undefined, protection?: ColumnProtection, name = 'email') {
  return documentOf({ dialect: 'postgres', tables: [makeTable({ id: 't', name: 'users', columns: [makeColumn({ id: 'c', name, type: scalar('text'), classification, protection })] })] });
}

describe('classified data in the Security section', () => {
  it.each([
    ['not classified: nothing listed', users(undefined), undefined],
    ['internal: not protected data', users('internal'), undefined],
    ['personal, nothing decided', users('personal'), '| `users.email` | Personal data | not decided | not decided | not decided | not decided |'],
    ['personal, fully decided', users('personal', { encryption: 'column', masking: 'fake', accessRole: 'support', retentionMonths: 24 }), '| `users.email` | Personal data | column-level | replaced with fake data | support | 2 years |'],
    ['secret with a 3-month retention', users('special', { retentionMonths: 3 }, 'api_token'), '| `users.api_token` | Special category / secret | not decided | not decided | not decided | 3 months |'],
  ])('%s', (_label, doc, row) => {
    const block = classifiedColumnsBlock(doc);
    if (row === undefined) expect(block).toBeUndefined();
    else expect(block).toContain(row);
  });

  it('counts the columns whose protection is not decided', () => {
    expect(classifiedColumnsBlock(users('personal'))).toContain('1 of 1 classified column has protection not decided yet.');
    expect(classifiedColumnsBlock(users('personal', { encryption: 'at-rest', masking: 'redact', accessRole: 'app' }))).not.toContain('not decided yet');
  });

  it('Backup & Recovery names the shortest retention', () => {
    expect(retentionNote(users('personal'))).toBeUndefined();
    expect(retentionNote(users('personal', { retentionMonths: 18 }))).toContain('the shortest: 18 months');
    const md = generateDesignDoc(users('personal', { retentionMonths: 12 }));
    const backup = md.slice(md.indexOf('### Backup & Recovery'), md.indexOf('### Monitoring'));
    expect(backup).toContain('Backups must expire within that time');
    const security = md.slice(md.indexOf('### Security'), md.indexOf('## Scalability Plan'));
    expect(security).toContain('**Classified data** (1 column)');
  });

  it('hostile column names stay text', () => {
    const html = marked.parse(classifiedColumnsBlock(users('personal', { accessRole: '<img src=x onerror=alert(1)>' }, '<script>x</script>'))!, { async: false });
    expect(html).not.toMatch(/<script|<img/);
  });

  it('the load gate checks protection', () => {
    const doc = users('personal', { retentionMonths: 24 });
    (doc.tables.t.columns[0].protection as Record<string, unknown>).masking = 'scramble';
    const r = loadDocument(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].path).toBe('tables.t.columns.0.protection.masking');
  });
});
