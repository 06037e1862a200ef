import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allowedHostRules, hostAllowed, parseHost, refuseRequest } from './request-policy';
import { NON_PAGE_CSP, collabConnectSources, newNonce, pageContentSecurityPolicy, responseKind, THEME_BOOTSTRAP_HASH, THEME_BOOTSTRAP_SCRIPT } from './security-headers';

const defaults = allowedHostRules({});

function request(method: string, headers: Record<string, string>, body?: string): Request {
  return new Request('http://127.0.0.1:3000/api/projects', { method, headers, body });
}

const json = { host: '127.0.0.1:3000', 'content-type': 'application/json' };

describe('Host allowlist (DNS rebinding)', () => {
  it.each([
    ['localhost:3000', true],
    ['LOCALHOST', true],
    ['127.0.0.1:49152', true],
    ['[::1]:3000', true],
    ['[0:0:0:0:0:0:0:1]:3000', true], // the same address, written long
    ['evil.example:3000', false],
    ['evil.example', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.nip.io:3000', false],
    ['localhost@evil.example', false],
    ['localhost/x', false],
    ['localhost:3000:1', false],
    ['', false],
  ])('%s -> %s', (host, allowed) => {
    expect(hostAllowed(host, defaults)).toBe(allowed);
  });

  it('DRAFTBASE_ALLOWED_HOSTS adds names, with or without a port', () => {
    const rules = allowedHostRules({ DRAFTBASE_ALLOWED_HOSTS: 'draftbase.example.com, db.internal:8443' });
    expect(hostAllowed('draftbase.example.com', rules)).toBe(true);
    expect(hostAllowed('Draftbase.Example.com:443', rules)).toBe(true);
    expect(hostAllowed('db.internal:8443', rules)).toBe(true);
    expect(hostAllowed('db.internal:8444', rules)).toBe(false);
    expect(hostAllowed('localhost:3000', rules)).toBe(true);
    expect(hostAllowed('evil.example', rules)).toBe(false);
  });

  it('a malformed DRAFTBASE_ALLOWED_HOSTS entry is a configuration error, not silently ignored', () => {
    expect(() => allowedHostRules({ DRAFTBASE_ALLOWED_HOSTS: 'https://draftbase.example.com/' })).toThrow(/DRAFTBASE_ALLOWED_HOSTS: "https:\/\/draftbase.example.com\/" is not a host name/);
  });

  it('parseHost canonicalises the way a browser writes a Host header', () => {
    expect(parseHost('[0:0::1]:80')).toEqual({ hostname: '[::1]', port: '80' });
    expect(parseHost('Example.COM')).toEqual({ hostname: 'example.com', port: '' });
  });

  it.each(['GET', 'POST', 'PUT', 'DELETE'])('a foreign Host is refused with 421 for %s', (method) => {
    const r = refuseRequest(request(method, { ...json, host: 'evil.example:3000' }, method === 'GET' ? undefined : '{}'), defaults);
    expect(r).toMatchObject({ status: 421, code: 'host_not_allowed' });
    expect(r?.message).toMatch(/DRAFTBASE_ALLOWED_HOSTS/);
  });
});

describe('mutating requests only from the app itself', () => {
  it.each<[string, string, Record<string, string>, string | undefined, number | undefined]>([
    // The finding: a "simple" cross-site POST no browser blocks.
    ['cross-site text/plain POST', 'POST', { host: '127.0.0.1:3000', 'content-type': 'text/plain', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }, '{}', 403],
    ['cross-site POST, old browser without Sec-Fetch-Site', 'POST', { ...json, origin: 'http://evil.example' }, '{}', 403],
    ['cross-site JSON POST', 'POST', { ...json, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }, '{}', 403],
    // Another app on localhost (another port) is same-site, not same-origin.
    ['same-site POST from another port', 'POST', { ...json, origin: 'http://127.0.0.1:3001', 'sec-fetch-site': 'same-site' }, '{}', 403],
    ['Origin of another port, no Sec-Fetch-Site', 'PUT', { ...json, origin: 'http://127.0.0.1:3001' }, '{}', 403],
    ['Origin null (sandboxed frame, file:)', 'POST', { ...json, origin: 'null' }, '{}', 403],
    ['Sec-Fetch-Site none (typed, bookmarklet)', 'POST', { ...json, 'sec-fetch-site': 'none' }, '{}', 403],
    ['cross-site DELETE', 'DELETE', { host: '127.0.0.1:3000', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }, undefined, 403],
    ['same-origin form-encoded POST', 'POST', { host: '127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }, 'a=1', 415],
    ['same-origin POST without Content-Type', 'POST', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }, undefined, 415],
    ['same-origin PATCH with text/plain', 'PATCH', { host: '127.0.0.1:3000', 'content-type': 'text/plain', origin: 'http://127.0.0.1:3000' }, '{}', 415],
    // Allowed:
    ['the app: same-origin JSON POST', 'POST', { ...json, origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }, '{}', undefined],
    ['the app on https behind a TLS proxy', 'POST', { ...json, host: 'localhost', origin: 'https://localhost', 'sec-fetch-site': 'same-origin' }, '{}', undefined],
    ['JSON with a charset', 'PUT', { ...json, 'content-type': 'Application/JSON; charset=utf-8', origin: 'http://127.0.0.1:3000' }, '{}', undefined],
    ['the app: DELETE without a body', 'DELETE', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }, undefined, undefined],
    // No Origin and no Sec-Fetch-Site: a program (CLI, curl, Node fetch), which no web page can drive.
    ['a program: JSON POST without Origin', 'POST', json, '{}', undefined],
    ['a program: text/plain POST is still not JSON', 'POST', { host: '127.0.0.1:3000', 'content-type': 'text/plain' }, '{}', 415],
    // Reading is not changing: cross-site GETs are the browser's business (CORS: the page cannot read the answer).
    ['cross-site GET', 'GET', { host: '127.0.0.1:3000', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }, undefined, undefined],
  ])('%s -> %s', (_label, method, headers, body, status) => {
    expect(refuseRequest(request(method, headers, body), defaults)?.status).toBe(status);
  });

  it('an SQLite upload: its own media type on its own route only, and only from the app', () => {
    const upload = (url: string, headers: Record<string, string>) => refuseRequest(new Request(url, { method: 'POST', headers, body: 'SQLite format 3' }), defaults)?.status;
    const sqlite = { host: '127.0.0.1:3000', 'content-type': 'application/vnd.sqlite3' };
    expect(upload('http://127.0.0.1:3000/api/import/sqlite', { ...sqlite, origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' })).toBeUndefined();
    expect(upload('http://127.0.0.1:3000/api/import/sqlite', { ...sqlite, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(upload('http://127.0.0.1:3000/api/import', { ...sqlite, origin: 'http://127.0.0.1:3000' })).toBe(415);
    expect(upload('http://127.0.0.1:3000/api/import/sqlite', { ...sqlite, 'content-type': 'text/plain', origin: 'http://127.0.0.1:3000' })).toBe(415);
  });

  it('the refusal names the foreign origin', () => {
    const r = refuseRequest(request('POST', { ...json, origin: 'http://evil.example' }, '{}'), defaults);
    expect(r).toEqual({ status: 403, code: 'cross_origin_request', message: expect.stringContaining('http://evil.example') });
  });
});

describe('security headers', () => {
  it('the theme bootstrap hash is the hash of the inlined text', () => {
    const digest = createHash('sha256').update(THEME_BOOTSTRAP_SCRIPT).digest('base64');
    expect(THEME_BOOTSTRAP_HASH).toBe(`'sha256-${digest}'`);
  });

  it('the page policy: nonce, no inline script, no plugins, no framing, no <base>', () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const csp = pageContentSecurityPolicy(nonce);
    const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
    expect(directive('script-src')).toBe(`script-src 'self' 'nonce-${nonce}' ${THEME_BOOTSTRAP_HASH} 'wasm-unsafe-eval'`);
    // WebAssembly may compile (the SQL parser); JavaScript eval and inline script may not.
    expect(directive('script-src')).not.toMatch(/'unsafe-(eval|inline)'/);
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('base-uri')).toBe("base-uri 'none'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(pageContentSecurityPolicy(nonce, { dev: true })).toMatch(/script-src [^;]*'unsafe-eval'/);
  });

  it('the page may open the live-session WebSocket on its own host and the sync port, nowhere else', () => {
    const csp = pageContentSecurityPolicy(newNonce(), { connect: collabConnectSources('127.0.0.1:3000', { DRAFTBASE_COLLAB_PORT: '4100' }) });
    expect(csp.split('; ').find((d) => d.startsWith('connect-src '))).toBe("connect-src 'self' ws://127.0.0.1:4100 wss://127.0.0.1:4100");
    expect(collabConnectSources('localhost:3000', {})).toEqual(['ws://localhost:3001', 'wss://localhost:3001']);
    expect(collabConnectSources('[::1]:3000', { DRAFTBASE_COLLAB_PORT: '4100' })).toEqual(['ws://[::1]:4100', 'wss://[::1]:4100']);
    // A public sync URL (behind a load balancer) is the only WebSocket source; its path does not widen it.
    expect(collabConnectSources('draftbase.example.com', { DRAFTBASE_COLLAB_PUBLIC_URL: 'wss://sync.example.com/collab' })).toEqual(['wss://sync.example.com']);
    expect(collabConnectSources('draftbase.example.com', { DRAFTBASE_COLLAB_PUBLIC_URL: 'https://sync.example.com' })).toEqual([]);
    // Live editing off, no Host, or a port or host that is not one: 'self' only.
    expect(collabConnectSources('127.0.0.1:3000', { DRAFTBASE_COLLAB: 'off' })).toEqual([]);
    expect(collabConnectSources(null, {})).toEqual([]);
    expect(collabConnectSources('127.0.0.1:3000', { DRAFTBASE_COLLAB_PORT: '1 ws://evil.example' })).toEqual([]);
    expect(pageContentSecurityPolicy(newNonce())).toMatch(/connect-src 'self';/);
  });

  it.each([
    ['/', 'page'],
    ['/projects/abc', 'page'],
    ['/api/projects', 'api'],
    ['/api/projects/x/export', 'api'],
    ['/_next/static/chunks/a.js', 'asset'],
  ])('%s is a %s response', (path, kind) => {
    expect(responseKind(path)).toBe(kind);
  });

  it('API answers allow nothing', () => {
    expect(NON_PAGE_CSP).toMatch(/^default-src 'none';.*frame-ancestors 'none'.*sandbox$/);
  });
});
