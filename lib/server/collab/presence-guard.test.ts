import { OutgoingMessage } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { presenceImpostor } from './presence-guard';

const ana = { userId: 'u_ana', name: 'Ana' };

function awarenessMessage(state: Record<string, unknown> | null): Uint8Array {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(state);
  const message = new OutgoingMessage('project/p').createAwarenessUpdateMessage(awareness as never, [awareness.clientID]).toUint8Array();
  awareness.destroy();
  return message;
}

describe('presence must name the connection’s own person', () => {
  it('accepts my own presence, a cleared state and a state without presence', () => {
    expect(presenceImpostor(awarenessMessage({ user: { id: 'u_ana', name: 'Ana', color: '#e11d48' }, cursor: { x: 1, y: 2 } }), ana)).toBeUndefined();
    expect(presenceImpostor(awarenessMessage(null), ana)).toBeUndefined();
    expect(presenceImpostor(awarenessMessage({}), ana)).toBeUndefined();
  });

  it('refuses a presence under someone else’s id or name', () => {
    expect(presenceImpostor(awarenessMessage({ user: { id: 'u_ben', name: 'Ben', color: '#e11d48' } }), ana)).toMatch(/claims to be "Ben"/);
    expect(presenceImpostor(awarenessMessage({ user: { id: 'u_ana', name: 'Ana (admin)', color: '#e11d48' } }), ana)).toMatch(/Ana \(admin\)/);
    expect(presenceImpostor(awarenessMessage({ user: { id: 'u_ben', name: 'Ana', color: '#e11d48' } }), ana)).toMatch(/u_ben/);
  });

  it('lets a provider relay the states it received (the server holds them at that clock or newer), not newer ones', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ user: { id: 'u_ben', name: 'Ben', color: '#e11d48' } });
    const relay = new OutgoingMessage('project/p').createAwarenessUpdateMessage(awareness as never, [awareness.clientID]).toUint8Array();
    const clock = awareness.meta.get(awareness.clientID)!.clock;
    expect(presenceImpostor(relay, ana, (id) => (id === awareness.clientID ? clock : undefined))).toBeUndefined();
    expect(presenceImpostor(relay, ana, (id) => (id === awareness.clientID ? clock + 3 : undefined))).toBeUndefined();
    expect(presenceImpostor(relay, ana, (id) => (id === awareness.clientID ? clock - 1 : undefined))).toMatch(/Ben/);
    awareness.destroy();
  });

  it('leaves sync messages alone', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 1);
    const sync = new OutgoingMessage('project/p').createSyncMessage().writeUpdate(Y.encodeStateAsUpdate(doc)).toUint8Array();
    expect(presenceImpostor(sync, ana)).toBeUndefined();
  });
});
