/**
 * The review comments API through its real route handlers, on SQLite and (DATABASE_URL_PG) on
 * PostgreSQL: solo mode, then team mode with each role, share links, another project's thread,
 * mentions of members only, and the design document export with ?comments=1.
 *
 * Signed-in users come from a stand-in for the session lookup (the header `x-test-user`), so these
 * tests need no sign-in flow; everything after it (membership, roles, share links) is the real code.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { documentOf, makeColumn, makeTable } from '@/lib/model/build';
import { hashToken } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { providerCases } from '@/lib/server/db/test-databases';
import { API_BASE, jsonRequest, useAppDatabase } from '@/lib/server/db/api-suite.test-support';
import { createProject, getProject } from '@/lib/server/projects/repository';
import { resetComputePool } from '@/lib/server/compute/pool';
import { newId } from '@/lib/model/ids';
import { COMMENT_LIMITS } from '@/lib/comments/limits';
import type { CommentThreadInfo } from '@/lib/comments/types';
import * as threads from './route';
import * as threadItem from './[threadId]/route';
import * as replies from './[threadId]/replies/route';
import * as exporter from '../export/route';

const sessions = vi.hoisted(() => new Map<string, { userId: string; name: string; email: string }>());
vi.mock('@/lib/server/auth/session', () => ({
  sessionUser: async (req: Request) => sessions.get(req.headers.get('x-test-user') ?? ''),
}));

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const tctx = (id: string, threadId: string) => ({ params: Promise.resolve({ id, threadId }) });

type Who = { user?: string; share?: string };
const headersOf = (who: Who): Record<string, string> => ({ ...(who.user ? { 'x-test-user': who.user } : {}), ...(who.share ? { 'x-draftbase-share': who.share } : {}) });

const list = (id: string, who: Who = {}) => threads.GET(new Request(`${API_BASE}/${id}/comments`, { headers: headersOf(who) }), ctx(id));
const start = (id: string, body: unknown, who: Who = {}) => threads.POST(jsonRequest(`${API_BASE}/${id}/comments`, 'POST', body, headersOf(who)), ctx(id));
const reply = (id: string, threadId: string, body: unknown, who: Who = {}) =>
  replies.POST(jsonRequest(`${API_BASE}/${id}/comments/${threadId}/replies`, 'POST', body, headersOf(who)), tctx(id, threadId));
const resolve = (id: string, threadId: string, body: unknown, who: Who = {}) =>
  threadItem.PATCH(jsonRequest(`${API_BASE}/${id}/comments/${threadId}`, 'PATCH', body, headersOf(who)), tctx(id, threadId));

const columnAnchor = { kind: 'column', tableId: 'tbl_orders', columnId: 'col_customer', label: 'orders.customer_id' } as const;

const shopDocument = () =>
  documentOf({
    tables: [makeTable({ id: 'tbl_orders', name: 'orders', columns: [makeColumn({ id: 'col_id', name: 'id' }), makeColumn({ id: 'col_customer', name: 'customer_id' })] })],
  });

async function newProject(name = 'Shop'): Promise<string> {
  return (await createProject((await getDatabase()).prisma, { name, document: shopDocument() })).id;
}

async function threadOf(res: Response, status: number): Promise<CommentThreadInfo> {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body.thread;
}

async function errorOf(res: Response): Promise<{ status: number; code: string }> {
  const body = await res.json();
  return { status: res.status, code: body.error?.code };
}

describe.each(providerCases())('comments API on $provider', ({ provider, create }) => {
  const run = useAppDatabase(create);
  // Solo mode is the embedded SQLite default only: a PostgreSQL deployment is always team mode.
  const solo = provider === 'sqlite' ? run : it.skip;

  beforeAll(async () => {
    await resetComputePool({ budgetMs: 150_000 });
  });

  solo('solo: start, reply, resolve and reopen as the local user; the document and its version stay untouched', async () => {
    const id = await newProject();
    const before = await getProject((await getDatabase()).tables, id);
    const t = await threadOf(await start(id, { anchor: columnAnchor, body: 'Should this be NOT NULL?\nIt is required.' }), 201);
    expect(t).toMatchObject({ anchor: columnAnchor, resolved: false, comments: [{ authorName: 'Local user', authorKind: 'solo', authorId: null, body: 'Should this be NOT NULL?\nIt is required.' }] });
    // A typed name cannot pose as someone else outside share links.
    const r = await threadOf(await reply(id, t.id, { body: 'Yes.', authorName: 'The CTO' }), 201);
    expect(r.comments.map((c) => [c.authorName, c.body])).toEqual([
      ['Local user', 'Should this be NOT NULL?\nIt is required.'],
      ['Local user', 'Yes.'],
    ]);
    const resolved = await threadOf(await resolve(id, t.id, { resolved: true }), 200);
    expect(resolved).toMatchObject({ resolved: true, resolvedByName: 'Local user' });
    expect(resolved.resolvedAt).toMatch(/^\d{4}-/);
    const reopened = await threadOf(await resolve(id, t.id, { resolved: false }), 200);
    expect(reopened).toMatchObject({ resolved: false, resolvedAt: null, resolvedByName: null });

    const all = await list(id);
    expect(all.status).toBe(200);
    expect((await all.json()).threads.map((x: CommentThreadInfo) => [x.id, x.comments.length])).toEqual([[t.id, 2]]);
    const after = await getProject((await getDatabase()).tables, id);
    expect(after?.version).toBe(before?.version);
    expect(after?.documentJson).toBe(before?.documentJson);
  });

  solo('solo: bodies and anchors are validated; an unknown project is 404', async () => {
    const id = await newProject();
    expect(await errorOf(await start(id, { anchor: columnAnchor, body: '   \n ' }))).toEqual({ status: 400, code: 'invalid_body' });
    expect(await errorOf(await start(id, { anchor: columnAnchor, body: 'x'.repeat(COMMENT_LIMITS.bodyLength + 1) }))).toEqual({ status: 400, code: 'invalid_body' });
    expect((await start(id, { anchor: columnAnchor, body: 'x'.repeat(COMMENT_LIMITS.bodyLength) })).status).toBe(201);
    expect(await errorOf(await start(id, { anchor: { ...columnAnchor, extra: 1 }, body: 'x' }))).toEqual({ status: 400, code: 'invalid_body' });
    expect(await errorOf(await start(id, { anchor: { kind: 'view', viewId: 'v', label: 'v' }, body: 'x' }))).toEqual({ status: 400, code: 'invalid_body' });
    expect(await errorOf(await start(id, { anchor: columnAnchor, body: 'x', role: 'owner' }))).toEqual({ status: 400, code: 'invalid_body' });
    expect(await errorOf(await start('prj_missing', { anchor: columnAnchor, body: 'x' }))).toEqual({ status: 404, code: 'not_found' });
    expect(await errorOf(await list('prj_missing'))).toEqual({ status: 404, code: 'not_found' });
    expect(await errorOf(await resolve(id, 'cth_missing', { resolved: true }))).toEqual({ status: 404, code: 'not_found' });
    expect(await errorOf(await resolve(id, 'cth_missing', { resolved: 'yes' }))).toEqual({ status: 400, code: 'invalid_body' });
  });

  solo('solo: export ?comments=1 appends the escaped Review comments section to the markdown and html design documents only', async () => {
    const id = await newProject();
    const t = await threadOf(await start(id, { anchor: columnAnchor, body: '<script>alert(1)</script> [x](javascript:alert(2))' }), 201);
    await resolve(id, t.id, { resolved: true });
    await start(id, { anchor: { kind: 'section', slug: 'index-strategy', label: 'Index Strategy' }, body: 'BRIN?' });
    const get = (q: string) => exporter.GET(new Request(`${API_BASE}/${id}/export?${q}`), ctx(id));

    const plain = await (await get('format=markdown')).text();
    expect(plain).not.toContain('Review comments');
    const md = await get('format=markdown&comments=1');
    expect(md.status).toBe(200);
    const text = await md.text();
    expect(text.startsWith(plain.slice(0, plain.indexOf('**Contents**')))).toBe(true);
    const section = text.slice(text.indexOf('## Review comments'));
    expect(section).toContain('1 open thread, 1 resolved thread.');
    expect(section).toContain('### Column orders.customer\\_id');
    expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:alert(2))');

    const html = await (await get('format=html&comments=1')).text();
    expect(html).toContain('Review comments</h2>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toMatch(/href="javascript:/i);

    expect(await errorOf(await get('format=postgres&comments=1'))).toEqual({ status: 400, code: 'invalid_query' });
    expect(await errorOf(await get('format=markdown&comments=yes'))).toEqual({ status: 400, code: 'invalid_query' });
  }, 120_000);

  describe('team mode', () => {
    const users = {
      owner: { userId: newId('usr'), name: 'Olivia Owner', email: 'olivia@example.com' },
      commenter: { userId: newId('usr'), name: 'Cal Commenter', email: 'cal@example.com' },
      viewer: { userId: newId('usr'), name: 'Vic Viewer', email: 'vic@example.com' },
      stranger: { userId: newId('usr'), name: 'Mallory', email: 'mallory@example.com' },
    };
    let projectId: string;
    let otherProjectId: string;
    const links: Record<'viewer' | 'commenter' | 'revoked' | 'other', string> = { viewer: '', commenter: '', revoked: '', other: '' };

    beforeAll(async () => {
      if (!create) return;
      process.env.DRAFTBASE_AUTH = 'on';
      const { prisma } = await getDatabase();
      for (const [key, u] of Object.entries(users)) {
        await prisma.user.create({ data: { id: u.userId, name: u.name, email: u.email } });
        sessions.set(key, u);
      }
      projectId = await newProject('Team shop');
      otherProjectId = await newProject('Someone else');
      const member = (p: string, u: { userId: string }, role: string) => prisma.projectMember.create({ data: { projectId: p, userId: u.userId, role } });
      await member(projectId, users.owner, 'owner');
      await member(projectId, users.commenter, 'commenter');
      await member(projectId, users.viewer, 'viewer');
      await member(otherProjectId, users.stranger, 'owner');
      const link = async (p: string, role: string, revoked = false) => {
        const token = randomBytes(32).toString('base64url');
        await prisma.shareLink.create({ data: { id: newId('shl'), projectId: p, tokenHash: hashToken(token), role, revokedAt: revoked ? new Date() : null } });
        return token;
      };
      links.viewer = await link(projectId, 'viewer');
      links.commenter = await link(projectId, 'commenter');
      links.revoked = await link(projectId, 'commenter', true);
      links.other = await link(otherProjectId, 'commenter');
    });
    afterAll(() => {
      delete process.env.DRAFTBASE_AUTH;
    });

    run('signed out is 401; a non-member and another project\'s share link get 404, never the threads', async () => {
      await threadOf(await start(projectId, { anchor: columnAnchor, body: 'private' }, { user: 'owner' }), 201);
      expect(await errorOf(await list(projectId))).toEqual({ status: 401, code: 'signed_out' });
      expect(await errorOf(await start(projectId, { anchor: columnAnchor, body: 'x' }))).toEqual({ status: 401, code: 'signed_out' });
      expect(await errorOf(await list(projectId, { user: 'stranger' }))).toEqual({ status: 404, code: 'not_found' });
      expect(await errorOf(await start(projectId, { anchor: columnAnchor, body: 'x' }, { user: 'stranger' }))).toEqual({ status: 404, code: 'not_found' });
      expect(await errorOf(await list(projectId, { share: links.other }))).toEqual({ status: 404, code: 'not_found' });
      expect(await errorOf(await list(projectId, { share: links.revoked }))).toEqual({ status: 401, code: 'signed_out' });
    });

    run('a viewer (member or link) reads but gets 403 on start, reply and resolve; a commenter may do all three', async () => {
      const t = await threadOf(await start(projectId, { anchor: columnAnchor, body: 'Nullable?' }, { user: 'commenter' }), 201);
      expect(t.comments[0]).toMatchObject({ authorId: users.commenter.userId, authorName: 'Cal Commenter', authorKind: 'user' });
      for (const viewer of [{ user: 'viewer' }, { share: links.viewer }]) {
        expect((await list(projectId, viewer)).status).toBe(200);
        expect(await errorOf(await start(projectId, { anchor: columnAnchor, body: 'x', authorName: 'V' }, viewer))).toEqual({ status: 403, code: 'forbidden' });
        expect(await errorOf(await reply(projectId, t.id, { body: 'x', authorName: 'V' }, viewer))).toEqual({ status: 403, code: 'forbidden' });
        expect(await errorOf(await resolve(projectId, t.id, { resolved: true, authorName: 'V' }, viewer))).toEqual({ status: 403, code: 'forbidden' });
      }
      expect((await threadOf(await reply(projectId, t.id, { body: 'No.' }, { user: 'owner' }), 201)).comments).toHaveLength(2);
      expect(await threadOf(await resolve(projectId, t.id, { resolved: true }, { user: 'commenter' }), 200)).toMatchObject({ resolved: true, resolvedByName: 'Cal Commenter' });
      expect(await threadOf(await resolve(projectId, t.id, { resolved: false }, { user: 'owner' }), 200)).toMatchObject({ resolved: false });
    });

    run('a comment link\'s guest must type a name (trimmed, 1-80 characters) and is shown as a guest', async () => {
      const share = { share: links.commenter };
      expect(await errorOf(await start(projectId, { anchor: columnAnchor, body: 'hi' }, share))).toEqual({ status: 400, code: 'author_name_required' });
      expect(await errorOf(await start(projectId, { anchor: columnAnchor, body: 'hi', authorName: '  ' }, share))).toEqual({ status: 400, code: 'invalid_body' });
      expect(await errorOf(await start(projectId, { anchor: columnAnchor, body: 'hi', authorName: 'x'.repeat(81) }, share))).toEqual({ status: 400, code: 'invalid_body' });
      const t = await threadOf(await start(projectId, { anchor: columnAnchor, body: 'hi', authorName: '  Gina Guest \n' }, share), 201);
      expect(t.comments[0]).toMatchObject({ authorId: null, authorName: 'Gina Guest', authorKind: 'share' });
      expect(await errorOf(await reply(projectId, t.id, { body: 'again' }, share))).toEqual({ status: 400, code: 'author_name_required' });
      expect(await threadOf(await resolve(projectId, t.id, { resolved: true, authorName: 'Gina Guest' }, share), 200)).toMatchObject({ resolvedByName: 'Gina Guest' });
    });

    run('another project\'s thread id is 404 on reply and resolve, and the thread is untouched', async () => {
      const theirs = await threadOf(await start(otherProjectId, { anchor: columnAnchor, body: 'theirs' }, { user: 'stranger' }), 201);
      expect(await errorOf(await reply(projectId, theirs.id, { body: 'mine now' }, { user: 'owner' }))).toEqual({ status: 404, code: 'not_found' });
      expect(await errorOf(await resolve(projectId, theirs.id, { resolved: true }, { user: 'owner' }))).toEqual({ status: 404, code: 'not_found' });
      expect(await errorOf(await reply(projectId, theirs.id, { body: 'x', authorName: 'G' }, { share: links.commenter }))).toEqual({ status: 404, code: 'not_found' });
      const after = (await (await list(otherProjectId, { user: 'stranger' })).json()).threads as CommentThreadInfo[];
      expect(after.find((x) => x.id === theirs.id)).toMatchObject({ resolved: false, comments: [{ body: 'theirs' }] });
      expect(((await (await list(projectId, { user: 'owner' })).json()).threads as CommentThreadInfo[]).some((x) => x.id === theirs.id)).toBe(false);
    });

    run('mentions resolve to project members only, by name or email, with their current names', async () => {
      const t = await threadOf(await start(projectId, { anchor: columnAnchor, body: '@Vic Viewer and @cal@example.com, not @Mallory nor @mallory@example.com' }, { user: 'owner' }), 201);
      expect(t.comments[0].mentions).toEqual([
        { userId: users.viewer.userId, handle: 'Vic Viewer', name: 'Vic Viewer' },
        { userId: users.commenter.userId, handle: 'cal@example.com', name: 'Cal Commenter' },
      ]);
      const r = await threadOf(await reply(projectId, t.id, { body: 'thanks @olivia@example.com', authorName: 'G' }, { share: links.commenter }), 201);
      expect(r.comments[1].mentions.map((m) => m.userId)).toEqual([users.owner.userId]);
      await (await getDatabase()).prisma.user.update({ where: { id: users.viewer.userId }, data: { name: 'Victoria Viewer' } });
      const listed = ((await (await list(projectId, { user: 'viewer' })).json()).threads as CommentThreadInfo[]).find((x) => x.id === t.id)!;
      expect(listed.comments[0].mentions[0]).toMatchObject({ name: 'Victoria Viewer', handle: 'Vic Viewer' });
    });
  });
});
