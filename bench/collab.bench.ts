/**
 * `npm run bench:collab`: the real-time binding (lib/collab) on synthetic documents (bench/synthetic.ts):
 *
 * - encode: the document into a fresh Y.Doc (toYDoc), and the size of its full state as an update
 *   (what a new client downloads) beside the document's JSON size;
 * - join: a replica built from that state (Y.applyUpdate + CollabReplica: read, repair check, load gate);
 * - update size of one edit: renaming a column, changing its type, adding a column, moving a column,
 *   typing a sentence into a narrative section (bytes on the wire, median);
 * - local edit: applyCommand + applyPatchesToY (one Yjs transaction);
 * - apply remote: another replica's update applied (Y.applyUpdate -> observeDeep -> refreshFromY ->
 *   needsRepair) until the store holds the new document.
 *
 * Prints the median and minimum wall time and the median CPU time (process.cpuUsage) of back-to-back
 * runs after a warm-up, and the load average (other processes inflate wall time; CPU time much less).
 *
 * Usage: npm run bench:collab [-- --sizes 100,1000 --runs 21]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { Command } from '../lib/model/commands/apply';
import { applyCommand } from '../lib/model/commands/apply';
import type { SchemaDocument } from '../lib/model/document';
import { applyPatchesToY } from '../lib/collab/apply-patches';
import { deepEqual } from '../lib/collab/json';
import { CollabReplica } from '../lib/collab/replica';
import { toYDoc } from '../lib/collab/y-document';
import { syntheticDocument } from './synthetic';

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface Timing { wall: number; min: number; cpu: number }

/** Runs `work(i)` `runs` times after 3 warm-ups; `setup(i)` (not timed) prepares each run. */
function measure<S>(runs: number, setup: (i: number) => S, work: (s: S, i: number) => void): Timing {
  for (let i = 0; i < 3; i++) work(setup(-1 - i), -1 - i);
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = setup(i);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    work(s, i);
    walls.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  return { wall: median(walls), min: Math.min(...walls), cpu: median(cpus) };
}

const ms = (t: Timing) => `${t.wall.toFixed(2)} ms wall (min ${t.min.toFixed(2)}), ${t.cpu.toFixed(2)} ms CPU`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const { values } = parseArgs({ options: { sizes: { type: 'string' }, runs: { type: 'string' } } });
const sizes = (values.sizes ?? '100,1000').split(',').map(Number);
const runs = Number(values.runs ?? 21);

console.log(`bench:collab — load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${runs} runs each`);

for (const n of sizes) {
  const doc = syntheticDocument({ tables: n });
  const tables = Object.values(doc.tables);
  console.log(`\n${n} tables (${tables.reduce((s, t) => s + t.columns.length, 0)} columns, ${Object.keys(doc.relationships).length} relationships)`);

  const encode = measure(Math.min(runs, 9), () => undefined, () => {
    toYDoc(doc);
  });
  const seedDoc = toYDoc(doc, { clientID: 1 });
  const state = Y.encodeStateAsUpdate(seedDoc);
  console.log(`  encode (toYDoc)            ${ms(encode)}`);
  console.log(`  full state as an update    ${kb(state.byteLength)} (document JSON ${kb(JSON.stringify(doc).length)})`);

  const join = measure(Math.min(runs, 9), () => undefined, () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state, 'sync');
    new CollabReplica(ydoc, 'joiner').destroy();
  });
  console.log(`  join (apply state, load)   ${ms(join)}`);

  // Two live replicas: the writer edits, the reader applies each update as it would from the server.
  const writerDoc = new Y.Doc();
  writerDoc.clientID = 2;
  Y.applyUpdate(writerDoc, state, 'sync');
  const readerDoc = new Y.Doc();
  readerDoc.clientID = 3;
  Y.applyUpdate(readerDoc, state, 'sync');
  const writer = new CollabReplica(writerDoc, 'writer');
  const reader = new CollabReplica(readerDoc, 'reader');
  let last: Uint8Array | undefined;
  writerDoc.on('update', (u: Uint8Array) => (last = u));

  const pick = (i: number) => tables[(Math.abs(i) * 7919) % tables.length];
  const edits: [string, (i: number, current: SchemaDocument) => Command][] = [
    ['rename a column', (i, d) => {
      const t = d.tables[pick(i).id];
      return { type: 'column.update', tableId: t.id, columnId: t.columns[1].id, changes: { name: `renamed_${i + 10}` } };
    }],
    ['change a column type', (i, d) => {
      const t = d.tables[pick(i).id];
      // A length never used before, so every run changes the type.
      return { type: 'column.update', tableId: t.id, columnId: t.columns[2].id, changes: { type: { kind: 'scalar', name: 'varchar', length: 5000 + i } } };
    }],
    ['add a column', (i, d) => {
      const t = d.tables[pick(i).id];
      return { type: 'column.add', tableId: t.id, column: { id: `bench_c${i + 10}`, name: `added_${i + 10}`, type: { kind: 'scalar', name: 'text' }, nullable: true, default: { kind: 'none' } } };
    }],
    ['move a column', (i, d) => {
      const t = d.tables[pick(i).id];
      return { type: 'column.move', tableId: t.id, columnId: t.columns[t.columns.length - 1].id, toIndex: 1 };
    }],
    ['type into the narrative', (i, d) => ({ type: 'design.setNarrative', section: 'executiveSummary', markdown: `${d.design.narrative.executiveSummary ?? ''}Sentence ${i + 10}. ` })],
  ];
  // The reader receives every update in order, as from the sync server; only the remote runs are timed there.
  const outbox: Uint8Array[] = [];
  writerDoc.on('update', (u: Uint8Array) => outbox.push(u));
  const drain = () => {
    for (const u of outbox.splice(0)) Y.applyUpdate(readerDoc, u, 'sync');
  };
  for (const [label, make] of edits) {
    const sizes: number[] = [];
    // Local: the command and its Yjs transaction (dispatch keeps the writer's store in step).
    const local = measure(runs, (i) => make(i, writer.doc), (command) => {
      writer.dispatch(command);
      sizes.push(last!.byteLength);
    });
    // Remote: the same kind of edit arriving at the reader.
    const remote = measure(runs, (i) => {
      drain();
      writer.dispatch(make(i + 1000, writer.doc));
      return outbox.splice(0);
    }, (updates) => {
      for (const u of updates) Y.applyUpdate(readerDoc, u, 'sync');
    });
    console.log(`  ${label.padEnd(26)} update ${median(sizes)} B; local ${ms(local)}; apply remote ${ms(remote)}`);
  }
  drain();
  // Not a timing: the reader followed every edit.
  console.log(`  reader holds the writer's document: ${deepEqual(reader.doc, writer.doc)}`);
  const applyOnly = measure(runs, (i) => {
    const t = writer.doc.tables[pick(i).id];
    return applyCommand(writer.doc, { type: 'table.update', tableId: t.id, changes: { comment: `c${i}` } });
  }, (r) => {
    applyPatchesToY(writerDoc, r.patches, writer.origin);
  });
  console.log(`  applyPatchesToY alone (a table comment) ${ms(applyOnly)}`);
  writer.destroy();
  reader.destroy();
}
