/**
 * Integrity, column by column: references that were never drawn, defaults and checks that cannot do
 * what they say, and unique keys that let NULLs repeat. (The relationship rules are in integrity.ts;
 * one category, two modules, to keep each under the house size.)
 */
import type { Column, Relationship, ScalarType, Table } from '../../model/document';
import { SQL_LEXERS, unquotedValue } from '../../sql-lexer';
import type { ReviewModel } from '../model';
import { andList, singularOf } from '../text';
import type { RawFinding, Rule } from '../types';

const colTarget = (table: Table, column: Column) => ({ kind: 'column' as const, tableId: table.id, columnId: column.id });

const INTEGER_TYPES = new Set(['smallint', 'integer', 'bigint']);
const STRING_TYPES = new Set(['char', 'varchar', 'text']);

/** Types that can hold the same identifiers: integers of any width, strings of any length. */
function typeFamily(model: ReviewModel, column: Column): string | undefined {
  if (column.arrayDims) return undefined;
  const s = model.scalarOf(column.type);
  if (!s) return undefined;
  if (INTEGER_TYPES.has(s.name)) return 'integer';
  if (STRING_TYPES.has(s.name)) return 'string';
  return s.name;
}

/**
 * Tables by the singular words of their name (`order_items` -> order_item), and without the prefix
 * most tables share (`guacamole_user` -> user when most tables start with `guacamole_`). Only a
 * shared prefix is dropped: dropping any first word matched `provider_id` to `git_provider`.
 */
function tablesByName(model: ReviewModel): Map<string, Table[]>[] {
  const exact = new Map<string, Table[]>();
  const unprefixed = new Map<string, Table[]>();
  const add = (map: Map<string, Table[]>, key: string, t: Table) => {
    const list = map.get(key);
    if (list) list.push(t);
    else map.set(key, [t]);
  };
  const firstWords = new Map<string, number>();
  for (const t of model.tables) {
    const first = model.words(t.name)[0];
    if (first) firstWords.set(first, (firstWords.get(first) ?? 0) + 1);
  }
  const shared = [...firstWords].filter(([, n]) => n >= 3 && n >= model.tables.length * 0.5).map(([w]) => w);
  for (const t of model.tables) {
    const words = model.words(t.name).map(singularOf);
    add(exact, words.join('_'), t);
    if (words.length > 1 && shared.includes(model.words(t.name)[0])) add(unprefixed, words.slice(1).join('_'), t);
  }
  // A name shared by several tables (one per schema) keeps them all; the caller picks.
  return [exact, unprefixed];
}

/** First words that make a column a reference to its own table (`parent_id`, `previous_version_id`). */
const HIERARCHY = new Set(['parent', 'child', 'root', 'previous', 'prev', 'next', 'original', 'source', 'predecessor', 'successor', 'replaced', 'replacement', 'merged', 'duplicate', 'forked', 'manager', 'referrer', 'referred', 'inviter', 'invited', 'reply', 'superseded', 'related', 'linked']);

/**
 * Words that say which role the referenced row plays (`manager_staff_id`, `billing_address_id`): the
 * only leading words dropped from a column name to find its table. Other leading words are usually an
 * external system's name (`stripe_customer_id`, `resendDomainId`), whose ids are not ours.
 */
const ROLE = new Set([
  ...HIERARCHY, 'active', 'default', 'referral', 'recipient', 'sender', 'receiver', 'target', 'owner', 'created', 'updated', 'deleted', 'modified', 'assigned',
  'reported', 'resolved', 'approved', 'reviewed', 'last', 'first', 'current', 'primary', 'secondary', 'main', 'home', 'billing', 'shipping', 'delivery', 'from', 'to',
  'by', 'author', 'reviewer', 'approver', 'requester', 'requested', 'direct', 'preferred', 'upstream', 'downstream', 'origin', 'destination', 'old', 'new', 'base', 'head',
]);

