/**
 * Index methods as data: what each dialect does with each method of the model (build it, build it as
 * another method, or skip it) and what a built index of that method supports. The generator
 * (lib/ddl/index-sql.ts) and the index inspector read these instead of asking which dialect this is.
 */
import type { IndexMethod } from '../model/document';

export const INDEX_METHOD_LABEL: Record<IndexMethod, string> = {
  btree: 'B-tree',
  hash: 'Hash',
  gin: 'GIN',
  gist: 'GiST',
  brin: 'BRIN',
  spgist: 'SP-GiST',
  fulltext: 'Full-text',
  spatial: 'Spatial',
};

export interface IndexMethodFact {
  /** The dialect has no such index: skipped, or built as another method (a diagnostic says so). */
  fallback?: 'skip' | IndexMethod;
  /** Why skipping it is fine, and what to do instead (PostgreSQL FULLTEXT: index a tsvector column with GIN). */
  instead?: string;
  /** Accepted as written, but the engine builds another method (InnoDB HASH is a B-tree). */
  engineBuildsAs?: IndexMethod;
  /** Can be UNIQUE. */
  unique: boolean;
  /** Its parts keep ASC/DESC (and NULLS order where the target has it). */
  ordered: boolean;
  /** Takes INCLUDE columns. */
  include: boolean;
  /** A text index (FULLTEXT, SPATIAL) rather than a key: no sort order, no prefix needed on LOB columns. */
  textSearch?: boolean;
}

const built = (unique: boolean, ordered: boolean, include: boolean): IndexMethodFact => ({ unique, ordered, include });

/** PostgreSQL: UNIQUE and ordered only as a B-tree; INCLUDE on B-tree, GiST and SP-GiST. */
export const POSTGRES_INDEX_METHODS: Readonly<Record<IndexMethod, IndexMethodFact>> = {
  btree: built(true, true, true),
  hash: built(false, false, false),
  gin: built(false, false, false),
  gist: built(false, false, true),
  brin: built(false, false, false),
  spgist: built(false, false, true),
  fulltext: { ...built(false, false, false), fallback: 'skip', instead: 'index a tsvector column with GIN' },
  spatial: { ...built(false, false, true), fallback: 'gist' },
};

/** InnoDB: GIN/GiST/SP-GiST do not exist; BRIN and HASH are built as B-trees; no INCLUDE anywhere. */
export const MYSQL_INDEX_METHODS: Readonly<Record<IndexMethod, IndexMethodFact>> = {
  btree: built(true, true, false),
  hash: { ...built(true, true, false), engineBuildsAs: 'btree' },
  gin: { ...built(false, false, false), fallback: 'skip' },
  gist: { ...built(false, false, false), fallback: 'skip' },
  spgist: { ...built(false, false, false), fallback: 'skip' },
  brin: { ...built(true, true, false), fallback: 'btree' },
  fulltext: { ...built(false, false, false), textSearch: true },
  spatial: { ...built(false, false, false), textSearch: true },
};

/**
 * SQLite: every index is a B-tree (ordered, UNIQUE allowed, no INCLUDE). HASH and BRIN become B-trees;
 * full-text and spatial search are virtual tables (FTS5, R*Tree), GIN/GiST/SP-GiST have no equivalent.
 */
export const SQLITE_INDEX_METHODS: Readonly<Record<IndexMethod, IndexMethodFact>> = {
  btree: built(true, true, false),
  hash: { ...built(true, true, false), fallback: 'btree' },
  brin: { ...built(true, true, false), fallback: 'btree' },
  gin: { ...built(false, false, false), fallback: 'skip', instead: 'a B-tree on an expression, or an FTS5 virtual table for text search' },
  gist: { ...built(false, false, false), fallback: 'skip', instead: 'an R*Tree virtual table for ranges and shapes' },
  spgist: { ...built(false, false, false), fallback: 'skip', instead: 'a B-tree index' },
  fulltext: { ...built(false, false, false), fallback: 'skip', instead: 'an FTS5 virtual table over the columns' },
  spatial: { ...built(false, false, false), fallback: 'skip', instead: 'an R*Tree virtual table (or SpatiaLite)' },
};
