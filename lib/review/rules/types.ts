/**
 * Types: values stored in a type that loses or hides something (money in floating point, timestamps
 * without a zone, UUIDs as text), keys that will run out, and the same column typed differently in
 * different tables. Whether a dialect has a better type is read from its type table (mapType), never
 * by asking which dialect this is.
 */
import type { Command } from '../../model/commands/types';
import type { Column, LogicalTypeName, ScalarType, Table } from '../../model/document';
import { MONTHS_IN_5_YEARS, volumesOf, type ResolvedVolume } from '../../workload/types';
import type { ReviewModel } from '../model';
import { numberOption } from '../options';
import { count } from '../text';
import type { RawFinding, Rule } from '../types';

const colTarget = (table: Table, column: Column) => ({ kind: 'column' as const, tableId: table.id, columnId: column.id });

/** The native type a logical type becomes in the target (default target), and whether something is lost. */
function mapped(model: ReviewModel, type: ScalarType) {
  return model.spec.mapType(type, model.caps);
}

/** A column's type changed to `to` (a domain-typed column gets the scalar type itself). */
function retype(table: Table, column: Column, to: ScalarType): Command {
  return { type: 'column.update', tableId: table.id, columnId: column.id, changes: { type: to } };
}

const MONEY_WORDS = new Set(['price', 'prices', 'amount', 'amounts', 'cost', 'costs', 'balance', 'fee', 'fees', 'salary', 'wage', 'wages', 'tax', 'revenue', 'subtotal', 'refund', 'budget', 'money', 'income', 'payment', 'paid', 'charge', 'charges', 'debit', 'credit']);

const RATIO_WORDS = new Set(['rate', 'rates', 'ratio', 'percent', 'percentage', 'pct', 'factor', 'multiplier']);

const exactMoney: ScalarType = { kind: 'scalar', name: 'decimal', precision: 19, scale: 4 };

const moneyInFloat: Rule = {
  id: 'money-in-float',
  title: 'Money stored in a floating-point type',
  category: 'types',
  defaultSeverity: 'warning',
  rationale: 'real and double hold binary fractions: 0.10 + 0.20 is not 0.30, totals drift by cents and equal amounts compare unequal.',
  suggestion: 'Store amounts in decimal/numeric with a fixed scale (or as integer minor units).',
  fix: 'Changes the type to decimal(19,4).',
  sources: ['SQL Antipatterns (Karwin), "Rounding Errors"', 'PostgreSQL docs: "use the numeric type for monetary amounts"'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const { table, column, type } of model.scalarColumns()) {
      if ((type.name !== 'real' && type.name !== 'double') || column.arrayDims) continue;
      const words = model.words(column.name);
      // A rate or a percentage (tax_rate, discount) is a ratio, not an amount.
      if (!words.some((w) => MONEY_WORDS.has(w)) || words.some((w) => RATIO_WORDS.has(w))) continue;
      out.push({
        target: colTarget(table, column),
        key: `money-in-float:${table.id}:${column.id}`,
        message: `${model.columnLabel(table, column)} looks like an amount of money but is ${model.typeText(column)}, a floating-point type that rounds`,
        fix: { title: `Change ${table.name}.${column.name} to decimal(19,4)`, command: retype(table, column, { ...exactMoney, unsigned: type.unsigned }) },
      });
    }
    return out;
  },
};

const moneyType: Rule = {
  id: 'money-type',
  title: 'PostgreSQL money type',
  category: 'types',
  defaultSeverity: 'info',
  rationale: "money stores no currency, rounds to the lc_monetary locale's fraction digits, and reads back differently when the server's locale changes.",
  suggestion: 'Use numeric with an explicit scale, and a currency column if amounts can be in several currencies.',
  fix: 'Changes the type to numeric(19,4).',
  sources: ['PostgreSQL wiki "Don\'t Do This": don\'t use money'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const { table, column, type } of model.scalarColumns()) {
      // Only where the target has a native money type (elsewhere it is already stored as decimal).
      if (type.name !== 'money' || mapped(model, type).loss) continue;
      out.push({
        target: colTarget(table, column),
        key: `money-type:${table.id}:${column.id}`,
        message: `${model.columnLabel(table, column)} uses the money type, which depends on the server's locale and stores no currency`,
        fix: { title: `Change ${table.name}.${column.name} to numeric(19,4)`, command: retype(table, column, exactMoney) },
      });
    }
    return out;
  },
};