/** The table an `<entity>_id` column most likely references, by its name (and a type that can hold its key). */
function likelyParents(model: ReviewModel, maps: Map<string, Table[]>[], table: Table, column: Column): Table[] {
  // Most names end in another word: settle them before reading words.
  const name = column.name;
  if (!/id$/i.test(name)) return [];
  const words = model.words(name);
  if (words.length < 2 || words[words.length - 1] !== 'id') return [];
  // A table's own single-column key named `<entity>_id` is its identity, not a reference.
  if (table.primaryKey?.columnIds.length === 1 && table.primaryKey.columnIds[0] === column.id) return [];
  const stem = words.slice(0, -1).map(singularOf);
  const family = typeFamily(model, column);
  if (!family) return [];
  for (let k = 0; k < stem.length; k++) {
    if (k > 0 && !ROLE.has(stem[k - 1])) break;
    const key = stem.slice(k).join('_');
    const selfAllowed = k > 0 && HIERARCHY.has(stem[0]);
    for (const map of maps) {
      const found = (map.get(key) ?? []).filter((t) => {
        if (t.primaryKey?.columnIds.length !== 1 || (t.id === table.id && !selfAllowed)) return false;
        const pk = model.column(t, t.primaryKey.columnIds[0]);
        return pk !== undefined && typeFamily(model, pk) === family;
      });
      if (found.length) {
        const sameSchema = found.filter((t) => t.schemaId === table.schemaId);
        return sameSchema.length ? sameSchema : found;
      }
    }
  }
  return [];
}

const idWithoutRelationship: Rule = {
  id: 'id-column-without-relationship',
  title: '`*_id` column without a relationship',
  category: 'integrity',
  defaultSeverity: 'warning',
  rationale:
    'A column named after another table\'s key holds references to it, but without a foreign key nothing stops it from pointing at rows that do not exist, and the diagram hides the dependency.',
  suggestion: 'Draw the relationship (a foreign key), or rename the column if it holds something else (an external system\'s id).',
  fix: 'Adds the relationship to the table the name points at, when exactly one table fits.',
  sources: ['Azimutt analyze relation-missing', 'SchemaSpy anomalies "columns whose name and type imply a relationship"'],
  check: ({ model, ids }) => {
    const maps = tablesByName(model);
    const enforced = !(model.relationships.length && model.relationships.every((r) => !r.enforced));
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      for (const column of table.columns) {
        if (model.isForeignKeyColumn(table.id, column.id)) continue;
        const parents = likelyParents(model, maps, table, column);
        if (!parents.length) continue;
        const names = parents.map((p) => `${model.tableLabel(p)} (${model.columnList(p, p.primaryKey!.columnIds)})`);
        const parent = parents[0];
        const relationship: Relationship = {
          id: ids('rel'),
          fromTableId: table.id,
          toTableId: parent.id,
          columnPairs: [{ fromColumnId: column.id, toColumnId: parent.primaryKey!.columnIds[0] }],
          onDelete: 'no action',
          onUpdate: 'no action',
          enforced,
        };
        out.push({
          target: colTarget(table, column),
          key: `id-column-without-relationship:${table.id}:${column.id}`,
          message: `${model.columnLabel(table, column)} looks like a reference to ${parents.length === 1 ? names[0] : `one of ${andList(names)}`}, but no relationship says so`,
          ...(parents.length === 1 && { fix: { title: `Add a relationship ${table.name}.${column.name} -> ${parent.name}`, command: { type: 'relationship.add' as const, relationship } } }),
        });
      }
    }
    return out;
  },
};

/** The tokens of an expression, lower-cased, numbers whole, quoted identifiers marked with a leading `"`; outer parentheses dropped. */
function expressionTokens(model: ReviewModel, sql: string): string[] {
  const out: string[] = [];
  let lastEnd = -1;
  for (const t of SQL_LEXERS[model.doc.settings.dialect].tokens(sql)) {
    if (t.kind === 'space' || t.kind === 'comment') continue;
    const text = sql.slice(t.start, t.end);
    if (t.kind === 'identifier') out.push(`"${unquotedValue(sql, t)}`);
    else if (t.kind === 'word') out.push(text.toLowerCase());
    else if (t.kind === 'punct' && /[0-9.]/.test(text) && t.start === lastEnd && /^[0-9.]+$/.test(out[out.length - 1] ?? '')) out[out.length - 1] += text;
    else out.push(text);
    lastEnd = t.end;
  }
  for (;;) {
    if (out[0] !== '(' || out[out.length - 1] !== ')') return out;
    let depth = 0;
    for (let i = 0; i < out.length - 1; i++) {
      depth += out[i] === '(' ? 1 : out[i] === ')' ? -1 : 0;
      if (depth === 0) return out;
    }
    out.shift();
    out.pop();
  }
}

