import { describe, expect, it } from 'vitest';
import { applyCommand } from '@/lib/model/commands/apply';
import { kitchenSinkDocument } from '@/lib/model/fixtures/kitchen-sink';
import { compareSides, focusForEntry, slug } from './review';
import { DIFF_COLORS } from './diff-context';

describe('compareSides', () => {
  it('colours changed tables and focuses a changed column on its table', () => {
    const v1 = kitchenSinkDocument();
    const email = v1.tables.t_customers.columns.find((c) => c.name === 'email')!;
    const v2 = applyCommand(v1, { type: 'column.update', tableId: 't_customers', columnId: email.id, changes: { name: 'mail' } }).doc;
    const c = compareSides(v1, v2);
    expect(c.doc.layout.tables.t_customers.color).toBe(DIFF_COLORS.changed);
    expect(c.doc.layout.tables.t_orders?.color).toBe(v2.layout.tables.t_orders?.color);
    const entry = c.diff.entries.find((e) => e.kind === 'column')!;
    expect(focusForEntry(entry, c.doc)).toEqual({ selection: { kind: 'column', tableId: 't_customers', columnId: email.id }, tableIds: ['t_customers'] });
  });

  it('slugs labels for file names', () => {
    expect(slug('Release 1.2 (Dec 4)')).toBe('release-1-2-dec-4');
    expect(slug('///')).toBe('version');
  });
});
