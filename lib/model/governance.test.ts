import { describe, expect, it } from 'vitest';
import { applyCommand } from './commands/apply';
import { commandsFixture } from './commands/test-fixture';
import { CommandError } from './commands/errors';
import { designFingerprint, effectiveStatus, fnv1a64 } from './design-fingerprint';
import { loadDocument } from './migrate';
import type { SchemaDocument } from './document';

/** FNV-1a 64 written the obvious way, with BigInt. */
function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

function approved(): SchemaDocument {
  let doc = commandsFixture();
  doc = applyCommand(doc, { type: 'governance.setMeta', changes: { authors: ['Ada'], reviewers: ['Grace', 'Linus'] } }).doc;
  return applyCommand(doc, { type: 'governance.approve', reviewer: 'Grace', at: '2026-12-04T10:00:00Z', versionName: 'v1.0' }).doc;
}

describe('design fingerprint', () => {
  it.each(['', 'a', '{}', 'order_items', 'ünïcødé ✓', 'x'.repeat(10_000)])('is FNV-1a 64 of %#', (text) => {
    expect(fnv1a64(text)).toBe(reference(text));
  });

  it('ignores key order, layout and the governance record; sees any other change', () => {
    const doc = commandsFixture();
    const base = designFingerprint(doc);
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(doc) as SchemaDocument;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(doc)[0]);
    expect(designFingerprint(reordered)).toBe(base);
    const moved = applyCommand(doc, { type: 'layout.moveTables', positions: { t_users: { x: 999, y: 1 } } }).doc;
    expect(designFingerprint(moved)).toBe(base);
    const governed = applyCommand(doc, { type: 'governance.setMeta', changes: { authors: ['Ada'] } }).doc;
    expect(designFingerprint(governed)).toBe(base);
    const narrated = applyCommand(doc, { type: 'design.setNarrative', section: 'caching', markdown: 'Redis' }).doc;
    expect(designFingerprint(narrated)).not.toBe(base);
    const renamed = applyCommand(doc, { type: 'table.update', tableId: 't_users', changes: { name: 'people' } }).doc;
    expect(designFingerprint(renamed)).not.toBe(base);
  });
});

describe('design fingerprint across edits (per-element hashes cached by identity)', () => {
  it('after edits it equals the fingerprint of a fresh copy, and it follows each edit', () => {
    let doc = commandsFixture();
    const seen = new Set([designFingerprint(doc)]);
    const col = doc.tables.t_users.columns[0].id;
    for (const command of [
      { type: 'table.update', tableId: 't_users', changes: { comment: 'one' } },
      { type: 'column.update', tableId: 't_users', columnId: col, changes: { comment: 'two' } },
      { type: 'table.update', tableId: 't_users', changes: { comment: undefined } },
    ] as const) {
      doc = applyCommand(doc, command).doc;
      const cached = designFingerprint(doc);
      expect(cached).toBe(designFingerprint(structuredClone(doc)));
      seen.add(cached);
    }
    // Back to the first comment state only for the table; the column comment still differs.
    expect(seen.size).toBe(4);
  });
});

describe('sign-off', () => {
  it('a named reviewer approves; the approval records who, when, the version and survives save and load', () => {
    const doc = approved();
    expect(effectiveStatus(doc)).toEqual({ status: 'approved', staleApproval: false });
    expect(doc.governance?.approval).toMatchObject({ reviewer: 'Grace', at: '2026-12-04T10:00:00Z', versionName: 'v1.0' });
    const loaded = loadDocument(JSON.parse(JSON.stringify(doc)));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(effectiveStatus(loaded.document).status).toBe('approved');
  });

  it('any later change to the design moves it back to draft; moving tables does not', () => {
    const doc = approved();
    const moved = applyCommand(doc, { type: 'layout.moveTables', positions: { t_users: { x: 5, y: 5 } } }).doc;
    expect(effectiveStatus(moved).status).toBe('approved');
    const changed = applyCommand(doc, { type: 'column.update', tableId: 't_users', columnId: doc.tables.t_users.columns[0].id, changes: { comment: 'changed' } }).doc;
    expect(effectiveStatus(changed)).toEqual({ status: 'draft', staleApproval: true });
  });

  it('only a reviewer named in the front matter can approve', () => {
    const doc = applyCommand(commandsFixture(), { type: 'governance.setMeta', changes: { reviewers: ['Grace'] } }).doc;
    expect(() => applyCommand(doc, { type: 'governance.approve', reviewer: 'Mallory', at: '2026-12-04T10:00:00Z' })).toThrow(CommandError);
    expect(() => applyCommand(doc, { type: 'governance.approve', reviewer: 'Mallory', at: '2026-12-04T10:00:00Z' })).toThrow(/not one/);
  });

  it('approved is not a status one sets by hand, and a status change withdraws an approval', () => {
    const doc = approved();
    expect(() => applyCommand(doc, { type: 'governance.setMeta', changes: { status: 'approved' as never } })).toThrow(CommandError);
    const back = applyCommand(doc, { type: 'governance.setMeta', changes: { status: 'in-review' } }).doc;
    expect(back.governance?.approval).toBeUndefined();
    expect(effectiveStatus(back).status).toBe('in-review');
  });

  it('a stored document claiming approval without an approval record reads as a draft', () => {
    const doc = { ...commandsFixture(), governance: { status: 'approved' as const } };
    expect(effectiveStatus(doc).status).toBe('draft');
  });
});

describe('decision records and risks in the load gate', () => {
  it.each([
    ['a decision without a title', { decisions: [{ id: 'd', title: ' ', status: 'accepted', alternatives: [], elements: [] }] }, 'governance.decisions.0.title'],
    ['a decision date that is not a date', { decisions: [{ id: 'd', title: 'x', status: 'accepted', date: 'tomorrow', alternatives: [], elements: [] }] }, 'governance.decisions.0.date'],
    ['an unknown risk status', { risks: [{ id: 'r', kind: 'risk', title: 'x', status: 'maybe' }] }, 'governance.risks.0.status'],
    ['an approval with a forged fingerprint', { approval: { reviewer: 'G', at: 'now', fingerprint: 'zz' } }, 'governance.approval.fingerprint'],
  ])('rejects %s with its path', (_label, governance, path) => {
    const r = loadDocument({ ...commandsFixture(), governance });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(path);
  });
});
