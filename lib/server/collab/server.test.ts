/**
 * The sync server for real (issue 19 part 2): Hocuspocus on a free port, @hocuspocus/provider clients
 * over `ws` in Node, the app database on SQLite and PostgreSQL, team mode (members with roles, share
 * links). What each test proves is in its name; none asserts a duration (waits are for an eventual
 * state, with a generous limit).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IncomingMessage } from '@hocuspocus/server';
// `ws` ships with @hocuspocus/server (and the provider's types); Node 20 has no WebSocket global.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, vi } from 'vitest';
import * as Y from 'yjs';
import { collabDocumentName } from '@/lib/api/collab';
import { CollabReplica } from '@/lib/collab/replica';
import { fromYDoc, rootMapOf } from '@/lib/collab/y-document';
import { makeColumn, makeTable, scalar } from '@/lib/model/build';
import type { SchemaDocument } from '@/lib/model/document';
import type { SessionUser } from '@/lib/server/auth/session';
import { API_BASE, jsonRequest, routeContext, useAppDatabase } from '@/lib/server/db/api-suite.test-support';
import { getDatabase, type AppPrisma } from '@/lib/server/db/client';
import { providerCases } from '@/lib/server/db/test-databases';
import { createLink, createTeamProject, createUser, SECRET_TABLE } from '@/lib/server/teams/team-suite.test-support';
import * as item from '@/app/api/projects/[id]/route';
import * as collabRoute from '@/app/api/projects/[id]/collab/route';
import { setCollabHandle } from './handle';
import { loadLiveDocument, parseStoredDocument } from './persistence';
import { startCollabServer, type CollabServer } from './server';
import { issueTicket, type TicketClaims } from './ticket';

const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined }));
vi.mock('@/lib/server/auth/session', () => ({ sessionUser: async () => session.user }));

const SECRET = 'collab-server-test-secret-0123456789abcdef';

/** Polls `check` until it returns a value (an eventual state), failing after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, ms = 10_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Client {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  failures: string[];
  /** The server's answers to updates: true applied, false refused (read-only), in arrival order. */
  statuses: boolean[];
  synced: Promise<void>;
  close(): void;
}

/** Hocuspocus MessageType.SyncStatus. */
const SYNC_STATUS = 8;