const timestampWithoutZone: Rule = {
  id: 'timestamp-without-time-zone',
  title: 'timestamp without time zone',
  category: 'types',
  defaultSeverity: 'warning',
  rationale:
    'A timestamp without time zone records a wall-clock time with no zone: the same instant written from two zones stores two values, and daylight-saving changes make times ambiguous. timestamptz stores the instant.',
  suggestion: 'Use timestamp with time zone (timestamptz) for points in time; keep timestamp only for wall-clock times such as opening hours.',
  fix: 'Changes the type to timestamptz (same precision).',
  sources: ['squawk prefer-timestamptz', 'PostgreSQL wiki "Don\'t Do This": don\'t use timestamp (without time zone)', 'schemalint prefer-timestamptz-to-timestamp'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const { table, column, type } of model.scalarColumns()) {
      if (type.name !== 'timestamp') continue;
      // Only where the target stores the two differently (MySQL has no zone-aware type to move to).
      const withZone: ScalarType = { ...type, name: 'timestamptz' };
      if (mapped(model, withZone).sql === mapped(model, type).sql) continue;
      out.push({
        target: colTarget(table, column),
        key: `timestamp-without-time-zone:${table.id}:${column.id}`,
        message: `${model.columnLabel(table, column)} is ${model.typeText(column)}, which stores no time zone`,
        fix: { title: `Change ${table.name}.${column.name} to timestamptz`, command: retype(table, column, withZone) },
      });
    }
    return out;
  },
};

const varcharWithoutLength: Rule = {
  id: 'varchar-without-length',
  title: 'varchar without a length where the target needs one',
  category: 'types',
  defaultSeverity: 'warning',
  rationale: 'MySQL requires a length for VARCHAR and VARBINARY; without one the generated DDL has to pick 255, a limit nobody chose.',
  suggestion: 'Give the column the length its values need.',
  fix: 'Sets the length to 255, the length the DDL uses today.',
  sources: ['MySQL manual: VARCHAR(M) requires M', 'Bytebase SQL review column.maximum-varchar-length'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const { table, column, type } of model.scalarColumns()) {
      if ((type.name !== 'varchar' && type.name !== 'varbinary') || type.length !== undefined || !mapped(model, type).loss) continue;
      out.push({
        target: colTarget(table, column),
        key: `varchar-without-length:${table.id}:${column.id}`,
        message: `${model.columnLabel(table, column)} is ${type.name} without a length, which ${model.spec.label} does not accept; the DDL writes ${mapped(model, type).sql}`,
        fix: { title: `Set the length of ${table.name}.${column.name} to 255`, command: retype(table, column, { ...type, length: 255 }) },
      });
    }
    return out;
  },
};

/** A parent column retyped, and every foreign key column that references it, in one step. */
function retypeWithReferences(model: ReviewModel, table: Table, column: Column, to: (c: Column) => ScalarType): Command {
  const commands: Command[] = [retype(table, column, to(column))];
  for (const r of model.referencesTo(table.id, column.id)) commands.push(retype(r.child, r.column, to(r.column)));
  return commands.length === 1 ? commands[0] : { type: 'batch', commands };
}

const uuidAsString: Rule = {
  id: 'uuid-as-string',
  title: 'UUID stored as text',
  category: 'types',
  defaultSeverity: 'info',
  rationale: 'A UUID as char(36) takes 37 bytes instead of 16, compares as text (case and format matter) and accepts any 36 characters; the native uuid type validates and indexes it compactly.',
  suggestion: 'Use the uuid type.',
  fix: 'Changes the column, and the foreign keys that reference it, to uuid.',
  sources: ['PostgreSQL docs: the uuid type', 'Azimutt analyze (planned rule: uuids stored as CHAR(36))'],
  check: ({ model }) => {
    const uuid: ScalarType = { kind: 'scalar', name: 'uuid' };
    if (mapped(model, uuid).loss) return [];
    const out: RawFinding[] = [];
    for (const { table, column, type } of model.scalarColumns()) {
      if ((type.name !== 'char' && type.name !== 'varchar') || type.length !== 36 || column.arrayDims) continue;
      const words = model.words(column.name);
      const uuidDefault = column.default.kind === 'builtin' && column.default.name === 'uuid';
      if (!uuidDefault && !words.some((w) => w === 'uuid' || w === 'guid') && words[words.length - 1] !== 'id') continue;
      out.push({
        target: colTarget(table, column),
        key: `uuid-as-string:${table.id}:${column.id}`,
        message: `${model.columnLabel(table, column)} holds UUIDs as ${model.typeText(column)}; ${model.spec.label} has a uuid type`,
        fix: { title: `Change ${table.name}.${column.name} to uuid`, command: retypeWithReferences(model, table, column, () => uuid) },
      });
    }
    return out;
  },
};

