/**
 * Versions for the expand/contract tests: `accounts` with an email (renamed to login), an amount
 * (integer -> bigint), a full name (split into first and last name) and an index on the email.
 */
import { importPostgres } from '../importers/postgres/import-postgres';
import { applyCommand } from '../model/commands/apply';
import type { Command } from '../model/commands/types';
import type { SchemaDocument } from '../model/document';
import type { ColumnTransform } from './expand-contract';

export const V1_SQL = `CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email varchar(100) NOT NULL,
  amount integer NOT NULL DEFAULT 0,
  full_name text
);
CREATE INDEX ix_accounts_email ON accounts (email);`;

export function edit(doc: SchemaDocument, ...commands: Command[]): SchemaDocument {
  return commands.reduce((d, c) => applyCommand(d, c).doc, doc);
}

export interface Versions {
  v1: SchemaDocument;
  /** email renamed to login, amount integer -> bigint. */
  renamedAndRetyped: SchemaDocument;
  /** full_name split into first_name and last_name. */
  split: SchemaDocument;
  splitTransform: ColumnTransform;
  tableId: string;
}

export async function versions(): Promise<Versions> {
  const v1 = (await importPostgres(V1_SQL)).document;
  const t = Object.values(v1.tables)[0];
  const col = (name: string) => t.columns.find((c) => c.name === name)!;
  const renamedAndRetyped = edit(v1,
    { type: 'column.update', tableId: t.id, columnId: col('email').id, changes: { name: 'login' } },
    { type: 'column.update', tableId: t.id, columnId: col('amount').id, changes: { type: { kind: 'scalar', name: 'bigint' } } });
  const first = { id: 'c_first_name', name: 'first_name', type: { kind: 'scalar' as const, name: 'text' as const }, nullable: true, default: { kind: 'none' as const } };
  const last = { ...first, id: 'c_last_name', name: 'last_name' };
  const split = edit(v1,
    { type: 'column.remove', tableId: t.id, columnId: col('full_name').id },
    { type: 'column.add', tableId: t.id, column: first },
    { type: 'column.add', tableId: t.id, column: last });
  const splitTransform: ColumnTransform = {
    kind: 'split',
    tableId: t.id,
    from: [col('full_name').id],
    into: [first.id, last.id],
    forward: { [first.id]: "split_part({full_name}, ' ', 1)", [last.id]: "nullif(substr({full_name}, length(split_part({full_name}, ' ', 1)) + 2), '')" },
    backward: { [col('full_name').id]: "concat_ws(' ', {first_name}, {last_name})" },
  };
  return { v1, renamedAndRetyped, split, splitTransform, tableId: t.id };
}