function connect(port: number, documentName: string, ticket: string): Client {
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  const ydoc = new Y.Doc();
  const failures: string[] = [];
  const statuses: boolean[] = [];
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const synced = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  synced.catch(() => undefined);
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentName,
    document: ydoc,
    token: ticket,
    onAuthenticationFailed: ({ reason }) => {
      failures.push(reason);
      reject(new Error(`refused: ${reason}`));
    },
    onSynced: () => resolve(),
    onMessage: ({ event }) => {
      const m = new IncomingMessage(new Uint8Array(event.data as ArrayBuffer));
      m.readVarString();
      // The status is a lib0 varInt: 1 and 0 encode as the bytes 1 and 0.
      if (m.readVarUint() === SYNC_STATUS) statuses.push(m.readVarUint() === 1);
    },
  });
  provider.attach();
  return {
    ydoc,
    provider,
    failures,
    statuses,
    synced,
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

const claimsFor = (projectId: string, user: SessionUser, role: TicketClaims['role']): TicketClaims => ({ projectId, userId: user.userId, name: user.name, role, via: 'member', readOnly: role !== 'editor' && role !== 'owner' });

const stored = async (prisma: AppPrisma, id: string): Promise<{ doc: SchemaDocument; version: number }> => {
  const row = await prisma.project.findUniqueOrThrow({ where: { id } });
  return { doc: parseStoredDocument(row.document), version: row.version };
};

const tableNames = (doc: SchemaDocument) => Object.values(doc.tables).map((t) => t.name).sort();

describe.each(providerCases())('live co-editing server on $provider', ({ create }) => {
  const it = useAppDatabase(create);
  let server: CollabServer;
  let prisma: AppPrisma;
  let editor: SessionUser;
  let viewer: SessionUser;
  let outsider: SessionUser;
  const clients: Client[] = [];
  const savedAuth = process.env.DRAFTBASE_AUTH;

  beforeAll(async () => {
    if (!create) return;
    process.env.DRAFTBASE_AUTH = 'on';
    process.env.DRAFTBASE_COLLAB_SECRET = SECRET; // the route signs with it
    prisma = (await getDatabase()).prisma;
    [editor, viewer, outsider] = await Promise.all(['Eddie Editor', 'Vic Viewer', 'Otto Outsider'].map((n) => createUser(prisma, n)));
    server = await startCollabServer({ port: 0, secret: SECRET, storeDebounceMs: 50, storeMaxDebounceMs: 200, recheckMs: 0 });
    setCollabHandle({ status: 'running', server });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    setCollabHandle(undefined);
    await server?.stop();
    delete process.env.DRAFTBASE_COLLAB_SECRET;
    if (savedAuth === undefined) delete process.env.DRAFTBASE_AUTH;
    else process.env.DRAFTBASE_AUTH = savedAuth;
  });

  const project = () => createTeamProject(prisma, 'Live', [[editor, 'owner'], [viewer, 'viewer']]);
  const join = (projectId: string, user: SessionUser, role: TicketClaims['role']) => {
    const c = connect(server.port, collabDocumentName(projectId), issueTicket(claimsFor(projectId, user, role), SECRET).ticket);
    clients.push(c);
    return c;
  };
  /** Resolves when the server answered every update the client sent (SyncStatus acknowledgements). */
  const settled = (c: Client) => eventually(() => c.provider.unsyncedChanges === 0 || undefined, 10_000, 'acknowledgements');

  it('an editor joins and syncs the canonical document', async () => {
    const id = await project();
    const c = join(id, editor, 'owner');
    await c.synced;
    expect(c.provider.authorizedScope).toBe('read-write');
    expect(JSON.stringify(fromYDoc(c.ydoc))).toBe(JSON.stringify((await stored(prisma, id)).doc));
  });

  it('refuses a forged, expired or other-project ticket, and a removed member', async () => {
    const id = await project();
    const other = await project();
    const name = collabDocumentName(id);
    const tickets = [
      'not-a-ticket',
      issueTicket(claimsFor(id, editor, 'owner'), 'another-secret-another-secret-another').ticket,
      issueTicket(claimsFor(id, editor, 'owner'), SECRET, Date.now() - 120_000).ticket,
      issueTicket(claimsFor(other, editor, 'owner'), SECRET).ticket,
      issueTicket(claimsFor(id, outsider, 'owner'), SECRET).ticket, // signed, but not a member
    ];
    for (const ticket of tickets) {
      const c = connect(server.port, name, ticket);
      clients.push(c);
      await eventually(() => c.failures.length > 0 || undefined, 10_000, `refusal of ${ticket.slice(0, 12)}`);
      expect(c.provider.isSynced).toBe(false);
      expect(c.ydoc.getMap('document').size).toBe(0);
    }
  });

  it('refuses a WebSocket from another site (hostile Origin) before it upgrades', async () => {
    const status = await new Promise<number | string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}`, { origin: 'https://evil.example' });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve('open'));
      ws.on('error', (e) => resolve(e.message));
    });
    expect(status).toBe(403);
  });

  it("drops a viewer's forged update: not applied, not stored, not relayed", async () => {
    const id = await project();
    const name = collabDocumentName(id);
    const ed = join(id, editor, 'owner');
    const vw = join(id, viewer, 'viewer');
    await Promise.all([ed.synced, vw.synced]);
    expect(vw.provider.authorizedScope).toBe('readonly');
    const logBefore = await prisma.projectLiveUpdate.count({ where: { projectId: id } });
    // The viewer edits its own copy: the provider sends the update like any other.
    const tableId = Object.keys(fromYDoc(vw.ydoc).tables)[0];
    const refusedBefore = vw.statuses.filter((x) => !x).length;
    vw.ydoc.transact(() => (rootMapOf(vw.ydoc).get('tables') as Y.Map<Y.Map<unknown>>).get(tableId)!.set('name', 'pwned'));
    await eventually(() => vw.statuses.filter((x) => !x).length > refusedBefore || undefined, 10_000, 'the refusal');
    // Then a real edit from the editor, which the viewer receives: everything before it was handled.
    new CollabReplica(ed.ydoc, 'ed').dispatch({ type: 'table.update', tableId, changes: { comment: 'real edit' } });
    await eventually(() => fromYDoc(vw.ydoc).tables[tableId].comment === 'real edit' || undefined, 10_000, 'the real edit');
    await settled(ed);
    const serverDoc = server.hocuspocus.documents.get(name)!;
    expect(fromYDoc(serverDoc).tables[tableId].name).toBe(SECRET_TABLE);
    expect(fromYDoc(ed.ydoc).tables[tableId].name).toBe(SECRET_TABLE);
    await server.storeNow(name);
    expect((await stored(prisma, id)).doc.tables[tableId].name).toBe(SECRET_TABLE);
    const live = await loadLiveDocument(prisma, id);
    expect(fromYDoc(live!.ydoc).tables[tableId].name).toBe(SECRET_TABLE);
    // Only the editor's update was logged (or already folded into the state).
    expect(await prisma.projectLiveUpdate.count({ where: { projectId: id } })).toBeLessThanOrEqual(logBefore + 1);
  });

  it("closes a connection whose presence claims to be someone else; the others never see the impostor", async () => {
    const id = await project();
    const ed = join(id, editor, 'owner');
    const vw = join(id, viewer, 'viewer');
    await Promise.all([ed.synced, vw.synced]);
    let closed = false;
    vw.provider.on('close', () => (closed = true));
    // The viewer's own presence is fine...
    vw.provider.awareness!.setLocalStateField('user', { id: viewer.userId, name: viewer.name, color: '#2563eb' });
    await eventually(() => [...ed.provider.awareness!.getStates().values()].some((st) => (st.user as { name?: string } | undefined)?.name === viewer.name) || undefined, 10_000, "the viewer's presence");
    // ...pretending to be the editor is not.
    vw.provider.awareness!.setLocalStateField('user', { id: editor.userId, name: editor.name, color: '#2563eb' });
    await eventually(() => closed || undefined, 10_000, "the impostor's disconnection");
    await new Promise((r) => setTimeout(r, 300));
    // Neither the server nor the editor holds the forged state under the viewer's client id.
    const serverStates = server.hocuspocus.documents.get(collabDocumentName(id))?.awareness.getStates();
    expect((serverStates?.get(vw.ydoc.clientID)?.user as { name?: string } | undefined)?.name).not.toBe(editor.name);
    expect((ed.provider.awareness!.getStates().get(vw.ydoc.clientID)?.user as { name?: string } | undefined)?.name).not.toBe(editor.name);
  });

  it('writes an edit made on a client back to the canonical document, authored by its editor', async () => {
    const id = await project();
    const c = join(id, editor, 'owner');
    await c.synced;
    const table = makeTable({ id: 'tbl_live', name: 'live_orders', columns: [makeColumn({ id: 'col_live', name: 'id', type: scalar('bigint'), nullable: false })] });
    new CollabReplica(c.ydoc, 'ed').dispatch({ type: 'table.add', table, position: { x: 10, y: 20 } });
    const after = await eventually(async () => {
      const s = await stored(prisma, id);
      return s.doc.tables.tbl_live ? s : undefined;
    }, 10_000, 'write-back');
    expect(after.version).toBeGreaterThan(1);
    expect(JSON.stringify(after.doc)).toBe(JSON.stringify(fromYDoc(c.ydoc)));
    const event = await prisma.projectEvent.findFirst({ where: { projectId: id, action: 'save' }, orderBy: { createdAt: 'desc' } });
    expect(event?.actorId).toBe(editor.userId);
    const row = await prisma.projectLiveState.findUniqueOrThrow({ where: { projectId: id } });
    expect(row.writtenVersion).toBe(after.version);
  });

  it('merges a REST save with a stale If-Match into the live session (both edits kept, live client updated)', async () => {
    const id = await project();
    const c = join(id, editor, 'owner');
    await c.synced;
    const v1 = await stored(prisma, id);
    const tableId = Object.keys(v1.doc.tables)[0];
    new CollabReplica(c.ydoc, 'ed').dispatch({ type: 'table.update', tableId, changes: { comment: 'from the live session' } });
    await eventually(async () => ((await stored(prisma, id)).version > v1.version ? true : undefined), 10_000, 'live write-back');

    // A REST client still on version 1 adds a table.
    session.user = editor;
    const restTable = makeTable({ id: 'tbl_rest', name: 'rest_added', columns: [makeColumn({ id: 'col_r', name: 'id', type: scalar('bigint'), nullable: false })] });
    const body = { document: { ...v1.doc, tables: { ...v1.doc.tables, tbl_rest: restTable } } };
    const res = await item.PUT(jsonRequest(`${API_BASE}/${id}`, 'PUT', body, { 'if-match': String(v1.version) }), routeContext(id));
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { version: number; merged?: boolean };
    expect(answer.merged).toBe(true);

    const now = await stored(prisma, id);
    expect(now.version).toBe(answer.version);
    expect(now.doc.tables[tableId].comment).toBe('from the live session');
    expect(tableNames(now.doc)).toEqual(['rest_added', SECRET_TABLE].sort());
    await eventually(() => fromYDoc(c.ydoc).tables.tbl_rest || undefined, 10_000, 'the REST edit on the live client');
    expect(fromYDoc(c.ydoc).tables[tableId].comment).toBe('from the live session');
  });

  it('answers the join with a ticket, read-only for viewers, and refuses outsiders', async () => {
    const id = await project();
    const get = (headers: Record<string, string> = {}) => collabRoute.GET(new Request(`${API_BASE}/${id}/collab`, { headers }), routeContext(id));
    session.user = editor;
    const mine = (await (await get()).json()) as { enabled: boolean; url: string; readOnly: boolean; documentName: string; user: { id: string } };
    expect(mine).toMatchObject({ enabled: true, url: `ws://localhost:${server.port}`, readOnly: false, documentName: collabDocumentName(id), user: { id: editor.userId } });
    session.user = viewer;
    expect(((await (await get()).json()) as { readOnly: boolean }).readOnly).toBe(true);
    session.user = undefined;
    const link = await createLink(prisma, id, 'viewer');
    const shared = (await (await get({ 'x-draftbase-share': link.token })).json()) as { readOnly: boolean; ticket: string; user: { id: string } };
    expect(shared.readOnly).toBe(true);
    expect(shared.user.id).toBe(`share:${link.id}`);
    // The share-link ticket opens a read-only connection, and stops working once the link is revoked.
    const c = connect(server.port, collabDocumentName(id), shared.ticket);
    clients.push(c);
    await c.synced;
    expect(c.provider.authorizedScope).toBe('readonly');
    await prisma.shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
    const again = connect(server.port, collabDocumentName(id), shared.ticket);
    clients.push(again);
    await eventually(() => again.failures.length > 0 || undefined, 10_000, 'refusal of a revoked link');
    session.user = outsider;
    expect((await get()).status).toBe(404);
  });

  it('first load race: two loads at once end with one stored state', async () => {
    const id = await project();
    const [a, b] = await Promise.all([loadLiveDocument(prisma, id), loadLiveDocument(prisma, id)]);
    expect(Buffer.from(Y.encodeStateAsUpdate(a!.ydoc)).equals(Buffer.from(Y.encodeStateAsUpdate(b!.ydoc)))).toBe(true);
    expect(await prisma.projectLiveState.count({ where: { projectId: id } })).toBe(1);
    // Merged, the two are still one document: nothing was initialised twice.
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(a!.ydoc));
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(b!.ydoc));
    expect(JSON.stringify(fromYDoc(merged))).toBe(JSON.stringify((await stored(prisma, id)).doc));
  });

  it('a save made while nobody was live is merged into the live state on the next load', async () => {
    const id = await project();
    const c = join(id, editor, 'owner');
    await c.synced;
    const tableId = Object.keys(fromYDoc(c.ydoc).tables)[0];
    new CollabReplica(c.ydoc, 'ed').dispatch({ type: 'table.update', tableId, changes: { comment: 'live' } });
    await settled(c);
    c.close();
    await eventually(() => (server.hocuspocus.documents.has(collabDocumentName(id)) ? undefined : true), 10_000, 'unload');
    const before = await stored(prisma, id);
    expect(before.doc.tables[tableId].comment).toBe('live');
    // Saved outside any session (another process without a sync server, an import...).
    const extra = makeTable({ id: 'tbl_out', name: 'saved_outside', columns: [makeColumn({ id: 'col_o', name: 'id', type: scalar('bigint'), nullable: false })] });
    await prisma.project.update({ where: { id }, data: { document: JSON.stringify({ ...before.doc, tables: { ...before.doc.tables, tbl_out: extra } }), version: { increment: 1 } } });
    const live = await loadLiveDocument(prisma, id);
    const doc = fromYDoc(live!.ydoc);
    expect(tableNames(doc)).toEqual(['saved_outside', SECRET_TABLE].sort());
    expect(doc.tables[tableId].comment).toBe('live');
    expect((await prisma.projectLiveState.findUniqueOrThrow({ where: { projectId: id } })).writtenVersion).toBe(before.version + 1);
  });

  it('an acknowledged update is in the database before any store (it survives a crash)', async () => {
    // A server that would not store for a minute: only the log can hold the edit.
    const lazy = await startCollabServer({ port: 0, secret: SECRET, storeDebounceMs: 60_000, storeMaxDebounceMs: 60_000, recheckMs: 0 });
    try {
      const id = await project();
      const c = connect(lazy.port, collabDocumentName(id), issueTicket(claimsFor(id, editor, 'owner'), SECRET).ticket);
      clients.push(c);
      await c.synced;
      // The answer to the client's own sync step 2 comes after `synced`: let it arrive first, or it
      // would be taken for the acknowledgement of the edit below.
      await settled(c);
      const tableId = Object.keys(fromYDoc(c.ydoc).tables)[0];
      const acked = c.statuses.length;
      new CollabReplica(c.ydoc, 'ed').dispatch({ type: 'table.update', tableId, changes: { comment: 'acknowledged' } });
      await eventually(() => c.statuses.slice(acked).includes(true) || undefined, 10_000, 'the acknowledgement');
      await settled(c);
      // What a restarted server loads, read straight from the database.
      expect(fromYDoc((await loadLiveDocument(prisma, id))!.ydoc).tables[tableId].comment).toBe('acknowledged');
      expect(await prisma.projectLiveUpdate.count({ where: { projectId: id } })).toBeGreaterThan(0);
      expect((await stored(prisma, id)).doc.tables[tableId].comment).toBeUndefined();
      // Another server (as after a restart) loading the project writes the logged edit back at once.
      const other = join(id, editor, 'owner');
      await other.synced;
      expect(fromYDoc(other.ydoc).tables[tableId].comment).toBe('acknowledged');
      await eventually(async () => ((await stored(prisma, id)).doc.tables[tableId].comment === 'acknowledged' ? true : undefined), 10_000, 'the write-back on load');
    } finally {
      await lazy.stop();
    }
  });

  it('disconnects a member removed during the session and makes a demoted editor read-only', async () => {
    const checker = await startCollabServer({ port: 0, secret: SECRET, storeDebounceMs: 50, storeMaxDebounceMs: 200, recheckMs: 100 });
    try {
      const [gone, demoted] = await Promise.all(['Gina Gone', 'Dan Demoted'].map((n) => createUser(prisma, n)));
      const id = await createTeamProject(prisma, 'Live', [[editor, 'owner'], [gone, 'editor'], [demoted, 'editor']]);
      const g = connect(checker.port, collabDocumentName(id), issueTicket(claimsFor(id, gone, 'editor'), SECRET).ticket);
      const d = connect(checker.port, collabDocumentName(id), issueTicket(claimsFor(id, demoted, 'editor'), SECRET).ticket);
      clients.push(g, d);
      await Promise.all([g.synced, d.synced]);
      let closed = false;
      g.provider.on('close', () => (closed = true));
      await prisma.projectMember.delete({ where: { projectId_userId: { projectId: id, userId: gone.userId } } });
      await prisma.projectMember.update({ where: { projectId_userId: { projectId: id, userId: demoted.userId } }, data: { role: 'viewer' } });
      await eventually(() => closed || undefined, 10_000, 'the removed member disconnected');
      const name = collabDocumentName(id);
      await eventually(() => [...(checker.hocuspocus.documents.get(name)?.connections.values() ?? [])].every(({ connection }) => connection.readOnly) || undefined, 10_000, 'read-only');
      const tableId = Object.keys(fromYDoc(d.ydoc).tables)[0];
      const refused = d.statuses.filter((x) => !x).length;
      new CollabReplica(d.ydoc, 'dan').dispatch({ type: 'table.update', tableId, changes: { comment: 'after the demotion' } });
      await eventually(() => d.statuses.filter((x) => !x).length > refused || undefined, 10_000, 'the refusal');
      expect(fromYDoc(checker.hocuspocus.documents.get(name)!).tables[tableId].comment).toBeUndefined();
    } finally {
      await checker.stop();
    }
  });
});
