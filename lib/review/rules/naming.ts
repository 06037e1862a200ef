/**
 * Naming: names the target cannot take as they are (reserved words, past the identifier limit), and
 * the project's conventions (case, singular or plural tables, key and index name templates, boolean
 * prefixes), which are opt-in: a team chooses them. Reserved words and limits come from the dialect
 * records (lib/dialects).
 */
import { nameKey } from '../../dialects/dialects';
import type { Command } from '../../model/commands/types';
import { displayName } from '../../model/lookup';
import { identifierLength } from '../../dialects/types';
import { logicalTypeNames, type Column, type Table } from '../../model/document';
import { derivedIndexName, derivedUniqueName } from '../../naming/derived-names';
import type { ReviewModel } from '../model';
import { stringOption } from '../options';
import { numberOf, type GrammaticalNumber } from '../text';
import type { FindingTarget, RawFinding, Rule } from '../types';

const colTarget = (table: Table, column: Column) => ({ kind: 'column' as const, tableId: table.id, columnId: column.id });

/** Every named element a rule about names looks at: what it is, its name, where it is, a key part. */
interface Named {
  /** The element as a reviewer names it: `column orders.status`, `index orders_status_idx of orders`. */
  label: string;
  /** What kind of element, for a convention's message (`column`, `table`). */
  what: string;
  name: string;
  target: FindingTarget;
  keyPart: string;
}

/**
 * The named elements whose name `keep` accepts (the test runs on every name; the element is built only
 * for those kept, since a naming rule reports few of the document's thousands of names).
 */
function namedElements(model: ReviewModel, explicitOnly: boolean, keep: (name: string, what: string) => boolean): Named[] {
  const doc = model.doc;
  const out: Named[] = [];
  const of = (what: string, name: string, t: Table) => `${what} ${name} of ${model.tableLabel(t)}`;
  const word = model.spec.nameScopes.namespaceWord;
  for (const s of Object.values(doc.schemas)) if (keep(s.name, word)) out.push({ label: `${word} ${s.name}`, what: word, name: s.name, target: { kind: 'document' }, keyPart: s.id });
  for (const t of model.tables) {
    if (keep(t.name, 'table')) out.push({ label: `table ${model.tableLabel(t)}`, what: 'table', name: t.name, target: { kind: 'table', tableId: t.id }, keyPart: t.id });
    for (const c of t.columns) if (keep(c.name, 'column')) out.push({ label: `column ${model.columnLabel(t, c)}`, what: 'column', name: c.name, target: colTarget(t, c), keyPart: `${t.id}:${c.id}` });
    if (!explicitOnly) continue;
    const pk = t.primaryKey?.name;
    if (pk && model.caps.namedPrimaryKeys && keep(pk, 'primary key')) out.push({ label: of('primary key', pk, t), what: 'primary key', name: pk, target: { kind: 'table', tableId: t.id }, keyPart: `${t.id}:pk` });
    for (const u of t.uniques) if (u.name && keep(u.name, 'unique constraint')) out.push({ label: of('unique constraint', u.name, t), what: 'unique constraint', name: u.name, target: { kind: 'unique', tableId: t.id, uniqueId: u.id }, keyPart: `${t.id}:${u.id}` });
    for (const ix of t.indexes) if (ix.name && keep(ix.name, 'index')) out.push({ label: of('index', ix.name, t), what: 'index', name: ix.name, target: { kind: 'index', tableId: t.id, indexId: ix.id }, keyPart: `${t.id}:${ix.id}` });
    for (const ch of t.checks) if (ch.name && keep(ch.name, 'check constraint')) out.push({ label: of('check constraint', ch.name, t), what: 'check constraint', name: ch.name, target: { kind: 'check', tableId: t.id, checkId: ch.id }, keyPart: `${t.id}:${ch.id}` });
  }
  for (const v of Object.values(doc.views)) if (keep(v.name, 'view')) out.push({ label: `view ${displayName(doc, v)}`, what: 'view', name: v.name, target: { kind: 'view', viewId: v.id }, keyPart: v.id });
  for (const e of Object.values(doc.enums)) if (keep(e.name, 'enum')) out.push({ label: `enum ${displayName(doc, e)}`, what: 'enum', name: e.name, target: { kind: 'enum', enumId: e.id }, keyPart: e.id });
  if (!explicitOnly) return out;
  for (const r of model.relationships) {
    const child = model.table(r.fromTableId);
    if (r.name && r.enforced && child && keep(r.name, 'foreign key')) out.push({ label: of('foreign key', r.name, child), what: 'foreign key', name: r.name, target: { kind: 'relationship', relationshipId: r.id }, keyPart: r.id });
  }
  return out;
}

