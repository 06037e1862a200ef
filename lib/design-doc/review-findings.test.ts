import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../model/build';
import { sequentialIds } from '../model/ids';
import type { SchemaDocument } from '../model/document';
import { generateDesignDoc } from './generate-design-doc';
import { checkDesignDocStructure } from './structure';
import { REVIEW_ROWS_PER_SECTION } from './review-findings';
import { onlyShopRules } from '../review/report/shop.test-support';

/** `n` keyless tables named by `name(i)`, each with an unindexed foreign key to the first. */
function keyless(n: number, name: (i: number) => string = (i) => `t${i}`): SchemaDocument {
  const ids = sequentialIds();
  const parent = makeTable({ id: 'p', name: 'parent', columns: [makeColumn({ id: 'p_id', name: 'id', type: scalar('bigint'), nullable: false }, ids)], primaryKey: { columnIds: ['p_id'] } }, ids);
  const tables = [parent];
  const relationships = [];
  for (let i = 0; i < n; i++) {
    tables.push(makeTable({ id: `t${i}`, name: name(i), columns: [makeColumn({ id: `c${i}`, name: 'parent_id', type: scalar('bigint'), nullable: false }, ids)] }, ids));
    relationships.push(makeRelationship({ id: `r${i}`, fromTableId: `t${i}`, toTableId: 'p', columnPairs: [{ fromColumnId: `c${i}`, toColumnId: 'p_id' }] }, ids));
  }
  const doc = documentOf({ tables, relationships });
  // Only the two rules these tests are about: the tests stay about where findings go.
  doc.review = onlyShopRules();
  return doc;
}

/** The text of one level-3/4 section, up to the next heading of any level. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`${heading}\n`);
  const rest = md.slice(start + heading.length);
  return rest.slice(0, rest.search(/\n#{1,4} /));
}

describe('the design review in DATABASE_DESIGN.md', () => {
  it('puts integrity findings under Data Integrity, indexing findings under Index Strategy, counts in the Executive Summary', () => {
    const md = generateDesignDoc(keyless(1));
    expect(section(md, '## Executive Summary')).toContain('**Design review:** 1 error, 1 warning open, listed under Data Integrity and Index Strategy.');
    expect(section(md, '### Data Integrity')).toContain('| Error | `no-primary-key` Table without a primary key | t0 | t0 has no primary key, so its rows cannot be addressed one by one |');
    expect(section(md, '#### Index Strategy')).toContain('| Warning | `fk-without-index` Foreign key without a supporting index | t0 → parent | no index on t0 (parent\\_id) supports the foreign key to parent |');
    expect(section(md, '### Security')).not.toContain('Design review');
    expect(checkDesignDocStructure(md)).toEqual([]);
  });

  it('lists waivers as accepted risks with their rationale, escaped, and stale waivers by key', () => {
    const doc = keyless(1, () => '<img src=x onerror=alert(1)> | # t');
    doc.review = {
      ...doc.review,
      waivers: [
        { key: 'no-primary-key:t0', ruleId: 'no-primary-key', rationale: 'Staging *table*\n# loaded | then [dropped](javascript:alert(1)) <script>x</script>', author: 'Bob' },
        { key: 'fk-without-index:gone', ruleId: 'fk-without-index', rationale: 'old' },
      ],
    };
    const md = generateDesignDoc(doc);
    const summary = section(md, '## Executive Summary');
    expect(summary).toContain('**Design review:** 1 warning open, listed under Index Strategy; 1 accepted risk below.');
    expect(summary).toContain('**Key decisions and trade-offs: accepted risks**');
    expect(summary).toContain(
      '| `no-primary-key` Table without a primary key | &lt;img src=x onerror=alert(1)&gt; \\| # t: &lt;img src=x onerror=alert(1)&gt; \\| # t has no primary key, so its rows cannot be addressed one by one | Staging \\*table\\*<br># loaded \\| then \\[dropped\\](javascript:alert(1)) &lt;script&gt;x&lt;/script&gt; | Bob |',
    );
    expect(summary).toContain('Waivers whose finding no longer occurs (the design changed since): `fk-without-index` (`fk-without-index:gone`).');
    expect(md).not.toContain('<script>');
    expect(section(md, '### Data Integrity')).toContain('1 finding of this kind is accepted as a risk: see the [Executive Summary](#executive-summary).');
    expect(checkDesignDocStructure(md)).toEqual([]);
  });

  it('shows at most REVIEW_ROWS_PER_SECTION findings per section and says how many more', () => {
    const n = REVIEW_ROWS_PER_SECTION + 7;
    const integrity = section(generateDesignDoc(keyless(n)), '### Data Integrity');
    expect(integrity.split('\n').filter((l) => l.startsWith('| Error |'))).toHaveLength(REVIEW_ROWS_PER_SECTION);
    expect(integrity).toContain(`**Design review findings** (${n} errors)`);
    expect(integrity).toContain('… and 7 more findings: run `draftbase lint` for the full list.');
  });
});
