/**
 * Issue 18's access matrix, through the real route handlers in team mode on SQLite and PostgreSQL:
 * every route × every kind of caller -> the expected status. One table of routes (with the action each
 * needs), one of callers; a route added to the API is one row here.
 *
 * Whoever is refused never sees the project's data: no refused response carries the document's
 * secret table name or the project's name.
 */
import { afterAll, beforeAll, describe, expect, vi } from 'vitest';
import { roleAllows, type ProjectAction, type ProjectRole } from '@/lib/auth/roles';
import { emptyDocument } from '@/lib/model/empty';
import { SHARE_HEADER } from '@/lib/server/auth/access';
import type { SessionUser } from '@/lib/server/auth/session';
import { getDatabase, type AppPrisma } from '@/lib/server/db/client';
import { providerCases } from '@/lib/server/db/test-databases';
import { API_BASE, jsonRequest, useAppDatabase } from '@/lib/server/db/api-suite.test-support';
import { newId } from '@/lib/model/ids';
import { createLink, createTeamProject, createUser, secretDocument, SECRET_TABLE } from '@/lib/server/teams/team-suite.test-support';
import { newToken } from '@/lib/server/teams/tokens';
import * as advise from './advise/route';
import * as pdf from './design-doc/pdf/route';
import * as importRoute from './import/route';
import * as sqliteImport from './import/sqlite/route';
import * as lint from './lint/route';
import * as render from './render/route';
import * as collection from './projects/route';
import * as item from './projects/[id]/route';
import * as events from './projects/[id]/events/route';
import * as exportRoute from './projects/[id]/export/route';
import * as invites from './projects/[id]/invites/route';
import * as invite from './projects/[id]/invites/[inviteId]/route';
import * as members from './projects/[id]/members/route';
import * as member from './projects/[id]/members/[userId]/route';
import * as shareLinks from './projects/[id]/share-links/route';
import * as shareLink from './projects/[id]/share-links/[linkId]/route';
import * as state from './projects/[id]/state/route';
import * as collab from './projects/[id]/collab/route';
import * as transfer from './projects/[id]/transfer/route';
import * as versions from './projects/[id]/versions/route';
import * as version from './projects/[id]/versions/[vid]/route';

const session = vi.hoisted(() => ({ user: undefined as SessionUser | undefined }));
vi.mock('@/lib/server/auth/session', () => ({ sessionUser: async () => session.user }));

// ---------------------------------------------------------------------------------------------------
// The world each case runs in: a fresh project with one member per role, a bystander (the target of
// member changes), an invite, a named version and share links; an outsider owns another project.

interface Team {
  owner: SessionUser;
  editor: SessionUser;
  commenter: SessionUser;
  viewer: SessionUser;
  bystander: SessionUser;
  outsider: SessionUser;
  otherProjectLink: string;
}

interface World {
  projectId: string;
  projectName: string;
  versionId: string;
  inviteId: string;
  spareLinkId: string;
  links: { viewer: string; commenter: string; revoked: string; expired: string };
}

async function makeTeam(prisma: AppPrisma): Promise<Team> {
  const [owner, editor, commenter, viewer, bystander, outsider] = await Promise.all(['Olive Owner', 'Eddie Editor', 'Cora Commenter', 'Vic Viewer', 'Bea Bystander', 'Otto Outsider'].map((n) => createUser(prisma, n)));
  const other = await createTeamProject(prisma, 'Another team', [[outsider, 'owner']]);
  return { owner, editor, commenter, viewer, bystander, outsider, otherProjectLink: (await createLink(prisma, other, 'viewer')).token };
}