const reservedWord: Rule = {
  id: 'reserved-word-name',
  title: 'Reserved word used as a name',
  category: 'naming',
  defaultSeverity: 'warning',
  rationale:
    'A reserved word works only when quoted: every hand-written query, ORM mapping and tool that forgets the quotes fails with a syntax error far from the cause.',
  suggestion: 'Rename it (e.g. `order` -> `orders` or `sort_order`, `user` -> `app_user`).',
  sources: ['Bytebase SQL review naming.table.no-keyword', 'Bytebase SQL review naming.identifier.no-keyword'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    // A name the dialect cannot write bare (`User` in PostgreSQL) is quoted anyway: being reserved adds nothing.
    // Names repeat (id, name, created_at): each distinct one is judged once.
    const seen = new Map<string, boolean>();
    const reserved = (name: string) => {
      let r = seen.get(name);
      if (r === undefined) seen.set(name, (r = model.spec.reservedWords.has(name.toLowerCase()) && model.spec.bareIdentifier.test(name)));
      return r;
    };
    for (const el of namedElements(model, false, reserved)) {
      out.push({
        target: el.target,
        key: `reserved-word-name:${el.keyPart}`,
        message: `${el.label} is named with the ${model.spec.label} reserved word ${el.name.toUpperCase()}, so every query must quote it`,
      });
    }
    return out;
  },
};

const nameTooLong: Rule = {
  id: 'name-too-long',
  title: "Name longer than the target's identifier limit",
  category: 'naming',
  defaultSeverity: 'error',
  rationale: 'PostgreSQL silently cuts names past 63 bytes (two long names can then collide); MySQL refuses names past 64 characters, and InnoDB cannot create a table whose file name (non-ASCII letters take 5 bytes each) passes 255 bytes.',
  suggestion: 'Shorten the name.',
  sources: ['Bytebase SQL review naming rules (maxLength)', 'PostgreSQL docs: NAMEDATALEN (63 bytes)', 'MySQL manual: identifier length limits'],
  check: ({ model }) => {
    const { max, unit } = model.spec.identifierLimit;
    const out: RawFinding[] = [];
    // Length in characters bounds the length in bytes from below: most names are settled without encoding them.
    const tooLong = (name: string) => name.length > max || (unit === 'bytes' && name.length * 3 > max && identifierLength(model.spec, name) > max);
    for (const el of namedElements(model, true, tooLong)) {
      const length = identifierLength(model.spec, el.name);
      if (length <= max) continue;
      out.push({
        target: el.target,
        key: `name-too-long:${el.keyPart}`,
        message: `${el.label} is ${length} ${unit} long; ${model.spec.label} ${model.spec.truncatesLongIdentifiers ? 'cuts names' : 'refuses names'} past ${max} ${unit}`,
      });
    }
    // InnoDB stores a table (and each partition) in a file named after it: the file name has a limit too.
    const files = model.spec.tableFileName;
    for (const t of files ? model.tables : []) {
      const parts = t.partitioning?.partitions.length ? t.partitioning.partitions.map((p) => p.name) : [undefined];
      let bytes = 0;
      for (const p of parts) bytes = Math.max(bytes, files!.bytes(t.name, p));
      if (bytes <= files!.maxBytes) continue;
      out.push({
        target: { kind: 'table', tableId: t.id },
        key: `name-too-long:${t.id}:file`,
        message: `table ${model.tableLabel(t)} would be stored by InnoDB in a file whose name takes ${bytes} bytes (characters other than A-Z, 0-9 and _ take 5 each); file systems allow ${files!.maxBytes}`,
      });
    }
    return out;
  },
};

