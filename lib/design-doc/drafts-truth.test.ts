/**
 * Drafts say only what is true (issue 16): the edge cases a design reviewer caught in generated text.
 */
import { describe, expect, it } from 'vitest';
import { generateDesignDoc } from './generate-design-doc';
import { smallProjectDocument } from './small-project.fixture';
import { emptyDocument } from '../model/empty';
import { NOT_YET_DECIDED } from './template';

function section(md: string, heading: string, next: string): string {
  return md.slice(md.indexOf(heading), md.indexOf(next));
}

describe('Migration Strategy', () => {
  it.each([
    ['a small project', smallProjectDocument()],
    ['an empty project', emptyDocument('postgres')],
  ])('%s: no "Not yet decided." between the generated steps', (_label, doc) => {
    const migration = section(generateDesignDoc(doc), '### Migration Strategy', '### Data Integrity');
    expect(migration).toContain('**Phase 1: Schema creation.**');
    expect(migration).toContain('**Rollback.**');
    expect(migration).not.toContain(NOT_YET_DECIDED);
  });

  it('the architect\'s text sits between the steps', () => {
    const doc = smallProjectDocument();
    doc.design.narrative.migrationStrategy = 'Blue/green with **pgcopydb**.';
    const migration = section(generateDesignDoc(doc), '### Migration Strategy', '### Data Integrity');
    expect(migration.indexOf('Phase 1')).toBeLessThan(migration.indexOf('Blue/green'));
    expect(migration.indexOf('Blue/green')).toBeLessThan(migration.indexOf('**Rollback.**'));
  });
});
