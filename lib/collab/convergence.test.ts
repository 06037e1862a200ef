/**
 * Property tests of the binding: random interleavings of commands from 2 and 3 replicas, their
 * updates delivered in random orders, applied in causal order (CausalInbox, as the sync server
 * relays them), one replica possibly offline for the whole run and merged at the end. After
 * everything is delivered:
 *
 * - convergence: every replica reads byte-identical JSON, and its store holds exactly that document;
 * - validity: the converged document passes loadDocument (fromYDoc) and integrity, and needs no repair;
 * - no lost edits, defined over the operations that succeeded on their replica (causality from Yjs
 *   state vectors: op a happened before op b when b's replica had a's update when b was made):
 *   - every table, column, relationship, index added is present, unless a removal of it (or of its
 *     table, or of a column it is built on) was made by anyone;
 *   - for every name or comment written (table rename, column rename or comment) whose element is
 *     present, the final value is the value of one of the writes to it that no other write followed
 *     (concurrent writes: one of them wins, the same one everywhere; a write followed by another
 *     is superseded);
 *   - every token typed into a narrative section is in the final text, whole and once, unless
 *     someone cleared that section after seeing it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { CommandError, type Command } from '../model/commands/apply';
import { commandsFixture } from '../model/commands/test-fixture';
import type { SchemaDocument, Table } from '../model/document';
import { integrityIssues } from '../model/validate';
import { CausalInbox } from './causal-inbox';
import { CollabReplica } from './replica';
import { repairMerged } from './repair';
import { fromYDoc, readYDoc, toYDoc } from './y-document';

const KINDS = [
  'table.add', 'table.rename', 'table.remove', 'column.add', 'column.rename', 'column.comment', 'column.nullable', 'column.type',
  'column.remove', 'column.move', 'relationship.add', 'relationship.remove', 'index.add', 'index.remove', 'narrative.type', 'narrative.clear',
] as const;
type Kind = (typeof KINDS)[number];
const SECTIONS = ['executiveSummary', 'security'] as const;
const TYPES = ['integer', 'bigint', 'text', 'uuid'] as const;

interface Intent { kind: Kind; a: number; b: number; c: number; d: number }

const intentArb: fc.Arbitrary<Intent> = fc.record({
  // Typing and column edits are the common case; removals are rarer, as in real sessions.
  kind: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<Kind>('column.add', 'column.rename', 'column.comment', 'narrative.type', 'table.rename', 'relationship.add', 'index.add', 'column.move') },
    { weight: 1, arbitrary: fc.constantFrom<Kind>(...KINDS) },
  ),
  a: fc.nat(), b: fc.nat(), c: fc.nat(), d: fc.nat(),
});

type Step = { kind: 'edit'; replica: number; intent: Intent } | { kind: 'deliver'; replica: number; pick: number };

const stepArb = (replicas: number): fc.Arbitrary<Step> => fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), replica: fc.nat(replicas - 1), intent: intentArb }),
  fc.record({ kind: fc.constant('deliver' as const), replica: fc.nat(replicas - 1), pick: fc.nat() }),
);

// ---------------------------------------------------------------------------------------------
// Commands from intents, against the replica's current document

const at = <T,>(items: readonly T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);

function commandFor(doc: SchemaDocument, intent: Intent, tag: string): { command: Command; claim?: Claim } | undefined {
  const tables = Object.values(doc.tables);
  const t = at(tables, intent.a);
  const col = t && at(t.columns, intent.b);
  switch (intent.kind) {
    case 'table.add': {
      const id = `t_${tag}`;
      const table: Table = {
        id, name: `tbl_${tag}`, uniques: [], checks: [], indexes: [],
        columns: [{ id: `c_${tag}_id`, name: 'id', type: { kind: 'scalar', name: 'bigint' }, nullable: false, default: { kind: 'none' } }],
        primaryKey: { columnIds: [`c_${tag}_id`] },
      };
      return { command: { type: 'table.add', table, position: { x: intent.b % 500, y: intent.c % 500 } }, claim: { kind: 'table', tableId: id } };
    }
    case 'table.rename':
      return t && { command: { type: 'table.update', tableId: t.id, changes: { name: `${t.name.split('~')[0]}~${tag}` } }, claim: { kind: 'field', path: ['tables', t.id, 'name'], value: `${t.name.split('~')[0]}~${tag}` } };
    case 'table.remove':
      return t && { command: { type: 'table.remove', tableId: t.id }, claim: { kind: 'removeTable', tableId: t.id } };
    case 'column.add': {
      if (!t) return undefined;
      const id = `c_${tag}`;
      return {
        command: { type: 'column.add', tableId: t.id, index: intent.c % (t.columns.length + 1), column: { id, name: `col_${tag}`, type: { kind: 'scalar', name: 'text' }, nullable: true, default: { kind: 'none' } } },
        claim: { kind: 'column', tableId: t.id, columnId: id },
      };
    }
    case 'column.rename': {
      if (!t || !col) return undefined;
      const name = `${col.name.split('~')[0]}~${tag}`;
      return { command: { type: 'column.update', tableId: t.id, columnId: col.id, changes: { name } }, claim: { kind: 'field', path: ['tables', t.id, 'columns', col.id, 'name'], value: name } };
    }
    case 'column.comment':
      return t && col && { command: { type: 'column.update', tableId: t.id, columnId: col.id, changes: { comment: `note ${tag}` } }, claim: { kind: 'field', path: ['tables', t.id, 'columns', col.id, 'comment'], value: `note ${tag}` } };
    case 'column.nullable':
      return t && col && { command: { type: 'column.update', tableId: t.id, columnId: col.id, changes: { nullable: !col.nullable } } };
    case 'column.type':
      return t && col && { command: { type: 'column.update', tableId: t.id, columnId: col.id, changes: { type: { kind: 'scalar', name: at(TYPES, intent.c)! } } } };
    case 'column.remove':
      return t && col && { command: { type: 'column.remove', tableId: t.id, columnId: col.id }, claim: { kind: 'removeColumn', tableId: t.id, columnId: col.id } };
    case 'column.move':
      return t && col && { command: { type: 'column.move', tableId: t.id, columnId: col.id, toIndex: intent.c % t.columns.length } };
    case 'relationship.add': {
      const to = at(tables, intent.c);
      const toCol = to && at(to.columns, intent.d);
      if (!t || !col || !to || !toCol) return undefined;
      const id = `r_${tag}`;
      return {
        command: { type: 'relationship.add', relationship: { id, fromTableId: t.id, toTableId: to.id, columnPairs: [{ fromColumnId: col.id, toColumnId: toCol.id }], onDelete: 'no action', onUpdate: 'no action', enforced: true } },
        claim: { kind: 'relationship', relationshipId: id, tableIds: [t.id, to.id], columns: [[t.id, col.id], [to.id, toCol.id]] },
      };
    }
    case 'relationship.remove': {
      const r = at(Object.values(doc.relationships), intent.a);
      return r && { command: { type: 'relationship.remove', relationshipId: r.id }, claim: { kind: 'removeRelationship', relationshipId: r.id } };
    }
    case 'index.add': {
      if (!t || !col) return undefined;
      const id = `i_${tag}`;
      return { command: { type: 'index.add', tableId: t.id, index: { id, parts: [{ kind: 'column', columnId: col.id }], unique: false } }, claim: { kind: 'index', tableId: t.id, indexId: id, columnIds: [col.id] } };
    }
    case 'index.remove': {
      const ix = t && at(t.indexes, intent.b);
      return t && ix && { command: { type: 'index.remove', tableId: t.id, indexId: ix.id }, claim: { kind: 'removeIndex', tableId: t.id, indexId: ix.id } };
    }
    case 'narrative.type': {
      const section = at(SECTIONS, intent.a)!;
      const text = doc.design.narrative[section] ?? '';
      // Type at a token boundary, so that nobody can type inside another person's token later.
      const boundaries = [0, text.length, ...[...text.matchAll(/\]/g)].map((m) => m.index! + 1)];
      const p = at(boundaries, intent.b)!;
      const token = `[${tag}]`;
      return { command: { type: 'design.setNarrative', section, markdown: text.slice(0, p) + token + text.slice(p) }, claim: { kind: 'token', section, token } };
    }
    case 'narrative.clear': {
      const section = at(SECTIONS, intent.a)!;
      return { command: { type: 'design.setNarrative', section, markdown: '' }, claim: { kind: 'clear', section } };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Claims and causality

type Claim =
  | { kind: 'table'; tableId: string }
  | { kind: 'column'; tableId: string; columnId: string }
  | { kind: 'relationship'; relationshipId: string; tableIds: string[]; columns: [string, string][] }
  | { kind: 'index'; tableId: string; indexId: string; columnIds: string[] }
  | { kind: 'field'; path: string[]; value: string }
  | { kind: 'token'; section: string; token: string }
  | { kind: 'removeTable'; tableId: string }
  | { kind: 'removeColumn'; tableId: string; columnId: string }
  | { kind: 'removeRelationship'; relationshipId: string }
  | { kind: 'removeIndex'; tableId: string; indexId: string }
  | { kind: 'clear'; section: string };

interface Op { claim: Claim; client: number; clockAfter: number; seen: Map<number, number> }

const happenedBefore = (a: Op, b: Op) => (b.seen.get(a.client) ?? 0) >= a.clockAfter;

function fieldAt(doc: SchemaDocument, path: string[]): { present: boolean; value: unknown } {
  const [, tableId, third, columnId, field] = path;
  const t = doc.tables[tableId];
  if (!t) return { present: false, value: undefined };
  if (third === 'name') return { present: true, value: t.name };
  const c = t.columns.find((x) => x.id === columnId);
  return c ? { present: true, value: (c as Record<string, unknown>)[field] } : { present: false, value: undefined };
}

function checkNoLostEdits(final: SchemaDocument, ops: Op[]): void {
  const removals = ops.map((o) => o.claim);
  const tableRemoved = (id: string) => removals.some((c) => c.kind === 'removeTable' && c.tableId === id);
  const columnRemoved = (t: string, c: string) => tableRemoved(t) || removals.some((r) => r.kind === 'removeColumn' && r.tableId === t && r.columnId === c);
  for (const op of ops) {
    const c = op.claim;
    if (c.kind === 'table' && !tableRemoved(c.tableId)) expect(final.tables[c.tableId], `table ${c.tableId} kept`).toBeDefined();
    if (c.kind === 'column' && !columnRemoved(c.tableId, c.columnId)) {
      expect(final.tables[c.tableId].columns.map((x) => x.id), `column ${c.columnId} kept`).toContain(c.columnId);
    }
    if (c.kind === 'relationship') {
      const gone = removals.some((r) => r.kind === 'removeRelationship' && r.relationshipId === c.relationshipId) || c.columns.some(([t, col]) => columnRemoved(t, col));
      if (!gone) expect(final.relationships[c.relationshipId], `relationship ${c.relationshipId} kept`).toBeDefined();
    }
    if (c.kind === 'index') {
      const gone = removals.some((r) => r.kind === 'removeIndex' && r.indexId === c.indexId) || c.columnIds.some((col) => columnRemoved(c.tableId, col));
      if (!gone) expect(final.tables[c.tableId].indexes.map((x) => x.id), `index ${c.indexId} kept`).toContain(c.indexId);
    }
    if (c.kind === 'token') {
      const cleared = ops.some((o) => o.claim.kind === 'clear' && o.claim.section === c.section && happenedBefore(op, o));
      const text = final.design.narrative[c.section as (typeof SECTIONS)[number]] ?? '';
      // Present whole and once: a merge that replaced whole texts would keep every token, twice.
      if (!cleared) expect(text.split(c.token).length - 1, `token ${c.token} kept whole, once, in ${JSON.stringify(text)}`).toBe(1);
    }
  }
  // Field writes: the final value is one of the writes no other write to the same field followed.
  const writes = new Map<string, Op[]>();
  for (const op of ops) {
    if (op.claim.kind !== 'field') continue;
    const key = op.claim.path.join('/');
    writes.set(key, [...(writes.get(key) ?? []), op]);
  }
  for (const [key, ws] of writes) {
    const path = key.split('/');
    const { present, value } = fieldAt(final, path);
    if (!present) continue;
    const maximal = ws.filter((w) => !ws.some((other) => other !== w && happenedBefore(w, other)));
    expect(maximal.map((w) => (w.claim as { value: string }).value), `${key} holds a surviving write`).toContain(value);
  }
}

// ---------------------------------------------------------------------------------------------
// The simulation

/** An update, its author, and what its author had seen (its state vector), as a causal transport carries. */
interface Message { from: number; update: Uint8Array; deps: Uint8Array }