async function makeWorld(prisma: AppPrisma, team: Team): Promise<World> {
  const projectName = `Confidential ${newId('p')}`;
  const projectId = await createTeamProject(prisma, projectName, [
    [team.owner, 'owner'],
    [team.editor, 'editor'],
    [team.commenter, 'commenter'],
    [team.viewer, 'viewer'],
    [team.bystander, 'viewer'],
  ]);
  const versionId = newId('ver');
  const inviteId = newId('inv');
  const links = { viewer: newToken(), commenter: newToken(), revoked: newToken(), expired: newToken(), spare: newToken() };
  const spareLinkId = newId('shl');
  const link = (t: { tokenHash: string }, role: string, extra: { revokedAt?: Date; expiresAt?: Date; id?: string } = {}) => ({ id: extra.id ?? newId('shl'), projectId, tokenHash: t.tokenHash, role, ...extra });
  // Five writes per case in all (the suite makes ~300 worlds per provider).
  await Promise.all([
    prisma.projectVersion.create({ data: { id: versionId, projectId, name: 'v1', document: JSON.stringify(secretDocument()), tableCount: 1, projectVersion: 1 } }),
    prisma.projectInvite.create({ data: { id: inviteId, projectId, tokenHash: newId('hash'), email: 'later@example.test', role: 'viewer', createdById: team.owner.userId, expiresAt: new Date(Date.now() + 86_400_000) } }),
    prisma.shareLink.createMany({
      data: [
        link(links.viewer, 'viewer'),
        link(links.commenter, 'commenter'),
        link(links.revoked, 'viewer', { revokedAt: new Date() }),
        link(links.expired, 'viewer', { expiresAt: new Date(Date.now() - 1000) }),
        link(links.spare, 'viewer', { id: spareLinkId }),
      ],
    }),
  ]);
  return {
    projectId,
    projectName,
    versionId,
    inviteId,
    spareLinkId,
    links: { viewer: links.viewer.token, commenter: links.commenter.token, revoked: links.revoked.token, expired: links.expired.token },
  };
}

// ---------------------------------------------------------------------------------------------------
// Callers.

type Caller =
  | { name: string; kind: 'member'; role: ProjectRole; user: (t: Team) => SessionUser }
  | { name: string; kind: 'outsider' }
  | { name: string; kind: 'signed-out' }
  | { name: string; kind: 'share'; role: 'viewer' | 'commenter'; token: (w: World) => string }
  | { name: string; kind: 'other-share' }
  | { name: string; kind: 'dead-share'; token: (w: World) => string };

const callers: Caller[] = [
  { name: 'owner', kind: 'member', role: 'owner', user: (t) => t.owner },
  { name: 'editor', kind: 'member', role: 'editor', user: (t) => t.editor },
  { name: 'commenter', kind: 'member', role: 'commenter', user: (t) => t.commenter },
  { name: 'viewer', kind: 'member', role: 'viewer', user: (t) => t.viewer },
  { name: 'signed out', kind: 'signed-out' },
  { name: 'member of another project', kind: 'outsider' },
  { name: 'share-link viewer', kind: 'share', role: 'viewer', token: (w) => w.links.viewer },
  { name: 'share-link commenter', kind: 'share', role: 'commenter', token: (w) => w.links.commenter },
  { name: "another project's share link", kind: 'other-share' },
  { name: 'revoked share link', kind: 'dead-share', token: (w) => w.links.revoked },
  { name: 'expired share link', kind: 'dead-share', token: (w) => w.links.expired },
];

/** Signs the caller in (or not) and returns the headers its requests carry. */
function actAs(caller: Caller, team: Team, world: World): Record<string, string> {
  session.user = caller.kind === 'member' ? caller.user(team) : caller.kind === 'outsider' ? team.outsider : undefined;
  if (caller.kind === 'share' || caller.kind === 'dead-share') return { [SHARE_HEADER]: caller.token(world) };
  if (caller.kind === 'other-share') return { [SHARE_HEADER]: team.otherProjectLink };
  return {};
}

// ---------------------------------------------------------------------------------------------------
// Routes. `project` routes need `action` on the project; `account` routes need a signed-in account
// (share links are refused: 403); `actor` routes need anyone at all (share links may render).

interface Call {
  w: World;
  t: Team;
  h: Record<string, string>;
}

type RouteRow =
  | { name: string; kind: 'project'; action: ProjectAction; ok: number; call: (c: Call) => Promise<Response> }
  | { name: string; kind: 'duplicate' | 'account' | 'actor'; ok: number; call: (c: Call) => Promise<Response> };

const p = (w: World, rest = '') => `${API_BASE}/${w.projectId}${rest}`;
const ctx = (w: World) => ({ params: Promise.resolve({ id: w.projectId }) });
const get = (url: string, h: Record<string, string>) => new Request(url, { headers: h });
const del = (url: string, h: Record<string, string>) => new Request(url, { method: 'DELETE', headers: h });
const post = (url: string, body: unknown, h: Record<string, string>) => jsonRequest(url, 'POST', body, h);
const api = (path: string) => `http://localhost/api/${path}`;

