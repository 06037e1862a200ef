/**
 * Which PostgreSQL extension a document needs, as data: operator classes, functions called in
 * expressions, types, and GIN/GiST indexes on plain scalar columns (btree_gin / btree_gist). The
 * generator declares only the extensions the document declares (a dump's regenerated DDL must be the
 * dump's); what is used but not declared is an info diagnostic naming the extension and the fix, and
 * `extensionsNeeded` gives the editor the same list to offer.
 */
import type { Column, Dialect, LogicalTypeName, SchemaDocument, Table } from '../model/document';
import { indexName } from '../naming/derived-names';
import { SQL_LEXERS } from '../sql-lexer';
import { identifiersIn } from './sql-text';

interface ExtensionFact {
  /** What it brings, for messages. */
  provides: string;
  /** How MySQL does the same without an extension, when it does. */
  mysql?: string;
  /** How SQLite does the same without an extension, when it does. */
  sqlite?: string;
}

/** The extensions Draftbase knows by name (others are written as declared, with no inference). */
export const EXTENSION_FACTS: Readonly<Record<string, ExtensionFact>> = {
  'uuid-ossp': { provides: 'uuid_generate_v1()/v4() and the other UUID functions', mysql: 'UUID() is built in', sqlite: 'a UUID default is written with randomblob()' },
  pgcrypto: { provides: 'gen_random_bytes(), crypt(), gen_salt(), digest(), hmac() and PGP functions', mysql: 'SHA2(), MD5(), AES_ENCRYPT() and RANDOM_BYTES() are built in' },
  citext: { provides: 'the case-insensitive text type citext', mysql: 'the default collations already compare text case-insensitively', sqlite: 'COLLATE NOCASE compares text ignoring (ASCII) case' },
  pg_trgm: { provides: 'trigram similarity and the gin_trgm_ops / gist_trgm_ops operator classes' },
  btree_gin: { provides: 'GIN operator classes for scalar types' },
  btree_gist: { provides: 'GiST operator classes for scalar types (exclusion constraints on them)' },
  hstore: { provides: 'the key/value type hstore' },
  ltree: { provides: 'the label-tree type ltree' },
  cube: { provides: 'the multi-dimensional cube type' },
  earthdistance: { provides: 'great-circle distances (earth, ll_to_earth)' },
  postgis: { provides: 'the geometry and geography types and the ST_ functions', mysql: 'spatial types and ST_ functions are built in' },
  vector: { provides: 'the vector type and its index methods (pgvector)' },
  unaccent: { provides: 'unaccent()' },
  fuzzystrmatch: { provides: 'soundex(), levenshtein() and metaphone()', mysql: 'SOUNDEX() is built in' },
  intarray: { provides: 'integer-array operators and the gin__int_ops / gist__int_ops operator classes' },
  isn: { provides: 'the ISBN/EAN/UPC types' },
  plpgsql: { provides: 'the PL/pgSQL language' },
};

/** Operator classes outside PostgreSQL's core. */
const OPCLASS_NEEDS: Readonly<Record<string, string>> = {
  gin_trgm_ops: 'pg_trgm',
  gist_trgm_ops: 'pg_trgm',
  gin__int_ops: 'intarray',
  gist__int_ops: 'intarray',
  gist__intbig_ops: 'intarray',
  gin_hstore_ops: 'hstore',
  gist_hstore_ops: 'hstore',
  gist_ltree_ops: 'ltree',
  gist__ltree_ops: 'ltree',
  gist_cube_ops: 'cube',
};