const sameNameDifferentType: Rule = {
  id: 'same-name-different-type',
  title: 'Same column name, different types across tables',
  category: 'types',
  defaultSeverity: 'info',
  rationale: 'Columns with one name usually hold one kind of value: a different type in one table (an email of 100 characters here, 255 there) is often an oversight that truncates, casts or misjoins.',
  suggestion: 'Give the columns one type, or a different name if they hold different things.',
  sources: ['Azimutt analyze attribute-type-inconsistent'],
  check: ({ model }) => {
    // Grouped by exact name first (a few hundred distinct names for thousands of columns), then by
    // name without case: one toLowerCase per distinct name, not per column.
    const exact = new Map<string, { table: Table; column: Column }[]>();
    for (const table of model.tables) {
      const pk = table.primaryKey?.columnIds;
      for (const column of table.columns) {
        // Enums are one type per table by design; primary keys named `id` follow each table's key choice.
        if (column.type.kind === 'enum' || (pk?.includes(column.id) && column.name.toLowerCase() === 'id')) continue;
        let list = exact.get(column.name);
        if (!list) exact.set(column.name, (list = []));
        list.push({ table, column });
      }
    }
    const out: RawFinding[] = [];
    const byLower = new Map<string, { table: Table; column: Column }[][]>();
    for (const [name, members] of exact) {
      const lower = name.toLowerCase();
      const lists = byLower.get(lower);
      if (lists) lists.push(members);
      else byLower.set(lower, [members]);
    }
    for (const lists of byLower.values()) {
      const list = lists.length === 1 ? lists[0] : lists.flat();
      if (list.length < 2) continue;
      const sigs = list.map((x) => model.typeSignature(x.column));
      const counts = new Map<string, number>();
      for (const sig of sigs) counts.set(sig, (counts.get(sig) ?? 0) + 1);
      if (counts.size < 2) continue;
      let majority = sigs[0];
      for (const [sig, n] of counts) if (n > counts.get(majority)!) majority = sig;
      const usual = list[sigs.indexOf(majority)];
      list.forEach((x, i) => {
        if (sigs[i] === majority) return;
        out.push({
          target: colTarget(x.table, x.column),
          key: `same-name-different-type:${x.table.id}:${x.column.id}`,
          message: `${model.columnLabel(x.table, x.column)} is ${model.typeText(x.column)} while ${count(counts.get(majority)!, 'other column', 'other columns')} named ${x.column.name} ${counts.get(majority) === 1 ? 'is' : 'are'} ${model.typeText(usual.column)} (e.g. ${model.columnLabel(usual.table, usual.column)})`,
        });
      });
    }
    return out;
  },
};

/** Table names that say "one row per event": logs, events, audits, messages, measurements... */
const FAST_GROWING = new Set(['log', 'logs', 'event', 'events', 'audit', 'audits', 'history', 'activity', 'activities', 'message', 'messages', 'notification', 'notifications', 'click', 'clicks', 'impression', 'impressions', 'metric', 'metrics', 'measurement', 'measurements', 'reading', 'readings', 'sample', 'samples', 'trace', 'traces', 'tracking', 'pageview', 'pageviews', 'visit', 'visits', 'hit', 'hits', 'ledger']);

/** The largest value an integer type holds (signed or not). */
const integerCeiling = (t: ScalarType) => (t.name === 'smallint' ? 2 ** 15 - 1 : 2 ** 31 - 1) * (t.unsigned ? 2 : 1) + (t.unsigned ? 1 : 0);

/** 1, 2, 3 for smallint, integer, bigint; 0 for anything else. */
export function integerRank(type: ScalarType | undefined): number {
  return type?.name === 'smallint' ? 1 : type?.name === 'integer' ? 2 : type?.name === 'bigint' ? 3 : 0;
}

/** The table's single-column primary key when the database generates it (identity, serial, AUTO_INCREMENT). */
export function generatedKey(model: ReviewModel, table: Table): Column | undefined {
  if (table.primaryKey?.columnIds.length !== 1) return undefined;
  const column = model.column(table, table.primaryKey.columnIds[0]);
  if (!column) return undefined;
  const generated = column.identity !== undefined || column.default.kind === 'sequence' || (column.default.kind === 'expression' && /nextval|auto_increment/i.test(column.default.sql));
  return generated ? column : undefined;
}

/** bigint with the same signedness; a display width (`int(11)`) describes the old type and goes. */
function widened(t: ScalarType): ScalarType {
  const out: ScalarType = { kind: 'scalar', name: 'bigint' };
  if (t.unsigned) out.unsigned = true;
  if (t.zerofill) out.zerofill = true;
  return out;
}