const routes: RouteRow[] = [
  { name: 'GET /projects/:id', kind: 'project', action: 'view', ok: 200, call: ({ w, h }) => item.GET(get(p(w), h), ctx(w)) },
  { name: 'PUT /projects/:id', kind: 'project', action: 'edit', ok: 200, call: ({ w, h }) => item.PUT(jsonRequest(p(w), 'PUT', { document: emptyDocument() }, { ...h, 'if-match': '1' }), ctx(w)) },
  { name: 'PATCH /projects/:id', kind: 'project', action: 'edit', ok: 200, call: ({ w, h }) => item.PATCH(jsonRequest(p(w), 'PATCH', { name: 'Renamed' }, h), ctx(w)) },
  { name: 'DELETE /projects/:id', kind: 'project', action: 'manage', ok: 204, call: ({ w, h }) => item.DELETE(del(p(w), h), ctx(w)) },
  { name: 'GET /projects/:id/collab', kind: 'project', action: 'view', ok: 200, call: ({ w, h }) => collab.GET(get(p(w, '/collab'), h), ctx(w)) },
  { name: 'GET /projects/:id/state', kind: 'project', action: 'view', ok: 200, call: ({ w, h }) => state.GET(get(p(w, '/state'), h), ctx(w)) },
  { name: 'GET /projects/:id/versions', kind: 'project', action: 'view', ok: 200, call: ({ w, h }) => versions.GET(get(p(w, '/versions'), h), ctx(w)) },
  { name: 'POST /projects/:id/versions', kind: 'project', action: 'edit', ok: 201, call: ({ w, h }) => versions.POST(post(p(w, '/versions'), { name: 'v2' }, h), ctx(w)) },
  {
    name: 'GET /projects/:id/versions/:vid',
    kind: 'project',
    action: 'view',
    ok: 200,
    call: ({ w, h }) => version.GET(get(p(w, `/versions/${w.versionId}`), h), { params: Promise.resolve({ id: w.projectId, vid: w.versionId }) }),
  },
  { name: 'GET /projects/:id/export', kind: 'project', action: 'view', ok: 200, call: ({ w, h }) => exportRoute.GET(get(p(w, '/export?format=json'), h), ctx(w)) },
  { name: 'GET /projects/:id/events', kind: 'project', action: 'view', ok: 200, call: ({ w, h }) => events.GET(get(p(w, '/events'), h), ctx(w)) },
  { name: 'GET /projects/:id/members', kind: 'project', action: 'view', ok: 200, call: ({ w, h }) => members.GET(get(p(w, '/members'), h), ctx(w)) },
  {
    name: 'PATCH /projects/:id/members/:userId',
    kind: 'project',
    action: 'manage',
    ok: 200,
    call: ({ w, t, h }) => member.PATCH(jsonRequest(p(w, `/members/${t.bystander.userId}`), 'PATCH', { role: 'commenter' }, h), { params: Promise.resolve({ id: w.projectId, userId: t.bystander.userId }) }),
  },
  {
    name: 'DELETE /projects/:id/members/:userId',
    kind: 'project',
    action: 'manage',
    ok: 204,
    call: ({ w, t, h }) => member.DELETE(del(p(w, `/members/${t.bystander.userId}`), h), { params: Promise.resolve({ id: w.projectId, userId: t.bystander.userId }) }),
  },
  { name: 'POST /projects/:id/transfer', kind: 'project', action: 'manage', ok: 204, call: ({ w, t, h }) => transfer.POST(post(p(w, '/transfer'), { userId: t.bystander.userId }, h), ctx(w)) },
  { name: 'POST /projects/:id/invites', kind: 'project', action: 'manage', ok: 201, call: ({ w, h }) => invites.POST(post(p(w, '/invites'), { email: 'new@example.test', role: 'editor' }, h), ctx(w)) },
  {
    name: 'DELETE /projects/:id/invites/:inviteId',
    kind: 'project',
    action: 'manage',
    ok: 204,
    call: ({ w, h }) => invite.DELETE(del(p(w, `/invites/${w.inviteId}`), h), { params: Promise.resolve({ id: w.projectId, inviteId: w.inviteId }) }),
  },
  { name: 'GET /projects/:id/share-links', kind: 'project', action: 'manage', ok: 200, call: ({ w, h }) => shareLinks.GET(get(p(w, '/share-links'), h), ctx(w)) },
  { name: 'POST /projects/:id/share-links', kind: 'project', action: 'manage', ok: 201, call: ({ w, h }) => shareLinks.POST(post(p(w, '/share-links'), { role: 'viewer' }, h), ctx(w)) },
  {
    name: 'DELETE /projects/:id/share-links/:linkId',
    kind: 'project',
    action: 'manage',
    ok: 204,
    call: ({ w, h }) => shareLink.DELETE(del(p(w, `/share-links/${w.spareLinkId}`), h), { params: Promise.resolve({ id: w.projectId, linkId: w.spareLinkId }) }),
  },
  { name: 'POST /projects {duplicateOf}', kind: 'duplicate', ok: 201, call: ({ w, h }) => collection.POST(post(API_BASE, { duplicateOf: w.projectId }, h)) },
  { name: 'GET /projects', kind: 'account', ok: 200, call: ({ h }) => collection.GET(get(API_BASE, h)) },
  { name: 'POST /projects', kind: 'account', ok: 201, call: ({ h }) => collection.POST(post(API_BASE, { name: 'Mine' }, h)) },
  { name: 'POST /render', kind: 'actor', ok: 200, call: ({ h }) => render.POST(post(api('render'), { document: emptyDocument(), format: 'mermaid' }, h)) },
  // Refused by their body checks (400) once the caller is let in: the gate comes first (401 otherwise).
  { name: 'POST /lint', kind: 'actor', ok: 400, call: ({ h }) => lint.POST(post(api('lint'), {}, h)) },
  { name: 'POST /advise', kind: 'actor', ok: 400, call: ({ h }) => advise.POST(post(api('advise'), {}, h)) },
  { name: 'POST /import', kind: 'account', ok: 400, call: ({ h }) => importRoute.POST(post(api('import'), {}, h)) },
  { name: 'POST /import/sqlite', kind: 'account', ok: 422, call: ({ h }) => sqliteImport.POST(new Request(api('import/sqlite'), { method: 'POST', headers: { ...h, 'content-type': 'application/vnd.sqlite3' }, body: new Uint8Array(0) })) },
  { name: 'POST /design-doc/pdf', kind: 'actor', ok: 400, call: ({ h }) => pdf.POST(post(api('design-doc/pdf'), {}, h)) },
];

