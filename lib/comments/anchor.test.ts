import { describe, expect, it } from 'vitest';
import { anchorKey, anchorLabel, anchorTableId, commentAnchorSchema, isOrphaned, withLabel, type AnchorTarget } from './anchor';
import { DESIGN_SECTIONS, sectionOfHeading } from './sections';
import { shop } from './fixture.test-support';

const targets: Array<[AnchorTarget, string]> = [
  [{ kind: 'table', tableId: 'tbl_orders' }, 'orders'],
  [{ kind: 'column', tableId: 'tbl_orders', columnId: 'col_customer' }, 'orders.customer_id'],
  [{ kind: 'relationship', relationshipId: 'rel_oc' }, 'orders(customer_id) → customers(id)'],
  [{ kind: 'index', tableId: 'tbl_orders', indexId: 'idx_customer' }, 'orders_customer_id_idx'],
  [{ kind: 'section', slug: 'index-strategy' }, 'Index Strategy'],
];

describe('anchors', () => {
  it.each(targets)('labels %j as %s and is not orphaned while the element exists', (target, label) => {
    const doc = shop();
    const anchor = withLabel(target, doc)!;
    expect(anchor.label).toBe(label);
    expect(anchorLabel(anchor, doc)).toBe(label);
    expect(isOrphaned(anchor, doc)).toBe(false);
    expect(commentAnchorSchema.parse(anchor)).toEqual(anchor);
  });

  it('follows a rename (the label is the current name) and keeps the stored label once the element is removed', () => {
    const doc = shop();
    const anchor = withLabel({ kind: 'column', tableId: 'tbl_orders', columnId: 'col_customer' }, doc)!;
    doc.tables.tbl_orders.columns[1].name = 'buyer_id';
    expect(anchorLabel(anchor, doc)).toBe('orders.buyer_id');
    doc.tables.tbl_orders.columns.splice(1, 1);
    expect(isOrphaned(anchor, doc)).toBe(true);
    expect(anchorLabel(anchor, doc)).toBe('orders.customer_id');
  });

  it('orphans every kind whose element is gone; an unknown section slug too', () => {
    const doc = shop();
    const anchors = targets.map(([t]) => withLabel(t, doc)!);
    delete doc.tables.tbl_orders;
    delete doc.relationships.rel_oc;
    expect(anchors.map((a) => isOrphaned(a, doc))).toEqual([true, true, true, true, false]);
    expect(isOrphaned({ kind: 'section', slug: 'no-such-section' }, doc)).toBe(true);
    expect(withLabel({ kind: 'table', tableId: 'tbl_gone' }, doc)).toBeUndefined();
  });

  it('keys threads by element and finds the table that carries the marker', () => {
    const doc = shop();
    expect(targets.map(([t]) => anchorKey(t))).toEqual(['table:tbl_orders', 'column:tbl_orders:col_customer', 'relationship:rel_oc', 'index:tbl_orders:idx_customer', 'section:index-strategy']);
    expect(targets.map(([t]) => anchorTableId(t, doc))).toEqual(['tbl_orders', 'tbl_orders', 'tbl_orders', 'tbl_orders', undefined]);
  });

  it('refuses malformed anchors and cleans the stored label to one bounded line', () => {
    expect(commentAnchorSchema.safeParse({ kind: 'table', tableId: '', label: 'x' }).success).toBe(false);
    expect(commentAnchorSchema.safeParse({ kind: 'table', tableId: 't', label: 'x', extra: 1 }).success).toBe(false);
    expect(commentAnchorSchema.safeParse({ kind: 'view', viewId: 'v', label: 'x' }).success).toBe(false);
    expect(commentAnchorSchema.safeParse({ kind: 'section', slug: '../../etc', label: 'x' }).success).toBe(false);
    expect(commentAnchorSchema.safeParse({ kind: 'table', tableId: 't', label: ' \n ' }).success).toBe(false);
    const parsed = commentAnchorSchema.parse({ kind: 'table', tableId: 't', label: `a\nb<script>${'x'.repeat(400)}` });
    expect(parsed.label).toMatch(/^a b<script>x+$/);
    expect(parsed.label.length).toBe(300);
  });

  it('names every template section below the title by its GitHub slug', () => {
    expect(DESIGN_SECTIONS.find((s) => s.title === 'Backup & Recovery')?.slug).toBe('backup--recovery');
    expect(sectionOfHeading('Index Strategy')?.slug).toBe('index-strategy');
    expect(sectionOfHeading('orders')).toBeUndefined();
    expect(new Set(DESIGN_SECTIONS.map((s) => s.slug)).size).toBe(DESIGN_SECTIONS.length);
  });
});
