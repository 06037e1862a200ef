/**
 * Every PostgreSQL file of ../shared/corpus imports with the counts the engine itself reports.
 *
 * How the expected numbers were obtained (NOT by running this importer): each file was applied with
 * `psql -f` to a fresh database on the PostgreSQL 15 server of the development machine, and these
 * catalog queries were run (non-system schemas only):
 *   tables   = pg_class relkind in ('r','p') and not relispartition   (partitions live on their parent)
 *   columns  = pg_attribute attnum > 0 and not attisdropped of those tables
 *   fks      = pg_constraint contype = 'f' on those tables
 *   indexes  = pg_index on those tables not backing a constraint (p/u/x)
 *   enums    = pg_type typtype = 'e';   views = pg_class relkind in ('v','m')
 * Corrections, by hand from the file, where the engine could not take the file as is:
 * - openstreetmap: PostGIS is missing, so `moderation_zones` failed; added by hand from its CREATE
 *   TABLE and ALTERs: +1 table, +10 columns, +2 foreign keys, +2 indexes (engine: 56/381/69/98).
 * - pagila-schema.sql targets PG 18 + pgvector: applied after `VIRTUAL`->`STORED`, vector(20)->real[],
 *   a stub uuidv7(), without CREATE EXTENSION vector and without the HNSW index (an index method the
 *   model does not have: reported as skipped, not counted).
 * - chinook: `\c chinook` and DROP/CREATE DATABASE removed so it applies into the fresh database.
 */
import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpusFile } from '../../server/importers/test-corpus';
import type { ImportCounts } from '../types';
import { importPostgres } from './import-postgres';

type Expected = Omit<ImportCounts, 'columns'> & { columns: number };

const EXPECTED: [file: string, counts: Expected][] = [
  ['azimutt-structure.sql', { tables: 14, columns: 177, relationships: 27, indexes: 15, enums: 2, views: 0 }],
  ['chinook-postgresql-schema.sql', { tables: 11, columns: 64, relationships: 11, indexes: 11, enums: 0, views: 0 }],
  ['guacamole-create-schema.sql', { tables: 23, columns: 104, relationships: 30, indexes: 32, enums: 5, views: 0 }],
  ['northwind-schema.sql', { tables: 14, columns: 92, relationships: 13, indexes: 0, enums: 0, views: 0 }],
  ['openstreetmap-structure.sql', { tables: 57, columns: 391, relationships: 71, indexes: 100, enums: 8, views: 0 }],
  ['pagila-schema-2024-pg12dump.sql', { tables: 15, columns: 87, relationships: 18, indexes: 15, enums: 1, views: 8 }],
  ['pagila-schema.sql', { tables: 16, columns: 94, relationships: 19, indexes: 18, enums: 1, views: 8 }],
];

const hasCorpus = corpusAvailable('PostgreSQL corpus import tests');