/** Functions outside PostgreSQL's core (gen_random_uuid() is core since PostgreSQL 13). */
const FUNCTION_NEEDS: Readonly<Record<string, string>> = {
  uuid_generate_v1: 'uuid-ossp',
  uuid_generate_v1mc: 'uuid-ossp',
  uuid_generate_v3: 'uuid-ossp',
  uuid_generate_v4: 'uuid-ossp',
  uuid_generate_v5: 'uuid-ossp',
  uuid_nil: 'uuid-ossp',
  gen_random_bytes: 'pgcrypto',
  crypt: 'pgcrypto',
  gen_salt: 'pgcrypto',
  digest: 'pgcrypto',
  hmac: 'pgcrypto',
  pgp_sym_encrypt: 'pgcrypto',
  pgp_sym_decrypt: 'pgcrypto',
  pgp_pub_encrypt: 'pgcrypto',
  similarity: 'pg_trgm',
  word_similarity: 'pg_trgm',
  unaccent: 'unaccent',
  levenshtein: 'fuzzystrmatch',
  soundex: 'fuzzystrmatch',
  ll_to_earth: 'earthdistance',
  earth_distance: 'earthdistance',
  st_makepoint: 'postgis',
  st_setsrid: 'postgis',
  st_geomfromtext: 'postgis',
};
/** A cheap test before lexing an expression: could it call one of FUNCTION_NEEDS? */
const MAY_CALL = new RegExp(Object.keys(FUNCTION_NEEDS).join('|'), 'i');

/** Types outside PostgreSQL's core, by the name a native type text starts with. */
const TYPE_NEEDS: Readonly<Record<string, string>> = {
  citext: 'citext',
  hstore: 'hstore',
  ltree: 'ltree',
  lquery: 'ltree',
  ltxtquery: 'ltree',
  cube: 'cube',
  earth: 'earthdistance',
  geometry: 'postgis',
  geography: 'postgis',
  box2d: 'postgis',
  box3d: 'postgis',
  vector: 'vector',
  isbn: 'isn',
  ean13: 'isn',
};

/**
 * Logical types with no default GIN/GiST operator class in core PostgreSQL, which btree_gin /
 * btree_gist provide (inet's core GiST class inet_ops is not its default: btree_gist's is).
 */
const BTREE_LIKE_TYPES: ReadonlySet<LogicalTypeName> = new Set<LogicalTypeName>([
  'smallint', 'integer', 'bigint', 'decimal', 'real', 'double', 'boolean', 'char', 'varchar', 'text', 'uuid',
  'date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval', 'binary', 'varbinary', 'blob', 'inet', 'cidr',
  'macaddr', 'bit', 'varbit', 'money',
]);
const SCALAR_INDEX_EXTENSION: Readonly<Partial<Record<string, string>>> = { gin: 'btree_gin', gist: 'btree_gist' };

/** A use of something an extension provides. */
export interface ExtensionUse {
  extension: string;
  /** What uses it, e.g. `operator class gin_trgm_ops (index "t_name_idx" of "t")`. */
  what: string;
  entityId: string;
  path: string;
}

/** The first word of a native type text that names an extension type (`public.citext` -> citext). */
function typeExtension(native: string | undefined): string | undefined {
  if (!native) return undefined;
  for (const word of identifiersIn(native, SQL_LEXERS.postgres)) {
    const ext = TYPE_NEEDS[word];
    if (ext) return ext;
  }
  return undefined;
}

function functionExtensions(sql: string, push: (extension: string, fn: string) => void): void {
  if (!MAY_CALL.test(sql)) return;
  for (const word of identifiersIn(sql, SQL_LEXERS.postgres)) {
    const ext = FUNCTION_NEEDS[word];
    if (ext) push(ext, word);
  }
}

function columnNeedsBtreeOpclass(doc: SchemaDocument, column: Column): boolean {
  if (column.arrayDims) return false;
  if (column.type.kind === 'enum') return true;
  const scalar = column.type.kind === 'scalar' ? column.type : doc.domains[column.type.domainId]?.type;
  return scalar !== undefined && !scalar.native?.postgres && BTREE_LIKE_TYPES.has(scalar.name);
}

