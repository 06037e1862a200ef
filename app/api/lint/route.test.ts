import { describe, expect, it } from 'vitest';
import { onlyShopRules, shopDocument, shopRules, SHOP_SQL } from '../../../lib/review/report/shop.test-support';
import { lintDocument } from '../../../lib/review/lint';
import { POST } from './route';

function post(body: unknown, init: { raw?: string } = {}): Promise<Response> {
  return POST(
    new Request('http://localhost/api/lint', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: init.raw ?? JSON.stringify(body),
    }),
  );
}

describe('POST /api/lint', () => {
  it('reviews a document: the LintResult and the catalog entries of the rules it names', async () => {
    const doc = shopDocument();
    const res = await post({ document: doc, config: onlyShopRules() });
    expect(res.status).toBe(200);
    const json = await res.json();
    const expected = lintDocument(doc, { rules: shopRules() });
    expect(json.counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(json.findings.map((f: { key: string }) => f.key)).toEqual(expected.findings.map((f) => f.key));
    expect(json.findings[1].fix.title).toBe('Add index on orders (customer_id)');
    expect(json.rules.map((r: { id: string; category: string }) => [r.id, r.category])).toEqual([
      ['no-primary-key', 'integrity'],
      ['fk-without-index', 'indexing'],
    ]);
    expect(json.rules[0]).toMatchObject({ title: 'Table without a primary key', defaultSeverity: 'error', rationale: expect.any(String), suggestion: expect.any(String) });
  });

  it('applies the document\'s waivers and a given configuration on top', async () => {
    const doc = { ...shopDocument(), review: { waivers: [{ key: 'no-primary-key:t_o', ruleId: 'no-primary-key', rationale: 'log table' }] } };
    const json = await (await post({ document: doc, config: { rules: { ...onlyShopRules().rules, 'fk-without-index': { severity: 'info' } }, waivers: [{ key: 'no-primary-key:gone', ruleId: 'no-primary-key', rationale: 'old' }] } })).json();
    expect(json.counts).toEqual({ error: 0, warning: 0, info: 1 });
    expect(json.waived.map((f: { waiver: { rationale: string } }) => f.waiver.rationale)).toEqual(['log table']);
    expect(json.staleWaivers.map((w: { key: string }) => w.key)).toEqual(['no-primary-key:gone']);
  });

  it('reviews a schema source, each finding with its line in the source', async () => {
    const res = await post({ source: SHOP_SQL, format: 'postgres', config: onlyShopRules() });
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.findings.map((f: { ruleId: string; location: unknown }) => [f.ruleId, f.location])).toEqual([
      ['no-primary-key', { file: 'schema', line: 4, column: 1 }],
      ['fk-without-index', { file: 'schema', line: 6, column: 3 }],
    ]);
    const files = await (await post({ source: { files: [{ name: 'db.sql', content: SHOP_SQL }] }, config: onlyShopRules() })).json();
    expect(files.findings[0].location).toEqual({ file: 'db.sql', line: 4, column: 1 });
  });

  const errors: Array<[string, unknown, { raw?: string }, number, string, RegExp]> = [
    ['invalid JSON', null, { raw: '{"document": }' }, 400, 'invalid_json', /JSON/],
    ['neither document nor source', { dialect: 'postgres' }, {}, 400, 'invalid_body', /Invalid request body/],
    ['unknown field', { document: shopDocument(), colour: 'red' }, {}, 400, 'invalid_body', /colour/],
    ['bad dialect', { document: shopDocument(), dialect: 'oracle' }, {}, 400, 'invalid_body', /dialect/],
    ['bad configuration', { document: shopDocument(), config: { rules: { 'no-primary-key': { severity: 'fatal' } } } }, {}, 400, 'invalid_body', /config/],
    ['waiver without rationale', { document: shopDocument(), config: { waivers: [{ key: 'k', ruleId: 'no-primary-key', rationale: ' ' }] } }, {}, 400, 'invalid_body', /rationale/],
    ['invalid document', { document: { format: 'draftbase' } }, {}, 400, 'invalid_document', /document\.version/],
    ['source that cannot be imported', { source: 'CREATE TABLE (;', format: 'postgres' }, {}, 422, 'import_failed', /line 1/],
  ];
  it.each(errors)('%s -> %i %s', async (_label, body, init, status, code, message) => {
    const res = await post(body, init);
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(json.error.message).toMatch(message);
  });

  it('rejects bodies over the cap with 413', async () => {
    const previous = process.env.DRAFTBASE_MAX_BODY_BYTES;
    process.env.DRAFTBASE_MAX_BODY_BYTES = '1000';
    try {
      const res = await post({ document: shopDocument() });
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe('payload_too_large');
    } finally {
      if (previous === undefined) delete process.env.DRAFTBASE_MAX_BODY_BYTES;
      else process.env.DRAFTBASE_MAX_BODY_BYTES = previous;
    }
  });
});