const CASES: Record<string, RegExp> = {
  snake_case: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  PascalCase: /^[A-Z][a-zA-Z0-9]*$/,
};
const CASE_NAMES = ['snake_case', 'camelCase', 'PascalCase', 'any'] as const;

const namingCase: Rule = {
  id: 'naming-case',
  title: 'Name not in the project\'s case style',
  category: 'naming',
  defaultSeverity: 'warning',
  optIn: true,
  rationale: 'One case style lets everyone guess a name right; mixed or upper-case names force quoting in PostgreSQL and break on case-sensitive file systems with MySQL.',
  suggestion: 'Rename the element to the project\'s style.',
  options: {
    tables: { type: 'string', default: 'snake_case', values: CASE_NAMES, description: 'Case style of table, view and enum names.' },
    columns: { type: 'string', default: 'snake_case', values: CASE_NAMES, description: 'Case style of column names.' },
  },
  sources: ['Bytebase SQL review naming.table / naming.column / naming.identifier.case', 'schemalint name-casing', 'Atlas lint naming analyzer'],
  check: (ctx) => {
    const { model } = ctx;
    const tables = CASES[stringOption(ctx, 'tables')];
    const columns = CASES[stringOption(ctx, 'columns')];
    const out: RawFinding[] = [];
    const offStyle = (name: string, what: string) => {
      const style = what === 'column' ? columns : what === model.spec.nameScopes.namespaceWord ? undefined : tables;
      return style !== undefined && !style.test(name);
    };
    for (const el of namedElements(model, false, offStyle)) {
      const isColumn = el.what === 'column';
      out.push({
        target: el.target,
        key: `naming-case:${el.keyPart}`,
        message: `${el.label} is not ${stringOption(ctx, isColumn ? 'columns' : 'tables')}`,
      });
    }
    return out;
  },
};

const tableNumber: Rule = {
  id: 'table-name-number',
  title: 'Table name not singular (or plural) like the others',
  category: 'naming',
  defaultSeverity: 'info',
  optIn: true,
  rationale: 'Mixing `user` and `orders` makes every name a guess; one convention, either one, is what matters.',
  suggestion: 'Rename the table to the project\'s convention.',
  options: { form: { type: 'string', default: 'consistent', values: ['consistent', 'singular', 'plural'], description: 'singular, plural, or consistent: whichever most tables use.' } },
  sources: ['schemalint name-inflection', 'Azimutt analyze entity-name-inconsistent'],
  check: (ctx) => {
    const { model } = ctx;
    const judged = model.tables.map((t) => ({ t, n: numberOf(model.words(t.name).at(-1) ?? '') })).filter((x) => x.n !== 'unknown');
    let form = stringOption(ctx, 'form') as GrammaticalNumber | 'consistent';
    if (form === 'consistent') {
      const plural = judged.filter((x) => x.n === 'plural').length;
      const singular = judged.length - plural;
      if (plural === singular) return [];
      form = plural > singular ? 'plural' : 'singular';
    }
    return judged
      .filter((x) => x.n !== form)
      .map(({ t, n }) => ({
        target: { kind: 'table' as const, tableId: t.id },
        key: `table-name-number:${t.id}`,
        message: `table ${model.tableLabel(t)} reads ${n} while the project names tables in the ${form}`,
      }));
  },
};

const TEMPLATE_OPTIONS = {
  primaryKey: { type: 'string', default: '{table}_pkey', description: 'Primary key names ({table}, {columns}); empty = not checked. Ignored where the primary key has no name of its own (MySQL).' },
  foreignKey: { type: 'string', default: '{table}_{columns}_fkey', description: 'Foreign key names ({table}, {columns}, {parent}); empty = not checked.' },
  unique: { type: 'string', default: '{table}_{columns}_key', description: 'Unique constraint names ({table}, {columns}); empty = not checked.' },
  index: { type: 'string', default: '{table}_{columns}_idx', description: 'Index names ({table}, {columns}); empty = not checked.' },
} as const;

