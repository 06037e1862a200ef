import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startupChecks } from './startup-checks';

const argv = ['node', 'next', 'start', '-H', '127.0.0.1'];
const SECRET = 'x'.repeat(32);

describe('startupChecks', () => {
  // The e2e-build flag is read from the real environment (Next compiles it in): keep it out of the way.
  const hooks = process.env.NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS;
  beforeEach(() => {
    delete process.env.NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS;
  });
  afterEach(() => {
    if (hooks === undefined) delete process.env.NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS;
    else process.env.NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS = hooks;
  });

  it('passes solo mode on loopback with nothing configured', () => {
    expect(startupChecks(argv, {})).toEqual({ errors: [], warnings: [] });
  });

  it('refuses team mode without a secret (outside test runs), or with a short one', () => {
    const none = startupChecks(argv, { DRAFTBASE_AUTH: 'on', DRAFTBASE_URL: 'https://db.example.com' });
    expect(none.errors).toEqual([expect.stringMatching(/Team mode needs a secret.*DRAFTBASE_AUTH_SECRET/)]);
    const short = startupChecks(argv, { DATABASE_URL: 'postgresql://u@h/d', BETTER_AUTH_SECRET: 'short', DRAFTBASE_URL: 'https://db.example.com' });
    expect(short.errors).toEqual([expect.stringMatching(/5 characters long; use at least 32/)]);
    // vitest and e2e builds may use a generated per-database secret.
    expect(startupChecks(argv, { DRAFTBASE_AUTH: 'on', NODE_ENV: 'test', DRAFTBASE_URL: 'https://db.example.com' }).errors).toEqual([]);
    // An e2e build (the flag is compiled in; under vitest it is read from the environment).
    process.env.NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS = '1';
    expect(startupChecks(argv, { DRAFTBASE_AUTH: 'on', DRAFTBASE_URL: 'https://db.example.com' }).errors).toEqual([]);
  });

  it('team mode: a bad DRAFTBASE_URL or a half-configured OIDC provider is an error; no DRAFTBASE_URL a warning', () => {
    const env = { DRAFTBASE_AUTH: 'on', DRAFTBASE_AUTH_SECRET: SECRET };
    expect(startupChecks(argv, { ...env, DRAFTBASE_URL: 'ftp://x' }).errors).toEqual([expect.stringMatching(/DRAFTBASE_URL must be/)]);
    expect(startupChecks(argv, { ...env, DRAFTBASE_URL: 'https://x', DRAFTBASE_OIDC_ISSUER: 'https://idp.example.com' }).errors).toEqual([expect.stringMatching(/needs DRAFTBASE_OIDC_ISSUER, DRAFTBASE_OIDC_CLIENT_ID and DRAFTBASE_OIDC_CLIENT_SECRET together/)]);
    expect(startupChecks(argv, { ...env, DRAFTBASE_URL: 'https://x', DRAFTBASE_OIDC_ISSUER: 'http://idp.example.com', DRAFTBASE_OIDC_CLIENT_ID: 'a', DRAFTBASE_OIDC_CLIENT_SECRET: 'b' }).errors).toEqual([expect.stringMatching(/must be an https:\/\/ URL/)]);
    const ok = startupChecks(['node', 'next', 'start', '-H', '0.0.0.0'], env);
    expect(ok.errors).toEqual([]);
    expect(ok.warnings).toEqual([expect.stringMatching(/without DRAFTBASE_URL/)]);
  });

  it('refuses an invalid DRAFTBASE_AUTH, and solo mode listening on the network', () => {
    expect(startupChecks(argv, { DRAFTBASE_AUTH: 'maybe' }).errors).toEqual([expect.stringMatching(/DRAFTBASE_AUTH must be "on" or "off"/)]);
    expect(startupChecks(['node', 'next', 'start'], {}).errors).toEqual([expect.stringMatching(/Refusing to start: solo mode/)]);
    expect(startupChecks(['node', 'next', 'start'], { DRAFTBASE_ALLOW_REMOTE_SOLO: '1' })).toEqual({ errors: [], warnings: [expect.stringMatching(/WARNING/)] });
  });
});
