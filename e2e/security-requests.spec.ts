/**
 * Safe by default (issue 10), on the production server: no website may drive the API, no foreign
 * Host is served (DNS rebinding), every response carries the security headers, and the app itself
 * still works under its Content-Security-Policy (workers, mermaid, the PNG export).
 *
 * A "hostile site" is a page Playwright serves for http://evil.example (page.route), so the browser
 * really is on another origin and sends its own Origin / Sec-Fetch-Site headers.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../lib/model/build';
import { createProjectViaApi, uniqueName } from './support/api';

const port = process.env.E2E_PORT;
const app = `http://127.0.0.1:${port}`;

function shopDocument() {
  const users = makeTable({
    id: 't_users',
    name: 'users',
    columns: [makeColumn({ id: 'c_users_id', name: 'id', type: scalar('bigint'), nullable: false }), makeColumn({ id: 'c_users_email', name: 'email', type: scalar('text'), nullable: false })],
    primaryKey: { columnIds: ['c_users_id'] },
  });
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [makeColumn({ id: 'c_orders_id', name: 'id', type: scalar('bigint'), nullable: false }), makeColumn({ id: 'c_orders_user', name: 'user_id', type: scalar('bigint'), nullable: false })],
    primaryKey: { columnIds: ['c_orders_id'] },
  });
  const doc = documentOf({
    tables: [users, orders],
    relationships: [makeRelationship({ id: 'r_orders_user', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_user', toColumnId: 'c_users_id' }] })],
  });
  // Stacked, so auto-layout has work to do.
  doc.layout.tables = { t_users: { x: 0, y: 0 }, t_orders: { x: 0, y: 0 } };
  return doc;
}

async function projectNames(request: APIRequestContext): Promise<string[]> {
  const res = await request.get('/api/projects');
  expect(res.status()).toBe(200);
  return ((await res.json()).projects as { name: string }[]).map((p) => p.name);
}

/** Serves `html` as the page at `url` (no network: Playwright answers, with no headers of ours). */
async function hostileSite(page: Page, html: string, url = 'http://evil.example/'): Promise<void> {
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto(url);
}

test.describe('requests only from the app itself', () => {
  test('a cross-site text/plain form POST from a real browser is refused and creates nothing', async ({ page, request }) => {
    const name = uniqueName('csrf');
    const refused = page.waitForResponse((r) => r.url() === `${app}/api/projects` && r.request().method() === 'POST');
    // The simplest cross-site request there is: a form, enctype text/plain, whose body happens to be JSON.
    await hostileSite(
      page,
      `<form id="f" method="POST" action="${app}/api/projects" enctype="text/plain"><input name='{"name":"${name}","x":"' value='"}'></form><script>document.getElementById('f').submit()</script>`,
    );
    const res = await refused;
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'cross_origin_request', message: expect.stringContaining('http://evil.example') } });
    expect(await projectNames(request)).not.toContain(name);
  });

  test('a cross-site fetch (no-cors, text/plain) is refused; so is another local port', async ({ request }) => {
    const name = uniqueName('csrf fetch');
    for (const [origin, site] of [
      ['http://evil.example', 'cross-site'],
      // Another app on this machine is "same-site" (same host, other port), not same-origin.
      [`http://127.0.0.1:${Number(port) + 1}`, 'same-site'],
    ]) {
      const res = await request.post('/api/projects', { headers: { 'content-type': 'text/plain', origin, 'sec-fetch-site': site }, data: JSON.stringify({ name }) });
      expect(res.status(), origin).toBe(403);
      expect((await res.json()).error.code).toBe('cross_origin_request');
    }
    for (const [method, path] of [
      ['PUT', '/api/projects/x'],
      ['PATCH', '/api/projects/x'],
      ['DELETE', '/api/projects/x'],
      ['POST', '/api/import/live'],
      ['POST', '/api/projects/x/versions'],
    ]) {
      const res = await request.fetch(path, { method, headers: { 'content-type': 'application/json', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }, data: '{}' });
      expect(res.status(), `${method} ${path}`).toBe(403);
    }
    expect(await projectNames(request)).not.toContain(name);
  });

  test('same origin but not JSON: 415 with a clear error; the app and programs are served', async ({ request }) => {
    const name = uniqueName('not json');
    const res = await request.post('/api/projects', { headers: { 'content-type': 'text/plain', origin: app, 'sec-fetch-site': 'same-origin' }, data: JSON.stringify({ name }) });
    expect(res.status()).toBe(415);
    expect(await res.json()).toEqual({ error: { code: 'unsupported_media_type', message: 'The request body must be JSON (Content-Type: application/json), not "text/plain".' } });
    // What the app sends.
    const ok = await request.post('/api/projects', { headers: { origin: app, 'sec-fetch-site': 'same-origin' }, data: { name } });
    expect(ok.status()).toBe(201);
    // A program (CLI, curl, Node fetch): no Origin, no Sec-Fetch-Site.
    const program = await fetch(`${app}/api/projects`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `${name} program` }) });
    expect(program.status).toBe(201);
  });

  test('a foreign Host is refused on pages, API and static files (DNS rebinding)', async ({ request, page }) => {
    const project = await createProjectViaApi(request, { name: uniqueName('rebinding') });
    await page.goto(`/projects/${project.id}`);
    const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
    for (const path of ['/', `/projects/${project.id}`, '/api/projects', `/api/projects/${project.id}`, `/api/projects/${project.id}/export?format=json`, script!]) {
      const res = await request.get(path, { headers: { host: `evil.example:${port}` } });
      expect(res.status(), path).toBe(421);
      expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
      const body = await res.text();
      expect(body, path).not.toContain(project.id);
      expect(JSON.parse(body).error.code).toBe('host_not_allowed');
    }
    const post = await request.post('/api/projects', { headers: { host: `evil.example:${port}` }, data: { name: 'rebound' } });
    expect(post.status()).toBe(421);
    // The loopback names are served, on any port.
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await request.get('/api/projects', { headers: { host } })).status(), host).toBe(200);
    }
  });
});

