/**
 * The live-import gate in team mode, on SQLite (DRAFTBASE_AUTH=on) and PostgreSQL: off unless the
 * operator enables it; then only for signed-in project owners (the body check after the gate answers
 * 400 for an empty body, which shows the gate let the request through without connecting anywhere).
 */
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { createFirstOwner, createInvitedUser, sameOriginPost, type TestUser } from '@/app/api/auth/team.test-support';
import { useAppDatabase } from '@/lib/server/db/api-suite.test-support';
import { getDatabase } from '@/lib/server/db/client';
import { providerCases } from '@/lib/server/db/test-databases';
import { createProject } from '@/lib/server/projects/repository';
import { POST } from './route';

const URL_ = 'http://localhost/api/import/live';
const ENV_KEYS = ['DRAFTBASE_AUTH', 'DRAFTBASE_ALLOW_LIVE_IMPORT'] as const;

describe.each(providerCases())('live import in team mode on $provider', ({ create }) => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const k of ENV_KEYS) saved[k] = process.env[k];
    process.env.DRAFTBASE_AUTH = 'on';
  });
  afterAll(() => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  afterEach(() => {
    delete process.env.DRAFTBASE_ALLOW_LIVE_IMPORT;
  });
  const run = useAppDatabase(create);

  let owner: TestUser;
  let editor: TestUser;
  const call = (user: TestUser | undefined) => POST(sameOriginPost(URL_, {}, user ? { cookie: user.cookie } : {}));

  run('is off by default in team mode, even for an owner', async () => {
    const projectId = (await createProject((await getDatabase()).prisma, { name: 'P' })).id;
    owner = await createFirstOwner();
    editor = await createInvitedUser(projectId, owner, 'editor@example.com', 'editor');
    const res = await call(owner);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('live_import_disabled');
  });

  run('enabled by the operator: 401 signed out, 403 for a user who owns no project, through the gate for an owner', async () => {
    process.env.DRAFTBASE_ALLOW_LIVE_IMPORT = '1';
    expect((await call(undefined)).status).toBe(401);
    const notOwner = await call(editor);
    expect(notOwner.status).toBe(403);
    expect((await notOwner.json()).error.code).toBe('live_import_owners_only');
    const ok = await call(owner);
    expect(ok.status).toBe(400);
    expect((await ok.json()).error.code).not.toMatch(/live_import/);
  });
});