/** The status `caller` must get from `route`. */
function expectedStatus(route: RouteRow, caller: Caller): number {
  if (caller.kind === 'signed-out' || caller.kind === 'dead-share') return 401;
  const shareLink = caller.kind === 'share' || caller.kind === 'other-share';
  switch (route.kind) {
    case 'actor':
      return route.ok;
    case 'account':
      return shareLink ? 403 : route.ok;
    case 'duplicate':
      return shareLink ? 403 : caller.kind === 'outsider' ? 404 : route.ok;
    case 'project':
      if (caller.kind === 'outsider' || caller.kind === 'other-share') return 404;
      return roleAllows(caller.role, route.action) ? route.ok : 403;
  }
}

const cases = routes.flatMap((route) => callers.map((caller) => ({ route, caller, label: `${route.name} as ${caller.name}` })));

describe.each(providerCases())('access matrix in team mode on $provider', ({ create }) => {
  const run = useAppDatabase(create);
  let team: Team;
  let prisma: AppPrisma;
  const savedAuth = process.env.DRAFTBASE_AUTH;
  beforeAll(async () => {
    if (!create) return;
    process.env.DRAFTBASE_AUTH = 'on'; // team mode on SQLite too (PostgreSQL is team mode anyway)
    prisma = (await getDatabase()).prisma;
    team = await makeTeam(prisma);
  });
  afterAll(() => {
    session.user = undefined;
    if (savedAuth === undefined) delete process.env.DRAFTBASE_AUTH;
    else process.env.DRAFTBASE_AUTH = savedAuth;
  });

  run.for(cases)('$label', async ({ route, caller }) => {
    const world = await makeWorld(prisma, team);
    const res = await route.call({ w: world, t: team, h: actAs(caller, team, world) });
    const text = await res.text();
    const want = expectedStatus(route, caller);
    expect(res.status, text.slice(0, 300)).toBe(want);
    if (want >= 400 && want !== route.ok) {
      // Refused: never the project's data, and a non-member cannot tell it from a missing project.
      expect(text).not.toContain(SECRET_TABLE);
      expect(text).not.toContain(world.projectName);
      expect(JSON.parse(text).error.code).toBe(want === 401 ? 'signed_out' : want === 403 ? 'forbidden' : 'not_found');
    }
  });
});
