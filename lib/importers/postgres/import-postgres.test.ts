/**
 * PostgreSQL importer on hand-written DDL: one feature per case, asserting the document it yields.
 */
import { describe, expect, it } from 'vitest';
import type { SchemaDocument, Table } from '../../model/document';
import { importPostgres } from './import-postgres';

const tableNamed = (doc: SchemaDocument, name: string): Table => {
  const t = Object.values(doc.tables).find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}; have ${Object.values(doc.tables).map((x) => x.name).join(', ')}`);
  return t;
};
const col = (t: Table, name: string) => t.columns.find((c) => c.name === name);

describe('importPostgres features', () => {
  it('several schemas become namespaces; public stays the default; cross-schema foreign keys resolve', async () => {
    const { document: doc } = await importPostgres(`
      CREATE SCHEMA billing;
      CREATE TABLE public.customers (id bigint PRIMARY KEY);
      CREATE TABLE billing.customers (id bigint PRIMARY KEY, customer_id bigint REFERENCES public.customers(id));
      CREATE TYPE billing.state AS ENUM ('open', 'paid');
      CREATE TABLE billing.invoices (id bigint PRIMARY KEY, state billing.state NOT NULL DEFAULT 'open');
    `);
    expect(Object.values(doc.schemas).map((s) => s.name)).toEqual(['billing']);
    const billingId = Object.values(doc.schemas)[0].id;
    const tables = Object.values(doc.tables).map((t) => [t.name, t.schemaId ?? null]);
    expect(tables).toEqual([['customers', null], ['customers', billingId], ['invoices', billingId]]);
    const rel = Object.values(doc.relationships)[0];
    expect(doc.tables[rel.toTableId].schemaId).toBeUndefined();
    expect(doc.tables[rel.fromTableId].schemaId).toBe(billingId);
    const state = col(tableNamed(doc, 'invoices'), 'state');
    expect(state?.type.kind).toBe('enum');
    expect(state?.default).toEqual({ kind: 'literal', value: 'open' });
  });

  it('SET search_path places unqualified names; lookups fall back to public', async () => {
    const { document: doc } = await importPostgres(`
      CREATE TYPE public.level AS ENUM ('low', 'high');
      CREATE TABLE public.owners (id int PRIMARY KEY);
      CREATE SCHEMA app;
      SET search_path = app, public;
      CREATE TABLE things (id int PRIMARY KEY, owner_id int REFERENCES owners (id), lvl level);
      ALTER TABLE things ADD COLUMN note text;
      SET search_path TO public;
      CREATE TABLE more (id int);
    `);
    const appId = Object.values(doc.schemas).find((s) => s.name === 'app')?.id;
    const things = tableNamed(doc, 'things');
    expect(things.schemaId).toBe(appId);
    expect(things.columns.map((c) => c.name)).toEqual(['id', 'owner_id', 'lvl', 'note']);
    expect(col(things, 'lvl')?.type.kind).toBe('enum');
    expect(doc.tables[Object.values(doc.relationships)[0].toTableId].name).toBe('owners');
    expect(tableNamed(doc, 'more').schemaId).toBeUndefined();
  });

  it('pg_dump identity: ALTER TABLE ... ADD GENERATED ... AS IDENTITY (SEQUENCE NAME ...)', async () => {
    const { document: doc } = await importPostgres(`
      CREATE TABLE public.tokens (id bigint NOT NULL, v text);
      ALTER TABLE public.tokens ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
        SEQUENCE NAME public.tokens_id_seq START WITH 7 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1
      );`);
    expect(col(tableNamed(doc, 'tokens'), 'id')).toMatchObject({ identity: { always: true, start: 7 }, nullable: false });
  });

  it('identity, serial, generated columns, arrays, defaults of each kind', async () => {
    const { document: doc } = await importPostgres(`
      CREATE TABLE t (
        a integer GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5),
        b bigserial,
        c numeric(10,2) GENERATED ALWAYS AS (a * 2) STORED,
        d text[][] DEFAULT '{}'::text[],
        e timestamptz(3) DEFAULT CURRENT_TIMESTAMP,
        f boolean DEFAULT false,
        g varchar(20) DEFAULT 'x'::character varying,
        h uuid DEFAULT gen_random_uuid(),
        i integer DEFAULT -1,
        j text COLLATE "C",
        k numeric DEFAULT 12345678901234567890.5
      );`);
    const t = tableNamed(doc, 't');
    expect(col(t, 'a')).toMatchObject({ identity: { always: true, start: 100, increment: 5 }, nullable: false });
    // bigserial: a bigint column that owns its sequence t_b_seq and draws its default from it.
    const b = col(t, 'b')!;
    expect(b).toMatchObject({ type: { name: 'bigint' }, nullable: false, default: { kind: 'sequence' } });
    expect(b.identity).toBeUndefined();
    expect(Object.values(doc.sequences)).toEqual([{ id: b.default.kind === 'sequence' ? b.default.sequenceId : '', name: 't_b_seq', dataType: 'bigint', ownedBy: { tableId: t.id, columnId: b.id } }]);
    expect(col(t, 'c')?.generated).toEqual({ expression: 'a * 2', stored: true });
    expect(col(t, 'd')).toMatchObject({ arrayDims: 2, default: { kind: 'expression', sql: "CAST('{}' AS text[])" } });
    expect(col(t, 'e')).toMatchObject({ type: { name: 'timestamptz', precision: 3 }, default: { kind: 'builtin', name: 'current_timestamp' } });
    expect(col(t, 'f')?.default).toEqual({ kind: 'literal', value: false });
    expect(col(t, 'g')).toMatchObject({ type: { name: 'varchar', length: 20 }, default: { kind: 'literal', value: 'x' } });
    expect(col(t, 'h')?.default).toEqual({ kind: 'expression', sql: 'gen_random_uuid()' });
    expect(col(t, 'i')?.default).toEqual({ kind: 'literal', value: -1 });
    expect(col(t, 'j')?.collation).toBe('C');
    expect(col(t, 'k')?.default).toEqual({ kind: 'expression', sql: '12345678901234567890.5' });
  });

  it('pg_dump shape: sequence + OWNED BY + SET DEFAULT nextval comes back as it was (options, owner, default)', async () => {
    const { document: doc, report } = await importPostgres(`
      CREATE TABLE public.items (id integer NOT NULL, name text);
      CREATE SEQUENCE public.items_id_seq AS integer START WITH 1000 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
      ALTER SEQUENCE public.items_id_seq OWNED BY public.items.id;
      ALTER TABLE ONLY public.items ALTER COLUMN id SET DEFAULT nextval('public.items_id_seq'::regclass);
      ALTER TABLE ONLY public.items ADD CONSTRAINT items_pkey PRIMARY KEY (id);
      CREATE SEQUENCE public.orphan_seq;
      SELECT pg_catalog.setval('public.items_id_seq', 1000, false);
    `);
    const items = tableNamed(doc, 'items');
    const id = col(items, 'id')!;
    const seqs = Object.values(doc.sequences);
    expect(seqs).toEqual([
      { id: seqs[0].id, name: 'items_id_seq', dataType: 'integer', start: 1000, ownedBy: { tableId: items.id, columnId: id.id } },
      { id: seqs[1].id, name: 'orphan_seq', dataType: 'bigint' },
    ]);
    expect(id).toMatchObject({ default: { kind: 'sequence', sequenceId: seqs[0].id }, nullable: false });
    expect(id.identity).toBeUndefined();
    expect(items.primaryKey).toEqual({ name: 'items_pkey', columnIds: [id.id] });
    expect(report.skipped.map((s) => s.reason)).toEqual(['query (not schema)']);
  });

  it('sequences: every option, ALTER SEQUENCE, a shared sequence, defaults before the sequence, serial names, DROP', async () => {
    const { document: doc, report } = await importPostgres(`
      CREATE SCHEMA app;
      CREATE TABLE app.a (n integer DEFAULT nextval('app.shared'::regclass), m bigint DEFAULT nextval('nowhere'));
      CREATE SEQUENCE app.shared AS smallint START WITH -5 INCREMENT BY -1 MINVALUE -100 MAXVALUE -1 CACHE 20 CYCLE;
      CREATE TABLE app.b (n integer DEFAULT nextval('app.shared'), id smallserial);
      CREATE SEQUENCE big MINVALUE -9223372036854775808 MAXVALUE 9223372036854775807 START 5;
      ALTER SEQUENCE big INCREMENT BY 10 NO CYCLE CACHE 5;
      ALTER SEQUENCE big OWNED BY NONE;
      -- PostgreSQL's own name for it (checked on PostgreSQL 15): each part cut, the longer first, to fit 63 bytes.
      CREATE TABLE "A_very_long_table_name_that_goes_on_and_on_and_on" ("and_a_long_column_name_too_yes" serial);
      CREATE TABLE c (id serial);
      CREATE SEQUENCE gone;
      DROP SEQUENCE gone;
      COMMENT ON SEQUENCE big IS 'big one';
    `);
    const byName = Object.fromEntries(Object.values(doc.sequences).map((q) => [q.name, q]));
    expect(Object.keys(byName)).toEqual(['shared', 'b_id_seq', 'big', 'A_very_long_table_name_that_g_and_a_long_column_name_too_ye_seq', 'c_id_seq']);
    expect(byName.shared).toMatchObject({ dataType: 'smallint', start: -5, increment: -1, min: -100, cache: 20, cycle: true, schemaId: doc.tables[Object.keys(doc.tables)[0]].schemaId });
    expect(byName.shared.max).toBeUndefined(); // -1 is the descending default
    // MINVALUE -2^63 does not fit a number exactly: left out with a warning (MAXVALUE 2^63-1 is the default).
    expect(byName.big).toEqual({ id: byName.big.id, name: 'big', dataType: 'bigint', start: 5, increment: 10, cache: 5, comment: 'big one' });
    const a = Object.values(doc.tables).find((t) => t.name === 'a')!;
    const b = Object.values(doc.tables).find((t) => t.name === 'b')!;
    expect(col(a, 'n')?.default).toEqual({ kind: 'sequence', sequenceId: byName.shared.id });
    expect(col(b, 'n')?.default).toEqual({ kind: 'sequence', sequenceId: byName.shared.id });
    expect(col(a, 'm')?.default).toEqual({ kind: 'expression', sql: "nextval('nowhere')" });
    expect(byName.b_id_seq).toMatchObject({ dataType: 'smallint', ownedBy: { tableId: b.id, columnId: col(b, 'id')?.id }, schemaId: b.schemaId });
    expect(report.diagnostics.map((d) => d.code)).toEqual(['postgres.sequence-missing', 'postgres.sequence-option-range']);
  });

  it('extensions: name, schema, version, comment; pg_catalog and public are the default schema', async () => {
    const { document: doc, report } = await importPostgres(`
      CREATE SCHEMA ext;
      CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog;
      CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
      CREATE EXTENSION "uuid-ossp" WITH SCHEMA ext VERSION '1.1' CASCADE;
      COMMENT ON EXTENSION pg_trgm IS 'text similarity';
      CREATE EXTENSION pg_trgm;
      CREATE TABLE t (id int);
    `);
    const xs = Object.values(doc.extensions);
    expect(xs).toEqual([
      { id: xs[0].id, name: 'plpgsql' },
      { id: xs[1].id, name: 'pg_trgm', comment: 'text similarity' },
      { id: xs[2].id, name: 'uuid-ossp', schemaId: Object.values(doc.schemas)[0].id, version: '1.1' },
    ]);
    expect(report.skipped.map((s) => s.reason)).toEqual(['extension "pg_trgm" is already declared']);
  });

  it('indexes: method, opclass, expression, order, nulls, INCLUDE, partial, unnamed', async () => {
    const { document: doc } = await importPostgres(`
      CREATE TABLE docs (id int PRIMARY KEY, title text, body tsvector, created timestamptz, owner int);
      CREATE INDEX docs_body ON docs USING gin (body);
      CREATE UNIQUE INDEX docs_title_lower ON docs (lower(title) DESC NULLS LAST) INCLUDE (owner) WHERE owner IS NOT NULL;
      CREATE INDEX ON docs USING brin (created);
      CREATE INDEX docs_trgm ON docs USING gist (title gist_trgm_ops);
    `);
    const ix = tableNamed(doc, 'docs').indexes;
    expect(ix.map((i) => [i.name, i.method ?? 'btree', i.unique])).toEqual([
      ['docs_body', 'gin', false],
      ['docs_title_lower', 'btree', true],
      ['docs_created_idx', 'brin', false],
      ['docs_trgm', 'gist', false],
    ]);
    expect(ix[1]).toMatchObject({ parts: [{ kind: 'expression', sql: 'lower(title)', order: 'desc', nulls: 'last' }], where: 'owner IS NOT NULL' });
    expect(ix[1].includeColumnIds).toEqual([col(tableNamed(doc, 'docs'), 'owner')?.id]);
    expect(ix[3].parts[0]).toMatchObject({ kind: 'column', opclass: 'gist_trgm_ops' });
  });

  it('partitions declared with PARTITION OF (range, list, hash, default)', async () => {
    const { document: doc } = await importPostgres(`
      CREATE TABLE m (id int, at date, region text) PARTITION BY RANGE (at);
      CREATE TABLE m_2026 PARTITION OF m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
      CREATE TABLE m_old PARTITION OF m FOR VALUES FROM (MINVALUE) TO ('2026-01-01');
      CREATE TABLE m_rest PARTITION OF m DEFAULT;
      CREATE TABLE l (id int, region text) PARTITION BY LIST (region);
      CREATE TABLE l_eu PARTITION OF l FOR VALUES IN ('de', 'fr');
      CREATE TABLE h (id int) PARTITION BY HASH (id);
      CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (MODULUS 2, REMAINDER 0);
      CREATE INDEX ON m_2026 (id);
    `);
    expect(Object.values(doc.tables).map((t) => t.name)).toEqual(['m', 'l', 'h']);
    expect(tableNamed(doc, 'm').partitioning?.partitions.map((p) => p.bound)).toEqual([
      { kind: 'range', from: ["'2026-01-01'"], to: ["'2027-01-01'"] },
      { kind: 'range', from: ['MINVALUE'], to: ["'2026-01-01'"] },
      { kind: 'default' },
    ]);
    expect(tableNamed(doc, 'l').partitioning?.partitions[0].bound).toEqual({ kind: 'list', values: ["'de'", "'fr'"] });
    expect(tableNamed(doc, 'h').partitioning?.partitions[0].bound).toEqual({ kind: 'hash', modulus: 2, remainder: 0 });
  });

  it('domains, enum ALTER TYPE ADD VALUE, comments on every kind of object, views and materialized views', async () => {
    const { document: doc } = await importPostgres(`
      CREATE DOMAIN email AS citext NOT NULL CONSTRAINT email_check CHECK (VALUE ~ '@');
      CREATE TYPE mood AS ENUM ('sad', 'happy');
      ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
      ALTER TYPE mood ADD VALUE 'great';
      CREATE TABLE people (id int PRIMARY KEY, mail email, m mood);
      CREATE INDEX people_m ON people (m);
      COMMENT ON TABLE people IS 'Everyone';
      COMMENT ON COLUMN people.mail IS 'Work address';
      COMMENT ON TYPE mood IS 'How they feel';
      COMMENT ON DOMAIN email IS 'An address';
      COMMENT ON INDEX people_m IS 'Filter by mood';
      CREATE VIEW happy AS SELECT id FROM people WHERE m = 'happy';
      CREATE MATERIALIZED VIEW counts AS SELECT m, count(*) AS n FROM people GROUP BY m;
      COMMENT ON VIEW happy IS 'Only the happy ones';
    `);
    const people = tableNamed(doc, 'people');
    expect(people.comment).toBe('Everyone');
    expect(col(people, 'mail')).toMatchObject({ comment: 'Work address', type: { kind: 'domain' } });
    expect(Object.values(doc.enums)[0]).toMatchObject({ values: ['sad', 'ok', 'happy', 'great'], comment: 'How they feel' });
    expect(Object.values(doc.domains)[0]).toMatchObject({
      name: 'email',
      nullable: false,
      comment: 'An address',
      type: { kind: 'scalar', name: 'text', native: { postgres: 'citext' } },
      checks: [{ name: 'email_check', expression: "value ~ '@'" }],
    });
    expect(people.indexes[0].purpose).toBe('Filter by mood');
    expect(Object.values(doc.views).map((v) => [v.name, v.materialized, v.comment ?? null])).toEqual([
      ['happy', false, 'Only the happy ones'],
      ['counts', true, null],
    ]);
    expect(Object.values(doc.views)[0].sql).toBe("SELECT id FROM people WHERE m = 'happy'");
  });

  it('composite foreign keys, actions, deferrable, FK to the primary key without a column list, forward references', async () => {
    const { document: doc } = await importPostgres(`
      CREATE TABLE lines (order_id int, line int, product int REFERENCES products, PRIMARY KEY (order_id, line));
      CREATE TABLE products (id int PRIMARY KEY);
      CREATE TABLE notes (order_id int, line int, CONSTRAINT notes_line_fk FOREIGN KEY (order_id, line) REFERENCES lines (order_id, line)
        ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED);
    `);
    const rels = Object.values(doc.relationships);
    expect(rels).toHaveLength(2);
    const composite = rels.find((r) => r.name === 'notes_line_fk');
    expect(composite).toMatchObject({ onDelete: 'cascade', onUpdate: 'set null', deferrable: 'deferrable initially deferred' });
    expect(composite?.columnPairs).toHaveLength(2);
    const toProducts = rels.find((r) => r.toTableId === tableNamed(doc, 'products').id);
    expect(toProducts?.columnPairs[0].toColumnId).toBe(col(tableNamed(doc, 'products'), 'id')?.id);
  });

  it('reads past psql lines, COPY data, dollar-quoted and BEGIN ATOMIC bodies and E-strings containing semicolons', async () => {
    const { document: doc, report } = await importPostgres(
      [
        '\\set ON_ERROR_STOP on',
        'CREATE TABLE a (id int);',
        'COPY a (id) FROM stdin;',
        '1',
        '2; CREATE TABLE not_a_table (x int);',
        '\\.',
        'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$ BEGIN RETURN 1; END; $fn$;',
        'CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END; SELECT 2; END;',
        "CREATE TABLE b (s text DEFAULT E'semi;colon\\'s', t text DEFAULT 'it''s; fine');",
      ].join('\n'),
    );
    expect(Object.values(doc.tables).map((t) => t.name)).toEqual(['a', 'b']);
    expect(col(tableNamed(doc, 'b'), 's')?.default).toEqual({ kind: 'literal', value: "semi;colon's" });
    expect(col(tableNamed(doc, 'b'), 't')?.default).toEqual({ kind: 'literal', value: "it's; fine" });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.skipped.map((s) => [s.line, s.reason])).toEqual([
      [1, 'psql meta-command'],
      [3, 'data (not schema)'],
    ]);
    // Both functions kept whole, semicolons of their bodies included.
    expect(Object.values(doc.routines ?? {}).map((r) => r.sql)).toEqual([
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$ BEGIN RETURN 1; END; $fn$',
      'CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END; SELECT 2; END',
    ]);
  });

  it('reports lines correctly after multi-byte characters (the parser counts UTF-8 bytes)', async () => {
    const sql = "-- ünïcödé 日本語 😀\nCREATE DOMAIN public.\"bıgınt\" AS bigint;\nCREATE TABLE \"Ærø\" (\"名前\" text);\nGRANT SELECT ON \"Ærø\" TO PUBLIC;\nCREATE TABLE x (y int,, z int);\n";
    const { document: doc, report } = await importPostgres(sql);
    expect(Object.values(doc.tables)[0]).toMatchObject({ name: 'Ærø', columns: [{ name: '名前' }] });
    expect(report.skipped.map((s) => s.line)).toEqual([4, 5]);
    expect(report.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ line: 5, column: 23 });
  });

  it('migration-style scripts: RENAME, DROP COLUMN/CONSTRAINT/INDEX/TABLE apply to what the script created', async () => {
    const { document: doc, report } = await importPostgres(`
      DROP TABLE IF EXISTS users;
      CREATE TABLE users (id int PRIMARY KEY, mail text, legacy int CHECK (legacy > 0), CONSTRAINT users_mail_key UNIQUE (mail));
      CREATE TABLE posts (id int PRIMARY KEY, user_id int, author int, CONSTRAINT posts_author_fk FOREIGN KEY (author) REFERENCES users (id));
      CREATE INDEX users_legacy_idx ON users (legacy);
      ALTER TABLE users RENAME COLUMN mail TO email;
      ALTER TABLE users RENAME TO accounts;
      ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES accounts (id);
      ALTER TABLE accounts DROP COLUMN legacy;
      ALTER TABLE accounts RENAME CONSTRAINT users_mail_key TO accounts_email_key;
      ALTER TABLE posts DROP CONSTRAINT posts_author_fk;
      CREATE TABLE scratch (x int);
      CREATE INDEX scratch_x ON scratch (x);
      DROP INDEX scratch_x;
      DROP TABLE scratch;
    `);
    expect(Object.values(doc.tables).map((t) => t.name)).toEqual(['accounts', 'posts']);
    const accounts = tableNamed(doc, 'accounts');
    expect(accounts.columns.map((c) => c.name)).toEqual(['id', 'email']);
    expect(accounts.checks).toEqual([]);
    expect(accounts.indexes).toEqual([]);
    expect(accounts.uniques.map((u) => u.name)).toEqual(['accounts_email_key']);
    expect(Object.values(doc.relationships).map((r) => r.name)).toEqual(['posts_user_fk']);
    expect(report.skipped.map((s) => [s.line, s.reason])).toEqual([[2, 'DROP (the import describes what exists)']]);
  });

  it('reports every non-schema statement as skipped with its line, never fatal (the trigger and function are kept as routines)', async () => {
    const { report } = await importPostgres(`CREATE TABLE t (id int);
CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
GRANT SELECT ON t TO reader;
CREATE POLICY p ON t USING (true);
ALTER TABLE t OWNER TO admin;
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
SET statement_timeout = 0;
ALTER TABLE t ENABLE ROW LEVEL SECURITY;`);
    expect(report.skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, 'privileges (not modeled)'],
      [4, 'row-level security policy (not modeled)'],
      [5, 'ownership (not modeled)'],
      [7, 'session setting'],
      [8, 'ENABLE ROW LEVEL SECURITY is not modeled'],
    ]);
    expect(report.counts.tables).toBe(1);
  });
});