/** Why a check can never fail, or undefined. */
function alwaysTrue(model: ReviewModel, table: Table, sql: string): string | undefined {
  const t = expressionTokens(model, sql);
  const column = (token: string | undefined) =>
    token === undefined ? undefined : token.startsWith('"') ? table.columns.find((c) => c.name === token.slice(1)) : table.columns.find((c) => c.name.toLowerCase() === token);
  if (t.length === 1 && (t[0] === 'true' || t[0] === '1')) return 'is always true';
  if (t.length === 3 && (t[1] === '=' || t[1] === '>=' || t[1] === '<=') && t[0] === t[2] && t[0] !== 'null') return `compares ${t[0].replace(/^"/, '')} with itself`;
  if (t.length === 4 && t[1] === 'is' && t[2] === 'not' && t[3] === 'null' && column(t[0])?.nullable === false) return `repeats NOT NULL of ${column(t[0])!.name}`;
  const or = t.indexOf('or');
  if (or > 0 && t.lastIndexOf('or') === or && !t.includes('(')) {
    const test = (side: string[]) => (side.length === 3 && side[1] === 'is' && side[2] === 'null' ? 'null' : side.length === 4 && side[1] === 'is' && side[2] === 'not' && side[3] === 'null' ? 'not null' : undefined);
    const left = t.slice(0, or);
    const right = t.slice(or + 1);
    const a = test(left);
    const b = test(right);
    if (a && b && a !== b && left[0] === right[0]) return 'accepts both NULL and non-NULL values, that is every value';
  }
  return undefined;
}

const checkAlwaysTrue: Rule = {
  id: 'check-always-true',
  title: 'Check constraint that is always true',
  category: 'integrity',
  defaultSeverity: 'warning',
  rationale: 'A check that no row can fail (`1 = 1`, `x = x`, `x IS NOT NULL` on a NOT NULL column) documents a rule the database does not enforce; the intended condition is usually missing.',
  suggestion: 'Write the condition that was meant, or remove the check.',
  fix: 'Removes the check.',
  sources: ['Draftbase (no peer rule; SQL Server Data Tools analysis flags tautological predicates)'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      for (const check of table.checks) {
        if (!check.expression.trim()) continue;
        const why = alwaysTrue(model, table, check.expression);
        if (!why) continue;
        out.push({
          target: { kind: 'check', tableId: table.id, checkId: check.id },
          key: `check-always-true:${table.id}:${check.id}`,
          message: `check ${check.name ? `${check.name} ` : ''}on ${model.tableLabel(table)} (${check.expression.trim()}) ${why}: no row can fail it`,
          fix: { title: `Remove the check${check.name ? ` ${check.name}` : ''}`, command: { type: 'check.remove', tableId: table.id, checkId: check.id } },
        });
      }
    }
    return out;
  },
};

const nullableInUniqueKey: Rule = {
  id: 'nullable-column-in-unique-key',
  title: 'Nullable column in a composite unique key (NULLs are distinct)',
  category: 'integrity',
  defaultSeverity: 'warning',
  rationale:
    'SQL treats NULLs as distinct in unique keys: with a nullable column in a composite key, rows that differ only by a NULL are all accepted, e.g. two root folders with the same name and no parent.',
  suggestion: 'Use UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+), make the column NOT NULL, or add a partial unique index for the NULL case.',
  fix: 'Sets NULLS NOT DISTINCT on the unique constraint (PostgreSQL 15+).',
  sources: ['PostgreSQL 15 release notes: UNIQUE NULLS NOT DISTINCT', 'SchemaSpy anomalies "columns that are flagged as both nullable and must be unique"'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    const describe = (table: Table, columnIds: readonly string[]) => {
      const cols = columnIds.map((id) => model.column(table, id));
      if (cols.length < 2 || cols.some((c) => !c)) return undefined;
      const nullable = cols.filter((c) => c!.nullable).map((c) => c!.name);
      if (!nullable.length || nullable.length === cols.length) return undefined;
      return `${model.tableLabel(table)} (${model.columnList(table, columnIds)}) treats NULLs as distinct, so rows that repeat the other columns with no ${andList(nullable)} are all accepted`;
    };
    for (const table of model.tables) {
      for (const u of table.uniques) {
        if (u.nullsNotDistinct) continue;
        const message = describe(table, u.columnIds);
        if (!message) continue;
        out.push({
          target: { kind: 'unique', tableId: table.id, uniqueId: u.id },
          key: `nullable-column-in-unique-key:${table.id}:${u.id}`,
          message: `the unique key ${u.name ? `${u.name} ` : ''}on ${message}`,
          ...(model.caps.nullsNotDistinct && { fix: { title: 'Make the unique key NULLS NOT DISTINCT', command: { type: 'unique.update' as const, tableId: table.id, uniqueId: u.id, changes: { nullsNotDistinct: true } } } }),
        });
      }
      for (const ix of table.indexes) {
        if (!ix.unique || ix.where || ix.parts.some((p) => p.kind !== 'column')) continue;
        const message = describe(table, ix.parts.map((p) => (p.kind === 'column' ? p.columnId : '')));
        if (!message) continue;
        out.push({
          target: { kind: 'index', tableId: table.id, indexId: ix.id },
          key: `nullable-column-in-unique-key:${table.id}:${ix.id}`,
          message: `the unique index ${ix.name ? `${ix.name} ` : ''}on ${message}`,
        });
      }
    }
    return out;
  },
};