describe.skipIf(!hasCorpus)('importPostgres on the real corpus', () => {
  it.each(EXPECTED)('%s has the engine-counted tables, columns, foreign keys, indexes, enums, views', async (file, expected) => {
    const { report } = await importPostgres(readCorpusFile(`postgres/${file}`));
    expect(report.counts).toEqual(expected);
    // A real file never has a syntax error: everything unread is an explained skip.
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const s of report.skipped) {
      expect(s.line).toBeGreaterThan(0);
      expect(s.reason.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic: the same input gives the same document', async () => {
    const sql = readCorpusFile('postgres/pagila-schema-2024-pg12dump.sql');
    const a = await importPostgres(sql);
    const b = await importPostgres(sql);
    expect(JSON.stringify(a.document)).toBe(JSON.stringify(b.document));
  });

  it('chinook: reports the psql meta-command and DROP/CREATE DATABASE as skipped with their lines', async () => {
    const { report } = await importPostgres(readCorpusFile('postgres/chinook-postgresql-schema.sql'));
    const meta = report.skipped.find((s) => s.statement.startsWith('\\c chinook'));
    expect(meta).toMatchObject({ line: 26, reason: 'psql meta-command' });
    expect(report.skipped.find((s) => s.statement.startsWith('CREATE DATABASE'))).toMatchObject({ line: 24, reason: 'database creation' });
  });

  it('pagila: partitions, sequence defaults, domains with checks, the non-ASCII domain, tsvector + GiST, views', async () => {
    const { document: doc, report } = await importPostgres(readCorpusFile('postgres/pagila-schema-2024-pg12dump.sql'));
    const tables = Object.values(doc.tables);
    const payment = tables.find((t) => t.name === 'payment');
    expect(payment?.partitioning?.strategy).toBe('range');
    expect(payment?.partitioning?.partitions.map((p) => p.name)).toEqual([
      'payment_p2022_01', 'payment_p2022_02', 'payment_p2022_03', 'payment_p2022_04', 'payment_p2022_05', 'payment_p2022_06', 'payment_p2022_07',
    ]);
    const p1 = payment?.partitioning?.partitions[0].bound;
    expect(p1).toEqual({ kind: 'range', from: ["'2022-01-01 00:00:00+00'"], to: ["'2022-02-01 00:00:00+00'"] });

    const actorId = tables.find((t) => t.name === 'actor')?.columns.find((c) => c.name === 'actor_id');
    expect(actorId).toMatchObject({ nullable: false, default: { kind: 'sequence' }, type: { kind: 'scalar', name: 'integer' } });
    expect(actorId?.identity).toBeUndefined();
    const actorSeq = actorId?.default.kind === 'sequence' ? doc.sequences[actorId.default.sequenceId] : undefined;
    // pagila's dump: CREATE SEQUENCE (bigint, no OWNED BY) and a nextval default, kept as they are.
    expect(actorSeq).toEqual({ id: actorSeq?.id, name: 'actor_actor_id_seq', dataType: 'bigint' });
    expect(Object.values(doc.extensions)).toEqual([]);

    const domains = Object.values(doc.domains);
    expect(domains.map((d) => d.name).sort()).toEqual(['bıgınt', 'year']);
    expect(domains.find((d) => d.name === 'year')?.checks[0]?.name).toBe('year_check');

    const film = tables.find((t) => t.name === 'film');
    const fulltext = film?.indexes.find((i) => i.name === 'film_fulltext_idx');
    expect(fulltext?.method).toBe('gist');
    expect(film?.columns.find((c) => c.name === 'special_features')).toMatchObject({ arrayDims: 1, type: { name: 'text' } });
    expect(film?.columns.find((c) => c.name === 'rating')?.type.kind).toBe('enum');
    expect(Object.values(doc.views).filter((v) => v.materialized).map((v) => v.name)).toEqual(['rental_by_category']);
    // Functions, the aggregate and triggers are kept as routines (not skipped, not warned about).
    const kinds = Object.values(doc.routines ?? {}).map((r) => r.kind);
    expect([kinds.filter((k) => k === 'function').length, kinds.filter((k) => k === 'aggregate').length, kinds.filter((k) => k === 'trigger').length]).toEqual([9, 1, 15]);
    expect(report.skipped.some((s) => /^(trigger|function|aggregate)/.test(s.reason))).toBe(false);
  });

  it('openstreetmap: composite foreign keys, a partial index, GiST/GIN with opclasses and expressions, PostGIS type kept', async () => {
    const { document: doc } = await importPostgres(readCorpusFile('postgres/openstreetmap-structure.sql'));
    const rels = Object.values(doc.relationships);
    expect(rels.filter((r) => r.columnPairs.length > 1)).toHaveLength(5);
    const indexes = Object.values(doc.tables).flatMap((t) => t.indexes);
    expect(indexes.find((i) => i.name === 'index_notes_on_user_id_and_created_at')?.where).toBe('user_id IS NOT NULL');
    const acl = indexes.find((i) => i.name === 'index_acls_on_address');
    expect(acl).toMatchObject({ method: 'gist', parts: [{ kind: 'column', opclass: 'inet_ops' }] });
    const body = indexes.find((i) => i.name === 'index_note_comments_on_body');
    expect(body?.method).toBe('gin');
    expect(body?.parts[0]).toMatchObject({ kind: 'expression' });
    expect(body?.parts[0].kind === 'expression' && body.parts[0].sql).toBe("to_tsvector(CAST('english' AS regconfig), body)");
    const zone = Object.values(doc.tables).find((t) => t.name === 'moderation_zones')?.columns.find((c) => c.name === 'zone');
    expect(zone?.type).toEqual({ kind: 'scalar', name: 'geometry', native: { postgres: 'public.geometry(polygon, 4326)' } });
  });

  it('azimutt: citext kept as a native type, comments on tables and columns', async () => {
    const { document: doc } = await importPostgres(readCorpusFile('postgres/azimutt-structure.sql'));
    const cols = Object.values(doc.tables).flatMap((t) => t.columns);
    expect(cols.some((c) => c.type.kind === 'scalar' && c.type.native?.postgres === 'public.citext')).toBe(true);
    expect(Object.values(doc.tables).filter((t) => t.comment).length).toBeGreaterThan(0);
    expect(cols.filter((c) => c.comment).length).toBeGreaterThan(0);
  });
});
