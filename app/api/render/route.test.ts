import { describe, expect, it } from 'vitest';
import mermaid from 'mermaid';
import { kitchenSinkDocument } from '../../../lib/model/fixtures/kitchen-sink';
import { generateMermaid } from '../../../lib/mermaid/generate-mermaid';
import { indexStrategy, indexStrategyMarkdown } from '../../../lib/index-strategy/index-strategy';
import { generateDdl } from '../../../lib/ddl/generate-ddl';
import { loadSqlParsers } from '../../../lib/sql-parse/load';
import { documentOf, makeColumn, makeTable, scalar } from '../../../lib/model/build';
import { POST } from './route';

/** A valid document with a table MySQL rejects: a 70-character table name (PostgreSQL truncates it: a warning). */
function tooLongNameDocument() {
  const id = makeColumn({ id: 'c1', name: 'id', type: scalar('integer'), nullable: false });
  return documentOf({ tables: [makeTable({ id: 't1', name: 'x'.repeat(70), columns: [id], primaryKey: { columnIds: ['c1'] } })] });
}

function post(body: unknown, init: { raw?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  return POST(
    new Request('http://localhost/api/render', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.raw ?? JSON.stringify(body),
    }),
  );
}

describe('POST /api/render: success', () => {
  it('renders the mermaid ERD', async () => {
    const doc = kitchenSinkDocument();
    const res = await post({ document: doc, format: 'mermaid' });
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json).toMatchObject({ format: 'mermaid', diagnostics: [], contentType: 'text/vnd.mermaid; charset=utf-8' });
    expect(json.text).toBe(generateMermaid(doc));
    await expect(mermaid.parse(json.text)).resolves.toMatchObject({ diagramType: 'er' });
  });

  it('passes mermaid options (overview, area)', async () => {
    const doc = kitchenSinkDocument();
    const area = Object.values(doc.areas)[0];
    const overview = await (await post({ document: doc, format: 'mermaid', options: { attributes: false } })).json();
    expect(overview.text).toBe(generateMermaid(doc, { attributes: false }));
    const byArea = await (await post({ document: doc, format: 'mermaid', options: { areaId: area.id } })).json();
    expect(byArea.text).toBe(generateMermaid(doc, { areaId: area.id }));
  });

  it('splits into Markdown with one block per diagram', async () => {
    const doc = kitchenSinkDocument();
    const json = await (await post({ document: doc, format: 'mermaid', options: { split: true, budget: 2_000 } })).json();
    expect(json.diagrams.length).toBeGreaterThan(1);
    expect(json.text.match(/```mermaid\n/g)).toHaveLength(json.diagrams.length);
    for (const d of json.diagrams) expect(d.text.length).toBeLessThanOrEqual(2_000);
  });

  it.each(['postgres', 'mysql'] as const)('renders the index table for %s', async (dialect) => {
    const doc = kitchenSinkDocument();
    const json = await (await post({ document: doc, format: 'index-table', options: { dialect } })).json();
    expect(json.text).toBe(`${indexStrategyMarkdown(indexStrategy(doc, dialect))}\n`);
    expect(json.text).toContain(dialect === 'mysql' ? '| customers | PRIMARY | id |' : '| customers | customers\\_pkey | id |');
  });
});

describe('POST /api/render: DDL', () => {
  it('renders PostgreSQL DDL with the generator\'s diagnostics', async () => {
    const doc = kitchenSinkDocument();
    const res = await post({ document: doc, format: 'postgres' });
    expect(res.status).toBe(200);
    const json = await res.json();
    // The route renders with the SQL parsers (renderContextFor): expressions are checked and translated.
    const expected = generateDdl(doc, 'postgres', { sqlParsers: await loadSqlParsers() });
    expect(json.text).toBe(expected.sql);
    expect(json.text).toContain('CREATE TABLE');
    expect(json.diagnostics).toEqual(expected.diagnostics);
    expect(json.contentType).toBe('application/sql; charset=utf-8');
  });

  it('passes DDL options (target, dropFirst) through', async () => {
    const doc = kitchenSinkDocument();
    const json = await (await post({ document: doc, format: 'mysql', options: { target: 'mariadb-10.11', dropFirst: true } })).json();
    expect(json.text).toBe(generateDdl(doc, 'mysql', { target: 'mariadb-10.11', dropFirst: true, sqlParsers: await loadSqlParsers() }).sql);
    expect(json.text).toContain('DROP TABLE IF EXISTS');
    expect(json.text).toContain('MariaDB 10.11');
  });

  it('never refuses: the statement the target rejects is in the text, commented out, and the answer counts it', async () => {
    const res = await post({ document: tooLongNameDocument(), format: 'mysql' });
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json).toMatchObject({ format: 'mysql', errors: 1, commentedOut: 1 });
    expect(json.text).toBe(generateDdl(tooLongNameDocument(), 'mysql').sql);
    expect(json.text).toContain(`-- CREATE TABLE \`${'x'.repeat(70)}\` (`);
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'name.too-long', entityId: 't1', path: 'tables.t1.name' }));
    // PostgreSQL takes the name (and truncates it): a warning, nothing commented out.
    const pg = await (await post({ document: tooLongNameDocument(), format: 'postgres' })).json();
    expect(pg).toMatchObject({ errors: 0, commentedOut: 0 });
    expect(pg.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'name.too-long' }));
  });
});

