import { OutgoingMessage } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REPAIRS_MAP } from '@/lib/collab/replica';
import { isEmptyUpdate, isValidUpdate, pruneRepairs } from './persistence';
import { updateOfMessage } from './server';

describe('the update a message carries', () => {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', 1);
  const update = Y.encodeStateAsUpdate(doc);

  it('reads sync updates and step 2, nothing from step 1 or awareness', () => {
    const msg = new OutgoingMessage('project/p').createSyncMessage().writeUpdate(update).toUint8Array();
    expect(Buffer.from(updateOfMessage(msg)!).equals(Buffer.from(update))).toBe(true);
    const step1 = new OutgoingMessage('project/p').createSyncMessage().writeFirstSyncStepFor(doc as never).toUint8Array();
    expect(updateOfMessage(step1)).toBeUndefined();
  });

  it('tells a real update from garbage and an empty one', () => {
    expect(isValidUpdate(update)).toBe(true);
    expect(isValidUpdate(new Uint8Array([255, 255, 255, 255, 1, 2, 3]))).toBe(false);
    expect(isEmptyUpdate(update)).toBe(false);
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
  });
});

describe('the repairs map', () => {
  it('is capped, the oldest explanations going first, and the cap converges on another replica', () => {
    const doc = new Y.Doc();
    const repairs = doc.getMap(REPAIRS_MAP);
    for (let i = 0; i < 250; i++) repairs.set(`r${i}`, { entityId: `e${i}`, kind: 'removed', message: `m${i}` });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(pruneRepairs(doc, 200)).toBe(50);
    expect(repairs.size).toBe(200);
    expect(repairs.has('r0')).toBe(false);
    expect(repairs.has('r249')).toBe(true);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(other.getMap(REPAIRS_MAP).size).toBe(200);
    expect(pruneRepairs(doc, 200)).toBe(0);
  });
});
