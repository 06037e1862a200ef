/**
 * The parts of node-sql-parser's MySQL AST this importer reads. The library types most of its AST as
 * `any`; these narrow, optional-everywhere interfaces document what we rely on (checked against
 * node-sql-parser 5.4 output) and keep the rest of the importer typed.
 */

export interface ColumnRef {
  type: 'column_ref';
  column: string | { expr?: { value?: string } };
  table?: string | null;
  /** Index prefix length as text, e.g. "(10)". */
  suffix?: string | null;
  order_by?: string | null;
}

export interface Expr {
  type: string;
  value?: unknown;
  [k: string]: unknown;
}

export interface DataTypeDef {
  dataType: string;
  length?: number | null;
  scale?: number | null;
  suffix?: string[] | null;
  expr?: { type: 'expr_list'; value: Expr[] };
}

export interface ColumnDefinition {
  resource: 'column';
  column: ColumnRef;
  definition: DataTypeDef;
  nullable?: { type: string; value: string } | null;
  default_val?: { type: 'default'; value: Expr } | null;
  auto_increment?: string | null;
  unique?: string | null;
  primary_key?: string | null;
  comment?: { value?: { value?: unknown } } | null;
  collate?: { collate?: { name?: string } } | null;
  /** `CHARACTER SET name` on the column. */
  character_set?: { value?: { value?: unknown } } | null;
  generated?: { expr: Expr; storage_type?: string | null } | null;
  check?: { definition?: Expr[] } | null;
  reference_definition?: unknown;
}

export interface ReferenceDefinition {
  definition?: ColumnRef[];
  table?: { db?: string | null; table: string }[];
  on_action?: { type: string; value: { value: string } }[];
}

export interface ConstraintDefinition {
  resource: 'constraint';
  constraint_type: string;
  constraint?: string | null;
  index?: string | null;
  definition?: (ColumnRef | Expr)[];
  reference_definition?: ReferenceDefinition;
  index_type?: { type?: string } | null;
  index_options?: { type?: string; keyword?: string }[] | null;
}

export interface IndexDefinition {
  resource: 'index';
  keyword: string;
  index?: string | null;
  definition?: (ColumnRef | Expr)[];
  index_type?: { type?: string } | null;
  index_options?: { type?: string; keyword?: string }[] | null;
}

export type CreateDefinition = ColumnDefinition | ConstraintDefinition | IndexDefinition;

export interface CreateTableAst {
  type: 'create';
  keyword: 'table';
  /** CREATE TABLE ... AS SELECT. */
  query_expr?: unknown;
  temporary?: string | null;
  table: { db?: string | null; table: string }[];
  create_definitions?: CreateDefinition[] | null;
  table_options?: { keyword: string; value: unknown }[] | null;
  like?: unknown;
}

export interface AlterAction {
  action: string;
  resource?: string;
  type?: string;
  create_definitions?: CreateDefinition;
  column?: ColumnRef;
  /** CHANGE COLUMN old new ... */
  old_column?: ColumnRef;
  definition?: DataTypeDef | (ColumnRef | Expr)[];
  keyword?: string;
  index?: string;
  [k: string]: unknown;
}

export interface AlterTableAst {
  type: 'alter';
  table: { db?: string | null; table: string }[];
  expr: AlterAction[];
}

export interface CreateIndexAst {
  type: 'create';
  keyword: 'index';
  index: string;
  index_type?: string | null;
  table: { db?: string | null; table: string };
  index_columns: (ColumnRef | Expr)[];
  index_using?: { type?: string } | null;
}

/** node-sql-parser keeps a doubled backtick inside a quoted identifier as written. */
export function ident(name: string): string {
  return name.replace(/``/g, '`');
}

export function columnName(ref: ColumnRef): string {
  if (typeof ref.column === 'string') return ident(ref.column);
  const v = ref.column?.expr?.value;
  return typeof v === 'string' ? ident(v) : '';
}

export function isColumnRef(e: ColumnRef | Expr): e is ColumnRef {
  return e.type === 'column_ref';
}
