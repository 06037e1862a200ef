import { describe, expect, it } from 'vitest';
import { hostileNamesDocument } from '../model/fixtures/hostile-names';
import type { SchemaDocument } from '../model/document';
import { capacityDraft } from './capacity-sections';
import { draftFor } from './drafts';
import { generateDesignDoc } from './generate-design-doc';
import { checkDesignDocStructure } from './structure';
import { smallProjectDocument } from './small-project.fixture';

function withVolumes(): SchemaDocument {
  const doc = smallProjectDocument();
  doc.tables.t_users.volume = { rows: 2_000_000, growthPerMonth: 50_000, avgLength: { c_users_email: 28 } };
  doc.tables.t_orders.volume = { rows: 40_000_000, growthPerMonth: 3_000_000 };
  return doc;
}

/** The text of one section, up to the next heading of its level or above. */
function section(md: string, title: string): string {
  const start = md.indexOf(`${title}\n`);
  const rest = md.slice(start + title.length + 1);
  const next = rest.search(/^#{1,4} /m);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('capacity sections of the design document', () => {
  it('keep the generic drafts when no table declares volumes', () => {
    const doc = smallProjectDocument();
    for (const t of Object.values(doc.tables)) delete t.volume;
    for (const key of ['partitioning', 'backupRecovery', 'verticalScaling', 'horizontalScaling'] as const) expect(capacityDraft(key, doc, 'postgres')).toBeUndefined();
  });

  it.each(['postgres', 'mysql'] as const)('quote the computed sizes now and at 5 years (%s)', (dialect) => {
    const md = generateDesignDoc(withVolumes(), { dialect });
    expect(checkDesignDocStructure(md)).toEqual([]);
    const vertical = section(md, '### Vertical Scaling');
    expect(vertical).toMatch(/\| \*\*Total\*\* \| \*\*[\d.]+ (MB|GB)\*\* \| \*\*[\d.]+ GB\*\* \|/);
    expect(vertical).toMatch(/\| `orders` \| 40\.0 million \| 220\.0 million \|/);
    expect(vertical).toContain('Not declared (not sized): `profiles`.');
    const backup = section(md, '### Backup & Recovery');
    expect(backup).toMatch(/A full backup holds the data and indexes: [\d.]+ (MB|GB) now, [\d.]+ GB at 5 years/);
    expect(backup).toContain(dialect === 'postgres' ? 'the WAL adds about' : 'the binary log adds about');
    // The requirement-based sentences stay.
    expect(backup).toContain(draftFor('backupRecovery', withVolumes(), dialect)!.slice(0, 40));
    expect(section(md, '### Horizontal Scaling')).toMatch(/At 5 years the schema holds [\d.]+ GB, \d+ % of it in `orders`/);
  });

  it('the partitioning draft names the tables to partition, or says why none', () => {
    const doc = withVolumes();
    doc.tables.t_orders.partitioning = undefined;
    const text = capacityDraft('partitioning', doc, 'postgres')!;
    expect(text, text).toMatch(/1 table should be partitioned/);
    expect(text, text).toMatch(/\| `orders` \| 3\.0 million rows a month, append-only by placed\\_at/);
    const quiet = withVolumes();
    quiet.tables.t_orders.volume = { rows: 1000 };
    expect(capacityDraft('partitioning', quiet, 'postgres')).toMatch(/^No other table needs partitioning by the declared volumes: the largest, `users`, reaches/);
  });

  it('escapes hostile table names', () => {
    const doc = hostileNamesDocument();
    for (const t of Object.values(doc.tables)) t.volume = { rows: 1_000_000 };
    const md = generateDesignDoc(doc, { dialect: 'postgres' });
    expect(checkDesignDocStructure(md)).toEqual([]);
  });
});
