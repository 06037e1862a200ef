/**
 * Teams through the real route handlers in team mode, on SQLite and PostgreSQL: share links (shown
 * once, refused on the very next request once revoked or expired), invites (one use, the invited
 * address only), the last-owner rules and ownership transfer, the audit trail, and what GET answers
 * about the caller's access. Who may call which route: access-matrix.test.ts.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, vi } from 'vitest';
import { emptyDocument } from '@/lib/model/empty';
import { SHARE_HEADER } from '@/lib/server/auth/access';
import type { SessionUser } from '@/lib/server/auth/session';
import { getDatabase, type AppPrisma } from '@/lib/server/db/client';
import { providerCases } from '@/lib/server/db/test-databases';
import { API_BASE, jsonRequest, useAppDatabase } from '@/lib/server/db/api-suite.test-support';
import { createTeamProject, createUser, SECRET_TABLE } from '@/lib/server/teams/team-suite.test-support';
import * as collection from './projects/route';
import * as item from './projects/[id]/route';
import * as events from './projects/[id]/events/route';
import * as invites from './projects/[id]/invites/route';
import * as invite from './projects/[id]/invites/[inviteId]/route';
import * as members from './projects/[id]/members/route';
import * as member from './projects/[id]/members/[userId]/route';
import * as shareLinks from './projects/[id]/share-links/route';
import * as shareLink from './projects/[id]/share-links/[linkId]/route';
import * as transfer from './projects/[id]/transfer/route';
import * as versions from './projects/[id]/versions/route';
import * as invitePreview from './invites/[token]/route';
import * as inviteAccept from './invites/[token]/accept/route';
import * as share from './share/[token]/route';

const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined }));
vi.mock('@/lib/server/auth/session', () => ({ sessionUser: async () => session.user }));

const as = (user: SessionUser | undefined) => {
  session.user = user;
};
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const url = (id: string, rest = '') => `${API_BASE}/${id}${rest}`;
const tokenOf = (u: string) => u.split('/').pop()!;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function getProject(id: string, headers: Record<string, string> = {}) {
  return item.GET(new Request(url(id), { headers }), ctx(id));
}
async function save(id: string, version: number, headers: Record<string, string> = {}) {
  return item.PUT(jsonRequest(url(id), 'PUT', { document: emptyDocument() }, { ...headers, 'if-match': String(version) }), ctx(id));
}
async function createLinkViaApi(id: string, body: Record<string, unknown>) {
  return shareLinks.POST(jsonRequest(url(id, '/share-links'), 'POST', body), ctx(id));
}
async function inviteViaApi(id: string, body: Record<string, unknown>) {
  return invites.POST(jsonRequest(url(id, '/invites'), 'POST', body), ctx(id));
}
const preview = (token: string) => invitePreview.GET(new Request(`http://localhost/api/invites/${token}`), { params: Promise.resolve({ token }) });
const accept = (token: string) => inviteAccept.POST(new Request(`http://localhost/api/invites/${token}/accept`, { method: 'POST' }), { params: Promise.resolve({ token }) });
const openShare = (token: string) => share.GET(new Request(`http://localhost/api/share/${token}`), { params: Promise.resolve({ token }) });
const roleOf = async (prisma: AppPrisma, projectId: string, userId: string) =>
  (await prisma.projectMember.findUnique({ where: { projectId_userId: { projectId, userId } } }))?.role;

describe.each(providerCases())('teams in team mode on $provider', ({ create }) => {
  const run = useAppDatabase(create);
  let prisma: AppPrisma;
  const savedAuth = process.env.DRAFTBASE_AUTH;
  beforeAll(async () => {
    if (!create) return;
    process.env.DRAFTBASE_AUTH = 'on';
    prisma = (await getDatabase()).prisma;
  });
  afterAll(() => {
    as(undefined);
    if (savedAuth === undefined) delete process.env.DRAFTBASE_AUTH;
    else process.env.DRAFTBASE_AUTH = savedAuth;
  });

  run('the creator owns a new project; the list shows members their projects (with role) and nobody else\'s', async () => {
    const [ann, ben] = [await createUser(prisma, 'Ann'), await createUser(prisma, 'Ben')];
    as(ann);
    const created = await collection.POST(jsonRequest(API_BASE, 'POST', { name: 'Ann private' }));
    expect(created.status).toBe(201);
    const { project } = await created.json();
    expect(project.role).toBe('owner');
    expect(await roleOf(prisma, project.id, ann.userId)).toBe('owner');
    const annList = (await (await collection.GET(new Request(API_BASE))).json()).projects;
    expect(annList).toEqual([expect.objectContaining({ id: project.id, role: 'owner' })]);

    as(ben);
    const benList = await (await collection.GET(new Request(API_BASE))).text();
    expect(JSON.parse(benList).projects).toEqual([]);
    expect(benList).not.toContain('Ann private');
    const refused = await getProject(project.id);
    expect(refused.status).toBe(404);
    const body = await refused.json();
    expect(body).not.toHaveProperty('document');
    // The same answer as for an id that does not exist.
    const missing = await (await getProject('prj_doesnotexist')).json();
    expect(body.error.code).toBe(missing.error.code);
  });

  run('GET /projects/:id says the caller\'s access: role, capabilities, via', async () => {
    const [owner, viewer] = [await createUser(prisma, 'Olga'), await createUser(prisma, 'Vera')];
    const id = await createTeamProject(prisma, 'Access', [[owner, 'owner'], [viewer, 'viewer']]);
    as(viewer);
    const asViewer = await (await getProject(id)).json();
    expect(asViewer.access).toEqual({ role: 'viewer', capabilities: { view: true, comment: false, edit: false, manage: false }, via: 'member' });
    expect(asViewer.document.tables.tbl_secret.name).toBe(SECRET_TABLE);
    as(owner);
    const { url: link } = await (await createLinkViaApi(id, { role: 'commenter' })).json();
    as(undefined);
    const viaLink = await (await getProject(id, { [SHARE_HEADER]: tokenOf(link) })).json();
    expect(viaLink.access).toEqual({ role: 'commenter', capabilities: { view: true, comment: true, edit: false, manage: false }, via: 'share' });
  });

  run('ids in URLs: oversized or malformed ids are 404 before any lookup', async () => {
    const owner = await createUser(prisma, 'Ida');
    as(owner);
    for (const id of ['p'.repeat(65), '../etc', 'prj_ok;drop', '']) {
      const res = await getProject(id);
      expect(res.status, id).toBe(404);
      expect((await res.json()).error.message.length).toBeLessThan(120);
    }
  });

  run('a share link: shown once as /s/<token>, stored hashed; revoked, it is refused on the very next request', async () => {
    const owner = await createUser(prisma, 'Sam');
    const id = await createTeamProject(prisma, 'Shared', [[owner, 'owner']]);
    // Nothing below may write the token to the server log.
    const logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
    as(owner);
    const created = await createLinkViaApi(id, { role: 'viewer', label: 'Review board' });
    expect(created.status).toBe(201);
    const { link, url: linkUrl } = await created.json();
    expect(linkUrl).toMatch(/^\/s\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(linkUrl);
    expect(link).toMatchObject({ role: 'viewer', label: 'Review board', expiresAt: null, revokedAt: null });
    const stored = await prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    // Several links per project; the list never carries a token.
    await createLinkViaApi(id, { role: 'commenter' });
    const listed = await (await shareLinks.GET(new Request(url(id, '/share-links')), ctx(id))).text();
    expect(JSON.parse(listed).links).toHaveLength(2);
    expect(listed).not.toContain(token);

    as(undefined);
    expect(await (await openShare(token)).json()).toEqual({ projectId: id, projectName: 'Shared', role: 'viewer' });
    expect((await getProject(id, { [SHARE_HEADER]: token })).status).toBe(200);
    // Members by name only: a link's visitor has no account and gets no email addresses.
    const team = await (await members.GET(new Request(url(id, '/members'), { headers: { [SHARE_HEADER]: token } }), ctx(id))).json();
    expect(team).toEqual({ members: [expect.objectContaining({ name: 'Sam', email: '', role: 'owner' })], invites: [] });
    // A viewer link cannot save.
    expect((await save(id, 1, { [SHARE_HEADER]: token })).status).toBe(403);

    as(owner);
    expect((await shareLink.DELETE(new Request(url(id, `/share-links/${link.id}`), { method: 'DELETE' }), { params: Promise.resolve({ id, linkId: link.id }) })).status).toBe(204);
    as(undefined);
    const next = await getProject(id, { [SHARE_HEADER]: token });
    expect(next.status).toBe(401);
    expect(await next.text()).not.toContain(SECRET_TABLE);
    expect((await openShare(token)).status).toBe(404);
    // The audit trail names the link's changes and never holds its token.
    as(owner);
    const trail = await (await events.GET(new Request(url(id, '/events')), ctx(id))).text();
    expect(JSON.parse(trail).events.map((e: { action: string }) => e.action)).toEqual(['share.revoke', 'share.create', 'share.create']);
    expect(trail).not.toContain(token);
    for (const spy of logged) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain(token);
      spy.mockRestore();
    }
  });

  run('an expired share link is refused; a link cannot be made already expired, or with an edit role', async () => {
    const owner = await createUser(prisma, 'Eve');
    const id = await createTeamProject(prisma, 'Expiring', [[owner, 'owner']]);
    as(owner);
    const soon = new Date(Date.now() + 60_000).toISOString();
    const { link, url: linkUrl } = await (await createLinkViaApi(id, { role: 'viewer', expiresAt: soon })).json();
    expect(link.expiresAt).toBe(soon);
    const token = tokenOf(linkUrl);
    as(undefined);
    expect((await getProject(id, { [SHARE_HEADER]: token })).status).toBe(200);
    await prisma.shareLink.update({ where: { id: link.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await getProject(id, { [SHARE_HEADER]: token })).status).toBe(401);
    expect((await openShare(token)).status).toBe(404);

    as(owner);
    for (const body of [{ role: 'editor' }, { role: 'owner' }, { role: 'viewer', expiresAt: new Date(Date.now() - 60_000).toISOString() }, { role: 'viewer', expiresAt: 'tomorrow' }, { role: 'viewer', token: 'mine' }]) {
      const res = await createLinkViaApi(id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  run('an invite: shown once, stored hashed, accepted once by the invited address only', async () => {
    const owner = await createUser(prisma, 'Ines');
    const invitee = await createUser(prisma, 'Ivan');
    const stranger = await createUser(prisma, 'Stan');
    const id = await createTeamProject(prisma, 'Invited', [[owner, 'owner']]);
    as(owner);
    const created = await inviteViaApi(id, { email: invitee.email.toUpperCase(), role: 'editor' });
    expect(created.status).toBe(201);
    const { invite: info, url: inviteUrl } = await created.json();
    expect(inviteUrl).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(inviteUrl);
    expect(info).toMatchObject({ email: invitee.email, role: 'editor', acceptedAt: null });
    expect(Date.parse(info.expiresAt) - Date.parse(info.createdAt)).toBe(7 * 24 * 60 * 60 * 1000);
    expect((await prisma.projectInvite.findUniqueOrThrow({ where: { id: info.id } })).tokenHash).toBe(sha256(token));
    // Owners see pending invites (without tokens); other members do not.
    const asOwner = await (await members.GET(new Request(url(id, '/members')), ctx(id))).text();
    expect(JSON.parse(asOwner).invites.map((i: { id: string }) => i.id)).toEqual([info.id]);
    expect(asOwner).not.toContain(token);

    as(undefined);
    expect(await (await preview(token)).json()).toEqual({ projectName: 'Invited', email: invitee.email, role: 'editor', expiresAt: info.expiresAt });
    expect((await accept(token)).status).toBe(401);
    as(stranger);
    const wrong = await accept(token);
    expect(wrong.status).toBe(403);
    expect(await roleOf(prisma, id, stranger.userId)).toBeUndefined();
    as(invitee);
    const ok = await accept(token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ projectId: id });
    expect(await roleOf(prisma, id, invitee.userId)).toBe('editor');
    expect((await save(id, 1)).status).toBe(200);
    // Once only.
    expect((await accept(token)).status).toBe(410);
    as(stranger);
    expect((await accept(token)).status).toBe(410);
    expect((await preview(token)).status).toBe(410);
    expect((await preview('A'.repeat(43))).status).toBe(404);

    as(invitee);
    const view = await (await members.GET(new Request(url(id, '/members')), ctx(id))).json();
    expect(view.invites).toEqual([]);
    expect(view.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([['Ines', 'owner'], ['Ivan', 'editor']]);
  });

  run('a withdrawn or expired invite is 410; bad invite bodies are 400', async () => {
    const owner = await createUser(prisma, 'Wanda');
    const invitee = await createUser(prisma, 'Walt');
    const id = await createTeamProject(prisma, 'Withdrawn', [[owner, 'owner']]);
    as(owner);
    const first = await (await inviteViaApi(id, { email: invitee.email, role: 'viewer' })).json();
    expect((await invite.DELETE(new Request(url(id, `/invites/${first.invite.id}`), { method: 'DELETE' }), { params: Promise.resolve({ id, inviteId: first.invite.id }) })).status).toBe(204);
    const second = await (await inviteViaApi(id, { email: invitee.email, role: 'viewer' })).json();
    await prisma.projectInvite.update({ where: { id: second.invite.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    as(invitee);
    expect((await accept(tokenOf(first.url))).status).toBe(410);
    expect((await accept(tokenOf(second.url))).status).toBe(410);
    expect(await roleOf(prisma, id, invitee.userId)).toBeUndefined();

    as(owner);
    for (const body of [{ email: 'not-an-email', role: 'viewer' }, { email: invitee.email, role: 'admin' }, { email: invitee.email }, { email: invitee.email, role: 'viewer', extra: 1 }]) {
      expect((await inviteViaApi(id, body)).status, JSON.stringify(body)).toBe(400);
    }
  });

  run('the last owner can be neither demoted nor removed; a member may leave; transfer swaps owner and editor', async () => {
    const [owner, editor, viewer, outsider] = [await createUser(prisma, 'Lou'), await createUser(prisma, 'Ed'), await createUser(prisma, 'Viv'), await createUser(prisma, 'Out')];
    const id = await createTeamProject(prisma, 'Owners', [[owner, 'owner'], [editor, 'editor'], [viewer, 'viewer']]);
    const patch = (userId: string, role: string) => member.PATCH(jsonRequest(url(id, `/members/${userId}`), 'PATCH', { role }), { params: Promise.resolve({ id, userId }) });
    const remove = (userId: string) => member.DELETE(new Request(url(id, `/members/${userId}`), { method: 'DELETE' }), { params: Promise.resolve({ id, userId }) });
    const transferTo = (userId: string) => transfer.POST(jsonRequest(url(id, '/transfer'), 'POST', { userId }), ctx(id));

    as(owner);
    const demote = await patch(owner.userId, 'editor');
    expect(demote.status).toBe(409);
    expect((await demote.json()).error.code).toBe('last_owner');
    expect((await remove(owner.userId)).status).toBe(409);
    expect((await patch(viewer.userId, 'admin')).status).toBe(400);
    expect((await patch(outsider.userId, 'viewer')).status).toBe(404);
    expect((await transferTo(outsider.userId)).status).toBe(404);
    expect(await roleOf(prisma, id, owner.userId)).toBe('owner');

    // A second owner: now either may step down, but not both.
    expect(await (await patch(editor.userId, 'owner')).json()).toMatchObject({ member: { userId: editor.userId, role: 'owner' } });
    expect((await patch(owner.userId, 'editor')).status).toBe(200);
    as(editor);
    expect((await patch(editor.userId, 'viewer')).status).toBe(409);

    // Transfer: the target becomes owner, the caller editor (and can no longer manage).
    expect((await transferTo(owner.userId)).status).toBe(204);
    expect([await roleOf(prisma, id, owner.userId), await roleOf(prisma, id, editor.userId)]).toEqual(['owner', 'editor']);
    expect((await patch(viewer.userId, 'editor')).status).toBe(403);

    // Two owners stepping down at the same moment: one of them stays owner.
    as(owner);
    expect((await patch(editor.userId, 'owner')).status).toBe(200);
    const both = await Promise.all([patch(owner.userId, 'viewer'), patch(editor.userId, 'viewer')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await prisma.projectMember.count({ where: { projectId: id, role: 'owner' } })).toBe(1);
    const stillOwner = (await roleOf(prisma, id, owner.userId)) === 'owner' ? owner : editor;
    as(stillOwner);
    expect((await patch(stillOwner === owner ? editor.userId : owner.userId, 'editor')).status).toBe(200);

    // Leaving needs no manage right; removing someone else does.
    as(viewer);
    expect((await remove(editor.userId)).status).toBe(403);
    expect((await remove(viewer.userId)).status).toBe(204);
    expect((await getProject(id)).status).toBe(404);
  });

  run('audit: each save records its author (row and event); versions show who named them', async () => {
    const [owner, editor] = [await createUser(prisma, 'Audra Owner'), await createUser(prisma, 'Eli Editor')];
    const id = await createTeamProject(prisma, 'Audited', [[owner, 'owner'], [editor, 'editor']]);
    as(editor);
    expect((await save(id, 1)).status).toBe(200);
    expect((await prisma.project.findUniqueOrThrow({ where: { id } })).updatedById).toBe(editor.userId);
    expect((await versions.POST(jsonRequest(url(id, '/versions'), 'POST', { name: 'review 1' }), ctx(id))).status).toBe(201);
    as(owner);
    expect((await save(id, 2)).status).toBe(200);
    expect((await save(id, 2)).status).toBe(409); // a refused save is not an event
    expect((await item.PATCH(jsonRequest(url(id), 'PATCH', { name: 'Audited 2' }), ctx(id))).status).toBe(200);
    expect((await prisma.project.findUniqueOrThrow({ where: { id } })).updatedById).toBe(owner.userId);
    expect((await versions.POST(jsonRequest(url(id, '/versions'), 'POST', { name: 'review 2' }), ctx(id))).status).toBe(201);

    const list = await (await versions.GET(new Request(url(id, '/versions')), ctx(id))).json();
    expect(list.versions.map((v: { name: string; author: string | null }) => [v.name, v.author])).toEqual([['review 2', 'Audra Owner'], ['review 1', 'Eli Editor']]);
    const trail = (await (await events.GET(new Request(url(id, '/events')), ctx(id))).json()).events;
    expect(trail.map((e: { action: string; actorName: string; projectVersion: number | null }) => [e.action, e.actorName, e.projectVersion])).toEqual([
      ['version', 'Audra Owner', 3],
      ['rename', 'Audra Owner', null],
      ['save', 'Audra Owner', 3],
      ['version', 'Eli Editor', 2],
      ['save', 'Eli Editor', 2],
    ]);
    expect(trail[1].detail).toBe('Audited -> Audited 2');
  });
});