describe('POST /api/render: errors', () => {
  const cases: Array<[string, unknown, { raw?: string }, number, string, RegExp]> = [
    // The shared body reader only names line/column when V8's message carries a position (Node 20's
    // "Unexpected token" messages do not): reported to the lead.
    ['invalid JSON', null, { raw: '{"format": "mermaid",\n  "document": }' }, 400, 'invalid_json', /not valid JSON/],
    ['empty body', null, { raw: '' }, 400, 'invalid_json', /empty/],
    ['unknown format', { document: {}, format: 'svg' }, {}, 400, 'invalid_body', /format/],
    ['missing document', { format: 'mermaid' }, {}, 400, 'invalid_body', /document/],
    ['invalid document', { document: { format: 'draftbase' }, format: 'mermaid' }, {}, 400, 'invalid_document', /document\.version/],
    ['unknown option', { document: kitchenSinkDocument(), format: 'mermaid', options: { colour: 'red' } }, {}, 400, 'invalid_options', /colour/],
    ['unknown area', { document: kitchenSinkDocument(), format: 'mermaid', options: { areaId: 'nope' } }, {}, 400, 'invalid_options', /unknown area id "nope"/],
    ['bad dialect', { document: kitchenSinkDocument(), format: 'index-table', options: { dialect: 'oracle' } }, {}, 400, 'invalid_options', /options\.dialect/],
    ['target of the other dialect', { document: kitchenSinkDocument(), format: 'mysql', options: { target: 'postgres-15' } }, {}, 400, 'invalid_options', /"postgres-15" is not a MySQL target/],
    ['unknown DDL option', { document: kitchenSinkDocument(), format: 'postgres', options: { dropfirst: true } }, {}, 400, 'invalid_options', /dropfirst/],
  ];
  it.each(cases)('%s -> %i %s', async (_label, body, init, status, code, message) => {
    const res = await post(body, init);
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(json.error.message).toMatch(message);
  });

  it('lists every document issue with its path', async () => {
    const doc = kitchenSinkDocument();
    const table = Object.values(doc.tables)[0];
    table.columns[0].name = '';
    table.primaryKey = { columnIds: ['missing'] };
    const res = await post({ document: doc, format: 'mermaid' });
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.issues).toEqual([{ path: `document.tables.${table.id}.columns.0.name`, message: expect.any(String) }]);
  });

  it('rejects bodies over the cap with 413', async () => {
    const previous = process.env.DRAFTBASE_MAX_BODY_BYTES;
    process.env.DRAFTBASE_MAX_BODY_BYTES = '1000';
    try {
      const res = await post({ document: kitchenSinkDocument(), format: 'mermaid' });
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe('payload_too_large');
    } finally {
      if (previous === undefined) delete process.env.DRAFTBASE_MAX_BODY_BYTES;
      else process.env.DRAFTBASE_MAX_BODY_BYTES = previous;
    }
  });
});