/** Keys a table draws in 5 years from its declared volume (rows now + 60 months of growth, retention aside), if declared. */
function keysDrawnIn5y(volume: ResolvedVolume | undefined): number | undefined {
  if (!volume?.declared) return undefined;
  if (volume.growthPerMonth !== undefined) return (volume.rowsNow ?? 0) + MONTHS_IN_5_YEARS * volume.growthPerMonth;
  return Math.max(volume.rowsNow ?? 0, volume.rowsIn5y ?? 0);
}

const integerKeyOverflow: Rule = {
  id: 'integer-key-overflow',
  title: 'Integer primary key on a table expected to pass 2^31 rows',
  category: 'types',
  defaultSeverity: 'warning',
  rationale:
    'A generated 32-bit key stops at 2,147,483,647 (4,294,967,295 unsigned): inserts then fail, and widening the key later rewrites the table and every foreign key under a lock. Event and log tables get there first.',
  suggestion: 'Use bigint for the key (and for the foreign keys that reference it).',
  fix: 'Changes the key, and every foreign key column referencing it, to bigint.',
  options: {
    expectedRows: { type: 'number', default: 0, min: 0, description: 'Rows the largest tables are expected to reach (0 = unknown: only tables named like events or logs are judged).' },
  },
  sources: ['squawk prefer-bigint-over-int', 'Azimutt analyze (planned rule: sequence exhaustion)'],
  check: (ctx) => {
    const { model } = ctx;
    const expected = numberOption(ctx, 'expectedRows');
    const volumes = model.memo('workload:volumes', () => volumesOf(ctx.doc));
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      const column = generatedKey(model, table);
      const type = column && model.scalarOf(column.type);
      if (!column || !type || (type.name !== 'integer' && type.name !== 'smallint') || column.type.kind !== 'scalar') continue;
      const ceiling = integerCeiling(type);
      const eventLike = FAST_GROWING.has(model.words(table.name).at(-1) ?? '');
      // Declared volumes first (issue 15): keys are drawn for every row ever inserted, so growth counts
      // in full even when retention deletes old rows. Then the project-wide figure, then the name.
      const inserted = keysDrawnIn5y(volumes[table.id]);
      const why =
        inserted !== undefined
          ? inserted > ceiling
            ? `its declared volume draws ${inserted.toLocaleString('en-US')} keys in 5 years`
            : undefined
          : expected > ceiling
            ? `the project expects ${expected.toLocaleString('en-US')} rows`
            : expected === 0 && eventLike
              ? 'its name says one row per event'
              : undefined;
      if (!why) continue;
      out.push({
        target: colTarget(table, column),
        key: `integer-key-overflow:${table.id}:${column.id}`,
        message: `${model.columnLabel(table, column)} is a generated ${model.typeText(column)} key that stops at ${ceiling.toLocaleString('en-US')}, and ${why}`,
        fix: { title: `Change ${table.name}.${column.name} and its foreign keys to bigint`, command: retypeWithReferences(model, table, column, (c) => widened(model.scalarOf(c.type) ?? type)) },
      });
    }
    return out;
  },
};

/** Document and binary types: odd keys everywhere. Unbounded text is judged by the target (below). */
const keyNarrowerThanReferences: Rule = {
  id: 'key-narrower-than-references',
  title: 'Generated key narrower than the foreign keys that reference it',
  category: 'types',
  defaultSeverity: 'warning',
  rationale:
    'The foreign keys were made wide enough for more rows than the key can number: the generated key runs out first (a smallint serial at 32,767, an integer one at 2,147,483,647) and the wider columns never get to hold a larger value.',
  suggestion: 'Widen the key to the type of its references (and keep the two sides equal).',
  fix: 'Changes the key, and every foreign key column referencing it, to the widest integer type among them.',
  sources: ['Azimutt analyze relation-misaligned-type', 'squawk prefer-bigint-over-int'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      const column = generatedKey(model, table);
      const type = column && model.scalarOf(column.type);
      const rank = integerRank(type);
      if (!column || !type || !rank) continue;
      let widest: { ref: (typeof refs)[number]; type: ScalarType } | undefined;
      const refs = model.referencesTo(table.id, column.id);
      for (const ref of refs) {
        const t = model.scalarOf(ref.column.type);
        if (integerRank(t) > Math.max(rank, integerRank(widest?.type))) widest = { ref, type: t! };
      }
      if (!widest) continue;
      const to = widest.type.name;
      out.push({
        target: colTarget(table, column),
        key: `key-narrower-than-references:${table.id}:${column.id}`,
        message: `${model.columnLabel(table, column)} is a generated ${model.typeText(column)} key, but ${model.columnLabel(widest.ref.child, widest.ref.column)} (${model.typeText(widest.ref.column)}) references it: the key runs out before its references do`,
        fix: {
          title: `Change ${table.name}.${column.name} and its foreign keys to ${to}`,
          command: retypeWithReferences(model, table, column, (c) => ({ ...widened(model.scalarOf(c.type) ?? type), name: to })),
        },
      });
    }
    return out;
  },
};