const notNullDefaultNull: Rule = {
  id: 'not-null-default-null',
  title: 'NOT NULL column with DEFAULT NULL',
  category: 'integrity',
  defaultSeverity: 'warning',
  rationale: 'The default can never be stored: every insert that relies on it fails with a not-null violation.',
  suggestion: 'Remove the default, give a real one, or make the column nullable.',
  fix: 'Removes the default.',
  sources: ['drawDB issues "not null is null"'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      for (const c of table.columns) {
        if (c.nullable || c.default.kind !== 'literal' || c.default.value !== null) continue;
        out.push({
          target: colTarget(table, c),
          key: `not-null-default-null:${table.id}:${c.id}`,
          message: `${model.columnLabel(table, c)} is NOT NULL but defaults to NULL: an insert that omits it fails`,
          fix: { title: `Remove the default of ${table.name}.${c.name}`, command: { type: 'column.update', tableId: table.id, columnId: c.id, changes: { default: { kind: 'none' } } } },
        });
      }
    }
    return out;
  },
};

const BOOLEAN_WORDS = new Set(['t', 'f', 'true', 'false', 'y', 'n', 'yes', 'no', 'on', 'off', '1', '0']);
const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
const INTEGER = /^\s*[+-]?\d+\s*$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Why a literal default cannot be a value of the column's type, or undefined. */
function defaultMismatch(model: ReviewModel, column: Column, value: string | number | boolean): string | undefined {
  if (column.arrayDims) return undefined;
  if (column.type.kind === 'enum') {
    const e = model.doc.enums[column.type.enumId];
    if (!e || typeof value !== 'string') return e ? `is not a value of enum ${e.name}` : undefined;
    const fold = model.spec.enumLabelsFoldCase;
    const found = e.values.some((v) => (fold ? v.toLowerCase() === value.toLowerCase() : v === value));
    return found ? undefined : `is not a value of enum ${e.name} (${e.values.slice(0, 6).join(', ')}${e.values.length > 6 ? ', ...' : ''})`;
  }
  const s: ScalarType | undefined = model.scalarOf(column.type);
  if (!s || s.native?.[model.dialect]) return undefined;
  const text = String(value);
  if (INTEGER_TYPES.has(s.name)) return typeof value === 'boolean' || INTEGER.test(text) ? undefined : 'is not an integer';
  if (s.name === 'decimal' || s.name === 'real' || s.name === 'double') return typeof value === 'boolean' || NUMERIC.test(text) ? undefined : 'is not a number';
  if (s.name === 'boolean') return typeof value === 'boolean' || BOOLEAN_WORDS.has(text.trim().toLowerCase()) ? undefined : 'is not a boolean';
  if (s.name === 'uuid') return UUID.test(text.trim()) ? undefined : 'is not a UUID';
  if ((s.name === 'varchar' || s.name === 'char') && s.length !== undefined && [...text].length > s.length) return `is longer than ${s.length} characters`;
  return undefined;
}

const defaultTypeMismatch: Rule = {
  id: 'default-type-mismatch',
  title: "Default value that does not fit the column's type",
  category: 'integrity',
  defaultSeverity: 'error',
  rationale: 'A default the type cannot hold (a label missing from the enum, text in a number, a string longer than the column) makes CREATE TABLE fail, or every insert that relies on it.',
  suggestion: 'Give a default of the column\'s type, or change the type.',
  sources: ['drawDB issues "default doesn\'t match type"'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      for (const c of table.columns) {
        if (c.default.kind !== 'literal' || c.default.value === null) continue;
        const why = defaultMismatch(model, c, c.default.value);
        if (!why) continue;
        out.push({
          target: colTarget(table, c),
          key: `default-type-mismatch:${table.id}:${c.id}`,
          message: `the default of ${model.columnLabel(table, c)} (${JSON.stringify(c.default.value)}) ${why}`,
        });
      }
    }
    return out;
  },
};

export const columnIntegrityRules: Rule[] = [idWithoutRelationship, checkAlwaysTrue, nullableInUniqueKey, notNullDefaultNull, defaultTypeMismatch];
