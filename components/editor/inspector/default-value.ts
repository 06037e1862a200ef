/**
 * The default-value editor's pure half: the model's DefaultValue union <-> what the form shows
 * (a kind select plus one text field), and back, typed by the column's type so `42` on an integer
 * column is the number 42 and `true` on a boolean is the boolean.
 */
import { builtinDefaultNames, type ColumnType, type DefaultValue } from '@/lib/model/document';

/** The kinds offered in the form; `null` is the literal NULL, split out because it needs no text. */
export const defaultFormKinds = ['none', 'null', 'literal', 'expression', 'builtin', 'sequence'] as const;
export type DefaultFormKind = (typeof defaultFormKinds)[number];

export const defaultFormKindLabels: Record<DefaultFormKind, string> = {
  none: 'No default',
  null: 'NULL',
  literal: 'Literal value',
  expression: 'SQL expression',
  builtin: 'Portable function',
  sequence: 'Next value of a sequence',
};

export const builtinDefaultLabels: Record<(typeof builtinDefaultNames)[number], string> = {
  current_timestamp: 'Current timestamp',
  current_date: 'Current date',
  current_time: 'Current time',
  uuid: 'Random UUID',
};

export interface DefaultForm {
  kind: DefaultFormKind;
  /** Literal text, SQL expression, builtin name or sequence id depending on kind. */
  text: string;
}

export function defaultToForm(value: DefaultValue): DefaultForm {
  switch (value.kind) {
    case 'none':
      return { kind: 'none', text: '' };
    case 'literal':
      return value.value === null ? { kind: 'null', text: '' } : { kind: 'literal', text: String(value.value) };
    case 'expression':
      return { kind: 'expression', text: value.sql };
    case 'builtin':
      return { kind: 'builtin', text: value.name };
    case 'sequence':
      return { kind: 'sequence', text: value.sequenceId };
    default: {
      const never: never = value;
      throw new Error(`unhandled default ${JSON.stringify(never)}`);
    }
  }
}

const NUMERIC: ReadonlySet<string> = new Set(['smallint', 'integer', 'bigint', 'decimal', 'real', 'double', 'year']);

export type FormToDefaultResult = { ok: true; value: DefaultValue } | { ok: false; error: string };

/**
 * The DefaultValue for what the form holds. Literal text is typed by the column's logical type:
 * numbers for numeric types (rejecting non-numbers), booleans for boolean, strings otherwise.
 */
export function formToDefault(form: DefaultForm, columnType: ColumnType): FormToDefaultResult {
  switch (form.kind) {
    case 'none':
      return { ok: true, value: { kind: 'none' } };
    case 'null':
      return { ok: true, value: { kind: 'literal', value: null } };
    case 'expression': {
      const sql = form.text.trim();
      if (sql === '') return { ok: false, error: 'Write an SQL expression, e.g. now()' };
      return { ok: true, value: { kind: 'expression', sql } };
    }
    case 'builtin': {
      const name = builtinDefaultNames.find((n) => n === form.text);
      if (!name) return { ok: false, error: `Choose one of: ${builtinDefaultNames.join(', ')}` };
      return { ok: true, value: { kind: 'builtin', name } };
    }
    case 'literal':
      return literalFor(form.text, columnType);
    case 'sequence':
      if (!form.text) return { ok: false, error: 'Choose a sequence (add one in the Database panel)' };
      return { ok: true, value: { kind: 'sequence', sequenceId: form.text } };
    default: {
      const never: never = form.kind;
      throw new Error(`unhandled default kind ${String(never)}`);
    }
  }
}

function literalFor(text: string, columnType: ColumnType): FormToDefaultResult {
  // A native type override means we cannot know the value's type: keep the text as typed.
  if (columnType.kind !== 'scalar' || columnType.native) return { ok: true, value: { kind: 'literal', value: text } };
  if (NUMERIC.has(columnType.name)) {
    const t = text.trim();
    // Number() accepts '', hex and Infinity: only plain decimal notation is a numeric literal here.
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return { ok: false, error: `"${text}" is not a number` };
    const n = Number(t);
    // Keep integers beyond 2^53 as text so they are not silently rounded.
    if (!Number.isSafeInteger(n) && /^[-+]?\d+$/.test(t)) return { ok: true, value: { kind: 'literal', value: t } };
    return { ok: true, value: { kind: 'literal', value: n } };
  }
  if (columnType.name === 'boolean') {
    const t = text.trim().toLowerCase();
    if (t === 'true' || t === '1') return { ok: true, value: { kind: 'literal', value: true } };
    if (t === 'false' || t === '0') return { ok: true, value: { kind: 'literal', value: false } };
    return { ok: false, error: 'A boolean default is true or false' };
  }
  return { ok: true, value: { kind: 'literal', value: text } };
}