const UNBOUNDED_KEY_TYPES = new Set<LogicalTypeName>(['blob', 'json', 'jsonb', 'xml']);

const unboundedPrimaryKey: Rule = {
  id: 'text-primary-key',
  title: 'Primary key on an unbounded text or document column',
  category: 'types',
  defaultSeverity: 'info',
  rationale: 'Every foreign key and (on InnoDB) every secondary index repeats the primary key: an unbounded key makes all of them wide. MySQL cannot index TEXT whole (the DDL has to shorten it), and a document or binary value is no identifier.',
  suggestion: 'Use a compact surrogate key (bigint or uuid) and keep the text unique, or bound it with varchar(n).',
  sources: ['Bytebase SQL review index.primary-key-type-allowlist', 'Bytebase SQL review index.type-no-blob'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      for (const id of table.primaryKey?.columnIds ?? []) {
        const column = model.column(table, id);
        const type = column && model.scalarOf(column.type);
        if (!column || !type || type.native?.[model.dialect]) continue;
        // text keys are fine where the engine indexes text whole (PostgreSQL: short cuid/slug keys are
        // common and cheap); only where it needs a prefix (InnoDB) is a text key a problem.
        if (!UNBOUNDED_KEY_TYPES.has(type.name) && !(type.name === 'text' && model.caps.lobKeysNeedPrefix)) continue;
        out.push({
          target: colTarget(table, column),
          key: `text-primary-key:${table.id}:${column.id}`,
          message: `the primary key of ${model.tableLabel(table)} includes ${column.name}, an unbounded ${model.typeText(column)} column`,
        });
      }
    }
    return out;
  },
};

const jsonOverJsonb: Rule = {
  id: 'json-over-jsonb',
  title: 'json where jsonb is available',
  category: 'types',
  defaultSeverity: 'info',
  rationale: 'json keeps the text as written and reparses it on every access; jsonb is stored parsed, supports GIN indexes and containment operators.',
  suggestion: 'Use jsonb, unless key order or duplicate keys must be preserved.',
  fix: 'Changes the type to jsonb.',
  sources: ['schemalint prefer-jsonb-to-json', 'PostgreSQL docs: "most applications should prefer to store JSON data as jsonb"'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const { table, column, type } of model.scalarColumns()) {
      if (type.name !== 'json') continue;
      const jsonb: ScalarType = { kind: 'scalar', name: 'jsonb' };
      if (mapped(model, jsonb).loss || mapped(model, jsonb).sql === mapped(model, type).sql) continue;
      out.push({
        target: colTarget(table, column),
        key: `json-over-jsonb:${table.id}:${column.id}`,
        message: `${model.columnLabel(table, column)} is json; jsonb is stored parsed and can be indexed`,
        fix: { title: `Change ${table.name}.${column.name} to jsonb`, command: retype(table, column, jsonb) },
      });
    }
    return out;
  },
};

const unusedEnum: Rule = {
  id: 'unused-enum',
  title: 'Enum never used',
  category: 'types',
  defaultSeverity: 'info',
  rationale: 'An enum no column uses is dead weight in the schema and the documentation, and often the trace of a column that was meant to use it.',
  suggestion: 'Use it on the column it was made for, or remove it.',
  fix: 'Removes the enum.',
  sources: ['Draftbase (no peer rule; PostgreSQL allows DROP TYPE only when nothing depends on it)'],
  check: ({ model }) =>
    Object.values(model.doc.enums)
      .filter((e) => !model.isEnumUsed(e.id))
      .map((e) => ({
        target: { kind: 'enum' as const, enumId: e.id },
        key: `unused-enum:${e.id}`,
        message: `enum ${e.name} is used by no column`,
        fix: { title: `Remove enum ${e.name}`, command: { type: 'enum.remove' as const, enumId: e.id } },
      })),
};

export const typeRules: Rule[] = [moneyInFloat, moneyType, timestampWithoutZone, varcharWithoutLength, uuidAsString, sameNameDifferentType, integerKeyOverflow, keyNarrowerThanReferences, unboundedPrimaryKey, jsonOverJsonb, unusedEnum];
