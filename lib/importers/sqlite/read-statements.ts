/**
 * Readers for SQLite's other schema statements: CREATE INDEX (parts, UNIQUE, partial WHERE), CREATE
 * VIEW (name and body as text), the header of CREATE TRIGGER (name and table; the body is kept
 * verbatim) and CREATE VIRTUAL TABLE (name and module). Each reads from a cursor standing after
 * CREATE [TEMP|TEMPORARY].
 */
import { SqliteSyntaxError, type StatementCursor } from './cursor';
import { indexedColumns, type IndexedColumn, type Span } from './read-create-table';

export interface CreateIndexSyntax {
  schema?: string;
  name: string;
  at: number;
  unique: boolean;
  table: string;
  parts: IndexedColumn[];
  where?: Span;
}

export function readCreateIndex(c: StatementCursor): CreateIndexSyntax {
  const unique = c.acceptWords('unique');
  c.expectWords('index');
  c.acceptWords('if', 'not', 'exists');
  const target = c.qualifiedName('the index name');
  c.expectWords('on');
  const table = c.name('the table name').value;
  const { columns } = indexedColumns(c);
  const index: CreateIndexSyntax = { ...(target.schema !== undefined ? { schema: target.schema } : {}), name: target.name, at: target.at, unique, table, parts: columns };
  if (c.acceptWords('where')) index.where = c.expressionUntil([], '');
  if (!c.done) c.fail('unexpected text after the index definition');
  return index;
}

export interface CreateViewSyntax {
  schema?: string;
  name: string;
  at: number;
  temporary: boolean;
  /** `CREATE VIEW v(a, b) AS ...`: the column names written. */
  columnNames?: string[];
  body: Span;
}

export function readCreateView(c: StatementCursor, temporary: boolean): CreateViewSyntax {
  c.expectWords('view');
  c.acceptWords('if', 'not', 'exists');
  const target = c.qualifiedName('the view name');
  let columnNames: string[] | undefined;
  if (c.isPunct('(')) {
    columnNames = [];
    c.expectPunct('(');
    do columnNames.push(c.name('a column name').value);
    while (c.acceptPunct(','));
    c.expectPunct(')');
  }
  c.expectWords('as');
  const rest = c.rest();
  const body = rest.text.trim();
  if (!body) c.fail('expected the view query');
  return {
    ...(target.schema !== undefined ? { schema: target.schema } : {}),
    name: target.name,
    at: target.at,
    temporary,
    ...(columnNames ? { columnNames } : {}),
    body: { text: body, start: rest.start, end: rest.start + body.length },
  };
}

export interface TriggerHeader {
  schema?: string;
  name: string;
  at: number;
  temporary: boolean;
  table: string;
}

/** CREATE [TEMP] TRIGGER [IF NOT EXISTS] [schema.]name [BEFORE|AFTER|INSTEAD OF] event ON table ... */
export function readTriggerHeader(c: StatementCursor, temporary: boolean): TriggerHeader {
  c.expectWords('trigger');
  c.acceptWords('if', 'not', 'exists');
  const target = c.qualifiedName('the trigger name');
  // The event clause runs to ON (UPDATE OF a, b names columns; none is called ON unquoted).
  while (!c.done && !c.isWord('on')) c.pos++;
  if (!c.acceptWords('on')) c.fail('expected ON <table> in the trigger');
  const table = c.name('the trigger table').value;
  if (!c.isWord('for') && !c.isWord('when') && !c.isWord('begin')) c.fail('expected FOR EACH ROW, WHEN or BEGIN');
  return { ...(target.schema !== undefined ? { schema: target.schema } : {}), name: target.name, at: target.at, temporary, table };
}

export interface VirtualTableSyntax {
  name: string;
  at: number;
  module: string;
}

export function readVirtualTable(c: StatementCursor): VirtualTableSyntax {
  c.expectWords('virtual', 'table');
  c.acceptWords('if', 'not', 'exists');
  const target = c.qualifiedName('the table name');
  c.expectWords('using');
  const moduleName = c.name('the module name');
  if (!/^[A-Za-z_][\w$]*$/.test(moduleName.value)) throw new SqliteSyntaxError(`"${moduleName.value}" is not a module name`, moduleName.at);
  return { name: target.name, at: target.at, module: moduleName.value };
}

/**
 * Tables SQLite creates for a virtual table (its "shadow tables"): `.schema` and sqlite_schema list
 * them as ordinary CREATE TABLEs, but they belong to the module and go with the virtual table.
 */
const SHADOW_SUFFIXES: Record<string, readonly string[]> = {
  fts3: ['content', 'segments', 'segdir', 'docsize', 'stat'],
  fts4: ['content', 'segments', 'segdir', 'docsize', 'stat'],
  fts5: ['data', 'idx', 'content', 'docsize', 'config'],
  rtree: ['node', 'rowid', 'parent'],
  rtree_i32: ['node', 'rowid', 'parent'],
  geopoly: ['node', 'rowid', 'parent'],
};

export function shadowTableNames(v: VirtualTableSyntax, fold: (s: string) => string): string[] {
  return (SHADOW_SUFFIXES[v.module.toLowerCase()] ?? []).map((s) => fold(`${v.name}_${s}`));
}