function expand(template: string, parts: { table: string; columns: string[]; parent?: string }): string {
  return template.replace(/\{table\}/g, parts.table).replace(/\{columns\}/g, parts.columns.join('_')).replace(/\{parent\}/g, parts.parent ?? '');
}

const keyNameTemplate: Rule = {
  id: 'key-name-template',
  title: 'Key or index name not following the project\'s template',
  category: 'naming',
  defaultSeverity: 'info',
  optIn: true,
  rationale: 'Names built from one template say what a constraint is and where it lives, so an error message (`orders_customer_id_fkey`) points at the cause without a lookup.',
  suggestion: 'Rename it as the template says (`{table}` is the table, `{columns}` its columns joined by `_`, `{parent}` the referenced table).',
  fix: 'Renames the key or index to the template\'s name.',
  options: TEMPLATE_OPTIONS,
  sources: ['Bytebase SQL review naming.index.pk / naming.index.fk / naming.index.uk / naming.index.idx', 'Atlas lint naming analyzer'],
  check: (ctx) => {
    const { model } = ctx;
    const out: RawFinding[] = [];
    const limit = model.spec.identifierLimit.max;
    // Every name a rename could collide with, anywhere (stricter than the engines' scopes, so a fix never fails).
    const taken = new Set<string>();
    const take = (name: string | undefined) => name && taken.add(nameKey(model.dialect, name));
    for (const t of model.tables) {
      take(t.name);
      take(t.primaryKey?.name);
      for (const u of t.uniques) take(u.name ?? derivedUniqueName(t, u));
      for (const ix of t.indexes) take(ix.name ?? derivedIndexName(t, ix));
    }
    for (const r of model.relationships) take(r.name);
    const push = (actual: string, expected: string, what: string, target: FindingTarget, keyPart: string, command: Command) => {
      if (nameKey(model.dialect, actual) === nameKey(model.dialect, expected) || !expected || identifierLength(model.spec, expected) > limit) return;
      const free = !taken.has(nameKey(model.dialect, expected));
      out.push({
        target,
        key: `key-name-template:${keyPart}`,
        message: `${what} ${actual} should be named ${expected} by the project's template${free ? '' : ' (a name another element already has)'}`,
        ...(free && { fix: { title: `Rename to ${expected}`, command } }),
      });
    };
    const names = (t: Table, ids: readonly (string | undefined)[]) => ids.map((id) => (id ? model.index.columnName(t, id) : 'expr'));
    for (const t of model.tables) {
      const pkTemplate = stringOption(ctx, 'primaryKey');
      if (pkTemplate && t.primaryKey?.name && model.caps.namedPrimaryKeys) {
        const expected = expand(pkTemplate, { table: t.name, columns: names(t, t.primaryKey.columnIds) });
        push(t.primaryKey.name, expected, `primary key of ${model.tableLabel(t)}`, { kind: 'table', tableId: t.id }, `${t.id}:pk`, { type: 'primaryKey.set', tableId: t.id, primaryKey: { ...t.primaryKey, name: expected } });
      }
      const ukTemplate = stringOption(ctx, 'unique');
      for (const u of ukTemplate ? t.uniques : []) {
        if (!u.columnIds.length) continue;
        const expected = expand(ukTemplate, { table: t.name, columns: names(t, u.columnIds) });
        push(u.name ?? derivedUniqueName(t, u), expected, `unique constraint of ${model.tableLabel(t)}`, { kind: 'unique', tableId: t.id, uniqueId: u.id }, `${t.id}:${u.id}`, { type: 'unique.update', tableId: t.id, uniqueId: u.id, changes: { name: expected } });
      }
      const ixTemplate = stringOption(ctx, 'index');
      for (const ix of ixTemplate ? t.indexes : []) {
        if (!ix.parts.length) continue;
        const expected = expand(ixTemplate, { table: t.name, columns: names(t, ix.parts.map((p) => (p.kind === 'column' ? p.columnId : undefined))) });
        push(ix.name ?? derivedIndexName(t, ix), expected, `index of ${model.tableLabel(t)}`, { kind: 'index', tableId: t.id, indexId: ix.id }, `${t.id}:${ix.id}`, { type: 'index.update', tableId: t.id, indexId: ix.id, changes: { name: expected } });
      }
    }
    const fkTemplate = stringOption(ctx, 'foreignKey');
    for (const r of fkTemplate ? model.relationships : []) {
      const child = model.table(r.fromTableId);
      const parent = model.table(r.toTableId);
      if (!r.name || !r.enforced || !child || !parent) continue;
      const expected = expand(fkTemplate, { table: child.name, columns: names(child, r.columnPairs.map((p) => p.fromColumnId)), parent: parent.name });
      push(r.name, expected, `foreign key of ${model.tableLabel(child)}`, { kind: 'relationship', relationshipId: r.id }, r.id, { type: 'relationship.update', relationshipId: r.id, changes: { name: expected } });
    }
    return out;
  },
};