/** Every use, in document order, of something a PostgreSQL extension provides (declared or not). */
export function extensionUses(doc: SchemaDocument): ExtensionUse[] {
  const uses: ExtensionUse[] = [];
  const tableUses = (t: Table) => {
    const base = `tables.${t.id}`;
    t.columns.forEach((c, i) => {
      const path = `${base}.columns.${i}`;
      const typeExt = c.type.kind === 'scalar' ? typeExtension(c.type.native?.postgres) : undefined;
      if (typeExt) uses.push({ extension: typeExt, what: `type ${c.type.kind === 'scalar' ? c.type.native?.postgres : ''} (column "${t.name}.${c.name}")`, entityId: c.id, path });
      const sqls = [c.default.kind === 'expression' ? c.default.sql : undefined, c.generated?.expression];
      for (const sql of sqls) if (sql) functionExtensions(sql, (extension, fn) => uses.push({ extension, what: `${fn}() (column "${t.name}.${c.name}")`, entityId: c.id, path }));
    });
    t.checks.forEach((k, i) => functionExtensions(k.expression, (extension, fn) => uses.push({ extension, what: `${fn}() (a check of "${t.name}")`, entityId: k.id, path: `${base}.checks.${i}` })));
    t.indexes.forEach((ix, i) => {
      const path = `${base}.indexes.${i}`;
      const label = `index "${indexName(t, ix)}" of "${t.name}"`;
      const scalarExt = ix.method ? SCALAR_INDEX_EXTENSION[ix.method] : undefined;
      for (const p of ix.parts) {
        const opclassExt = p.opclass ? OPCLASS_NEEDS[p.opclass.toLowerCase()] : undefined;
        if (opclassExt) uses.push({ extension: opclassExt, what: `operator class ${p.opclass} (${label})`, entityId: ix.id, path });
        if (p.kind === 'expression') functionExtensions(p.sql, (extension, fn) => uses.push({ extension, what: `${fn}() (${label})`, entityId: ix.id, path }));
        else if (scalarExt && !p.opclass) {
          const column = t.columns.find((c) => c.id === p.columnId);
          if (column && columnNeedsBtreeOpclass(doc, column)) uses.push({ extension: scalarExt, what: `${ix.method} on the scalar column "${column.name}" (${label})`, entityId: ix.id, path });
        }
      }
      if (ix.where) functionExtensions(ix.where, (extension, fn) => uses.push({ extension, what: `${fn}() (${label})`, entityId: ix.id, path }));
    });
  };
  for (const t of Object.values(doc.tables)) tableUses(t);
  for (const d of Object.values(doc.domains)) {
    const path = `domains.${d.id}`;
    const typeExt = typeExtension(d.type.native?.postgres);
    if (typeExt) uses.push({ extension: typeExt, what: `type ${d.type.native?.postgres} (domain "${d.name}")`, entityId: d.id, path });
    if (d.default.kind === 'expression') functionExtensions(d.default.sql, (extension, fn) => uses.push({ extension, what: `${fn}() (domain "${d.name}")`, entityId: d.id, path }));
  }
  return uses;
}

/** The extensions the document uses but does not declare, each with its uses (document order). */
export function extensionsNeeded(doc: SchemaDocument): Map<string, ExtensionUse[]> {
  const declared = new Set(Object.values(doc.extensions).map((x) => x.name.toLowerCase()));
  const needed = new Map<string, ExtensionUse[]>();
  for (const use of extensionUses(doc)) {
    if (declared.has(use.extension)) continue;
    const list = needed.get(use.extension);
    if (list) list.push(use);
    else needed.set(use.extension, [use]);
  }
  return needed;
}

/** How MySQL does what an extension does, when it needs none (undefined: no equivalent). */
/** How `dialect` (one without extensions) does what the extension does, when it does. */
export function extensionNote(name: string, dialect: Dialect): string | undefined {
  const fact: Partial<Record<Dialect, string>> | undefined = EXTENSION_FACTS[name.toLowerCase()];
  return fact?.[dialect];
}