function run(replicaCount: number, steps: Step[], offline: number | undefined, finalOrder: number[]): void {
  const seed = Y.encodeStateAsUpdate(toYDoc(commandsFixture(), { clientID: 1000 }));
  const inboxes: Message[][] = Array.from({ length: replicaCount }, () => []);
  const replicas = Array.from({ length: replicaCount }, (_, i) => {
    const ydoc = new Y.Doc();
    ydoc.clientID = i + 1;
    Y.applyUpdate(ydoc, seed, 'sync');
    // Everything this replica writes (commands, repairs) goes to every other replica's inbox.
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'sync') return;
      const deps = Y.encodeStateVector(ydoc);
      inboxes.forEach((inbox, j) => {
        if (j !== i) inbox.push({ from: i, update, deps });
      });
    });
    return new CollabReplica(ydoc, `user${i + 1}`);
  });
  // Updates arrive in any order; each replica's inbox applies them in causal order, as the sync server
  // relays them. (Out of causal order, a replica would see an index before the column it is on, from
  // another author, and repair it away.)
  const causal = replicas.map((r) => new CausalInbox(r.ydoc, 'sync'));
  const ops: Op[] = [];
  const counters = replicas.map(() => 0);
  const stateOf = (r: CollabReplica) => Y.decodeStateVector(Y.encodeStateVector(r.ydoc));
  const cut = (i: number, m: Message) => offline !== undefined && (i === offline || m.from === offline);

  const deliver = (i: number, pick: number, all: boolean) => {
    const inbox = inboxes[i];
    const ready = all ? inbox.map((_, k) => k) : inbox.flatMap((m, k) => (cut(i, m) ? [] : [k]));
    if (!ready.length) return;
    const k = ready[pick % ready.length];
    const [m] = inbox.splice(k, 1);
    causal[i].receive(m.update, m.deps);
  };

  for (const step of steps) {
    const r = replicas[step.replica];
    if (step.kind === 'deliver') {
      deliver(step.replica, step.pick, false);
      continue;
    }
    const tag = `${step.replica + 1}_${counters[step.replica]++}`;
    const planned = commandFor(r.doc, step.intent, tag);
    if (!planned) continue;
    const seen = stateOf(r);
    try {
      const result = r.dispatch(planned.command);
      if (result.patches.length === 0) continue;
    } catch (e) {
      if (e instanceof CommandError) continue;
      throw e;
    }
    if (planned.claim) ops.push({ claim: planned.claim, client: r.ydoc.clientID, clockAfter: stateOf(r).get(r.ydoc.clientID) ?? 0, seen });
  }

  // Back online: everything is delivered, in a random order, until nobody has anything left to send.
  for (let round = 0; round < 50 && inboxes.some((b) => b.length); round++) {
    for (let i = 0; i < replicaCount; i++) {
      for (let n = 0; inboxes[i].length; n++) deliver(i, finalOrder[(round + n) % finalOrder.length] ?? 0, true);
    }
  }
  expect(inboxes.every((b) => b.length === 0), 'the repairs settle').toBe(true);
  expect(causal.map((c) => c.held), 'nothing is held back at the end').toEqual(causal.map(() => 0));

  const docs = replicas.map((r) => fromYDoc(r.ydoc));
  const json = docs.map((d) => JSON.stringify(d));
  for (const j of json) expect(j, 'replicas converge to byte-identical documents').toBe(json[0]);
  for (const r of replicas) {
    expect(Y.encodeStateVector(r.ydoc)).toEqual(Y.encodeStateVector(replicas[0].ydoc));
    expect(r.doc, `${r.user}'s store holds the Y.Doc's document`).toEqual(readYDoc(r.ydoc));
    expect(Object.keys(r.doc.tables), `${r.user}'s store lists the tables in the shared order`).toEqual(Object.keys(docs[0].tables));
  }
  expect(integrityIssues(docs[0])).toEqual([]);
  expect(repairMerged(docs[0]).repairs).toEqual([]);
  checkNoLostEdits(docs[0], ops);
  for (const r of replicas) r.destroy();
}

describe('the binding converges without losing edits', () => {
  it('two replicas, updates arriving in random orders', () => {
    fc.assert(
      fc.property(fc.array(stepArb(2), { minLength: 5, maxLength: 40 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (steps, order) => {
        run(2, steps, undefined, order);
      }),
      { numRuns: Number(process.env.COLLAB_PROPERTY_RUNS ?? 80) },
    );
  });

  it('three replicas, one of them possibly offline for the whole session', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb(3), { minLength: 5, maxLength: 40 }),
        fc.option(fc.nat(2), { nil: undefined }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        (steps, offline, order) => {
          run(3, steps, offline, order);
        },
      ),
      { numRuns: Number(process.env.COLLAB_PROPERTY_RUNS ?? 60) },
    );
  });
});
