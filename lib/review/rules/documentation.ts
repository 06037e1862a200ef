/**
 * Documentation: what a reader of the design needs written down. Table comments are asked for by
 * default (as information); column comments and index purposes are opt-in, because most teams
 * document only what is not obvious. A placeholder comment is never offered as a fix.
 */
import { indexName } from '../../naming/derived-names';
import { booleanOption } from '../options';
import type { RawFinding, Rule } from '../types';

const blank = (text: string | undefined) => !text || !text.trim();

const tableComment: Rule = {
  id: 'table-without-comment',
  title: 'Table without a comment',
  category: 'documentation',
  defaultSeverity: 'info',
  rationale: 'A table comment says what one row is and who writes it; it travels with the schema into the database, the design document and every tool that reads the catalog.',
  suggestion: 'Say what one row represents.',
  sources: ['tbls lint requireTableComment', 'Bytebase SQL review table.comment'],
  check: ({ model }) =>
    model.tables
      .filter((t) => blank(t.comment))
      .map((t) => ({ target: { kind: 'table' as const, tableId: t.id }, key: `table-without-comment:${t.id}`, message: `${model.tableLabel(t)} has no comment saying what one of its rows is` })),
};

/** Columns whose meaning their name and role already tell: keys, references, audit timestamps. */
function obvious(words: readonly string[], isKey: boolean): boolean {
  if (isKey) return true;
  const last = words[words.length - 1];
  return last === 'id' || (words.length === 2 && (last === 'at' || last === 'on') && ['created', 'updated', 'deleted', 'modified'].includes(words[0]));
}

const columnComment: Rule = {
  id: 'column-without-comment',
  title: 'Column without a comment',
  category: 'documentation',
  defaultSeverity: 'info',
  optIn: true,
  rationale: 'A column comment gives the unit, the allowed values and the meaning of NULL, which the type alone does not.',
  suggestion: 'Say what the value means, its unit, and what NULL means.',
  options: { skipObvious: { type: 'boolean', default: true, description: 'Skip key and foreign key columns, `*_id` columns and created/updated/deleted timestamps.' } },
  sources: ['tbls lint requireColumnComment', 'Bytebase SQL review column.comment'],
  check: (ctx) => {
    const { model } = ctx;
    const skip = booleanOption(ctx, 'skipObvious');
    const out: RawFinding[] = [];
    for (const t of model.tables) {
      for (const c of t.columns) {
        if (!blank(c.comment)) continue;
        if (skip && obvious(model.words(c.name), (t.primaryKey?.columnIds.includes(c.id) ?? false) || model.isForeignKeyColumn(t.id, c.id))) continue;
        out.push({ target: { kind: 'column', tableId: t.id, columnId: c.id }, key: `column-without-comment:${t.id}:${c.id}`, message: `${model.columnLabel(t, c)} has no comment` });
      }
    }
    return out;
  },
};

const indexPurpose: Rule = {
  id: 'index-without-purpose',
  title: 'Index without a stated purpose',
  category: 'documentation',
  defaultSeverity: 'info',
  optIn: true,
  rationale: 'An index costs every write; the query it serves is what justifies it, and what tells a later reader whether it can go.',
  suggestion: 'Name the query or constraint the index serves (its Purpose, shown in the index strategy).',
  sources: ['tbls lint requireIndexComment'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const t of model.tables) {
      for (const ix of t.indexes) {
        if (!blank(ix.purpose) || !ix.parts.length) continue;
        out.push({ target: { kind: 'index', tableId: t.id, indexId: ix.id }, key: `index-without-purpose:${t.id}:${ix.id}`, message: `index ${indexName(t, ix)} on ${model.tableLabel(t)} does not say which query it serves` });
      }
    }
    return out;
  },
};

export const documentationRules: Rule[] = [tableComment, columnComment, indexPurpose];