test.describe('security headers', () => {
  function directives(csp: string): Map<string, string[]> {
    return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
  }

  test('every page carries a strict CSP with a fresh nonce, nosniff and no framing', async ({ request, page }) => {
    const project = await createProjectViaApi(request, { name: uniqueName('headers'), document: shopDocument() });
    const nonces = new Set<string>();
    for (const path of ['/', `/projects/${project.id}`, '/no-such-page']) {
      const res = await page.goto(path);
      const h = res!.headers();
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['x-frame-options'], path).toBe('DENY');
      expect(h['referrer-policy'], path).toBe('same-origin');
      const csp = directives(h['content-security-policy'] ?? '');
      const script = csp.get('script-src') ?? [];
      const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, path).toBeTruthy();
      nonces.add(nonce!);
      expect(script, path).not.toContain("'unsafe-inline'");
      expect(script, path).not.toContain("'unsafe-eval'");
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(csp.get('base-uri'), path).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      // Every script in the page is either Next's (carrying this request's nonce) or the theme bootstrap (hashed).
      const html = await res!.text();
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
        if (tag === '<script>') expect(html, path).toContain("<script>try{var t=localStorage.getItem('draftbase-theme')");
        else expect(tag, path).toContain(`nonce="${nonce}"`);
      }
    }
    expect(nonces.size).toBe(3);
  });

  test('API answers, downloads and static files carry nosniff; downloads are attachments', async ({ request, page }) => {
    const project = await createProjectViaApi(request, { name: uniqueName('download headers'), document: shopDocument() });
    await page.goto(`/projects/${project.id}`);
    const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
    const checks: [string, (h: Record<string, string>) => void][] = [
      ['/api/projects', (h) => expect(h['content-security-policy']).toMatch(/^default-src 'none';.*sandbox$/)],
      ...['markdown', 'html', 'postgres', 'mysql', 'mermaid', 'prisma', 'dbml', 'json'].map((format): [string, (h: Record<string, string>) => void] => [
        `/api/projects/${project.id}/export?format=${format}`,
        (h) => {
          expect(h['content-disposition'], format).toMatch(/^attachment; filename="/);
          expect(h['content-security-policy'], format).toMatch(/^default-src 'none';.*sandbox$/);
        },
      ]),
      [script!, (h) => expect(h['content-type']).toMatch(/javascript/)],
    ];
    for (const [path, check] of checks) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const h = res.headers();
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['x-frame-options'], path).toBe('DENY');
      check(h);
    }
  });

  test('no page, not even one of the app\'s own origin, can frame the editor', async ({ request, page }) => {
    const project = await createProjectViaApi(request, { name: uniqueName('framed') });
    // The framing page sits at an address of the app's own origin (Playwright answers it, without
    // our headers): Chrome's Private Network Access rules would stop a public site's frame anyway,
    // and even a same-origin frame must be refused (frame-ancestors 'none', X-Frame-Options DENY).
    await hostileSite(page, `<iframe id="f" src="${app}/projects/${project.id}" width="800" height="600"></iframe>`, `${app}/__framing-page`);
    await page.waitForTimeout(1_500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // Blocked frames end on Chrome's error page, never on the editor.
    expect(frame?.url()).not.toBe(`${app}/projects/${project.id}`);
    expect(await frame?.locator('[data-testid="table-node"], main').count().catch(() => 0)).toBe(0);
  });
});

test('the app works under its CSP: the live session, auto-layout and save workers, the Design doc diagram, the PNG export', async ({ page, request }) => {
  const project = await createProjectViaApi(request, { name: uniqueName('under csp'), document: shopDocument() });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const violationsOf = async () => (await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).filter((v) => !v.startsWith('script-src eval '));
  // The live session's WebSocket (another port) is allowed by connect-src.
  await page.goto(`/projects/${project.id}`);
  await expect(page.locator('[data-testid="table-node"][data-table-name="users"]')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-live', 'live', { timeout: 15_000 });
  expect(await violationsOf()).toEqual([]);

  // Without a live session edits go through the save worker.
  await page.goto(`/projects/${project.id}?live=off`);
  await expect(page.locator('[data-testid="table-node"][data-table-name="users"]')).toBeVisible();

  // Auto-layout runs in a worker; its result is saved by the save worker.
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/projects/${project.id}`) && r.request().method() === 'PUT');
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await page.getByRole('menuitem', { name: 'Lay out everything' }).click();
  await expect(page.getByTestId('layout-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect((await saved).status()).toBe(200);
  expect(workers.length).toBeGreaterThanOrEqual(2);
  expect(workers.every((u) => u.startsWith(`${app}/_next/static/`))).toBe(true);

  // Mermaid draws the ER diagram in the preview.
  await page.getByRole('tab', { name: 'Design doc' }).click();
  await page.getByRole('tab', { name: 'Preview' }).click();
  const preview = page.getByTestId('design-doc-preview');
  await expect(preview).toHaveAttribute('data-rendered', 'true', { timeout: 30_000 });
  await expect(preview.locator('.design-doc-mermaid svg').first()).toContainText('orders');

  // The PNG export draws the SVG through a data: image on a canvas.
  await page.getByRole('button', { name: 'Download files' }).click();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'ER diagram (mermaid) (PNG)' }).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);

  // zod probes once whether it may compile validators with `Function` and falls back when the CSP
  // says no; that refusal is the policy working, not the app breaking. Nothing else may be refused.
  expect(await violationsOf()).toEqual([]);
});