const booleanPrefix: Rule = {
  id: 'boolean-name-prefix',
  title: 'Boolean column not named as a question',
  category: 'naming',
  defaultSeverity: 'info',
  optIn: true,
  rationale: '`is_active`, `has_paid` read as yes/no questions; `active` or `paid` could be a date, a status or an amount.',
  suggestion: 'Start boolean column names with one of the project\'s prefixes.',
  options: { prefixes: { type: 'string', default: 'is,has,can,should,was,were,allow,allows,enable,enabled', description: 'Comma-separated first words a boolean column may start with.' } },
  sources: ['Bytebase SQL review naming.column (pattern)', 'Atlas lint naming analyzer (column pattern)'],
  check: (ctx) => {
    const { model } = ctx;
    const prefixes = new Set(stringOption(ctx, 'prefixes').split(',').map((p) => p.trim().toLowerCase()).filter(Boolean));
    const out: RawFinding[] = [];
    for (const t of model.tables) {
      for (const c of t.columns) {
        if (model.scalarOf(c.type)?.name !== 'boolean' || c.arrayDims || prefixes.has(model.words(c.name)[0] ?? '')) continue;
        out.push({ target: colTarget(t, c), key: `boolean-name-prefix:${t.id}:${c.id}`, message: `boolean column ${model.columnLabel(t, c)} does not start with ${[...prefixes].slice(0, 3).join('_, ')}_ or another agreed prefix` });
      }
    }
    return out;
  },
};

/** Type names columns get named after: the logical names and common aliases (not `uuid`: a column holding a row's public UUID is aptly named). */
const TYPE_WORDS = new Set<string>([...logicalTypeNames.filter((n) => n !== 'uuid'), 'int', 'float', 'datetime', 'serial', 'string', 'number', 'numeric', 'bytea', 'character']);
const LONGEST_TYPE_WORD = Math.max(...[...TYPE_WORDS].map((w) => w.length));

const columnNamedLikeType: Rule = {
  id: 'column-named-like-type',
  title: 'Column named like a type',
  category: 'naming',
  defaultSeverity: 'info',
  rationale: 'A column called `date`, `timestamp` or `text` says nothing about what it holds (the date of what?) and reads like a type in every query.',
  suggestion: 'Name what the value means: `created_on`, `recorded_at`, `body`.',
  sources: ['Bytebase SQL review naming.identifier.no-keyword (type keywords)', 'SQL Style Guide (Holywell): avoid names that are types'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const t of model.tables) {
      for (const c of t.columns) {
        if (c.name.length > LONGEST_TYPE_WORD) continue;
        const lower = c.name.toLowerCase();
        // A reserved word is reserved-word-name's finding.
        if (!TYPE_WORDS.has(lower) || model.spec.reservedWords.has(lower)) continue;
        out.push({ target: colTarget(t, c), key: `column-named-like-type:${t.id}:${c.id}`, message: `${model.columnLabel(t, c)} is named like a type; the name does not say what it holds` });
      }
    }
    return out;
  },
};

export const namingRules: Rule[] = [reservedWord, nameTooLong, namingCase, tableNumber, keyNameTemplate, booleanPrefix, columnNamedLikeType];
