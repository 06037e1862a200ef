/**
 * What the generator decided while writing the DDL, for the outputs that describe that DDL (the index
 * strategy table): the final names of keys, indexes and foreign keys, and per declared index whether
 * the target builds it and how. Recorded as the statements are written, so a reader never re-derives
 * a name or a skip rule and cannot drift from the SQL.
 */
import type { IndexMethod } from '../model/document';

export interface IndexDecision {
  /** The name written (an explicit name made unique on PostgreSQL differs from the document's). */
  name: string;
  /** false when the target cannot build the index: the DDL leaves it out (with a diagnostic). */
  created: boolean;
  /** Method actually built (the declared one when not created). */
  method: IndexMethod;
  /** Key parts as built, unquoted (`name(20)`, `created_at DESC`, `(lower(email))`...). */
  columns: string[];
  /** Covering columns as built: PostgreSQL INCLUDE, or MySQL trailing key columns. */
  include: string[];
  /** The partial predicate, when the target keeps it. */
  where?: string;
  /** Why it is not created, or what differs from the document (short phrases). */
  notes: string[];
}

export interface DdlDecisions {
  /** Table id -> primary key name (`PRIMARY` on MySQL). */
  primaryKeys: Map<string, string>;
  /** Unique constraint id -> name. */
  uniques: Map<string, string>;
  /** Index id -> what was built. */
  indexes: Map<string, IndexDecision>;
  /** Relationship id -> foreign key constraint name, for the foreign keys generated. */
  foreignKeys: Map<string, string>;
}

export function emptyDecisions(): DdlDecisions {
  return { primaryKeys: new Map(), uniques: new Map(), indexes: new Map(), foreignKeys: new Map() };
}
