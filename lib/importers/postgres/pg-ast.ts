/**
 * Typed access to libpg-query's AST (a union of single-key objects such as `{ CreateStmt: {...} }`),
 * and turning expression nodes back into SQL with pgsql-deparser.
 */
import type * as pg from 'libpg-query';

export type PgNode = pg.Node;
type NodeKey = PgNode extends infer U ? (U extends unknown ? keyof U : never) : never;
type NodeBody<K extends NodeKey> = Extract<PgNode, Record<K, unknown>>[K];

/** The node's type name, e.g. `CreateStmt`. */
export function nodeKind(node: PgNode): string {
  for (const k in node) return k;
  return '';
}

/** The node's body when it is of kind `k`. */
export function nodeAs<K extends NodeKey>(node: PgNode | undefined, k: K): NodeBody<K> | undefined {
  if (!node || !(k in node)) return undefined;
  // `k in node` narrows the union to the member whose single key is k.
  return (node as unknown as Record<K, NodeBody<K>>)[k];
}

/** `String` nodes' values: names lists like ['public', 'actor']. */
export function stringList(nodes: PgNode[] | undefined): string[] {
  const out: string[] = [];
  for (const n of nodes ?? []) {
    const s = nodeAs(n, 'String');
    if (s) out.push(s.sval ?? '');
  }
  return out;
}

/** A qualified name list split into schema and name. */
export function qualifiedName(parts: string[]): { schema?: string; name: string } {
  if (parts.length >= 2) return { schema: parts[parts.length - 2], name: parts[parts.length - 1] };
  return { name: parts[0] ?? '' };
}

/** Integer value of an A_Const / Integer node (`ival: {}` means 0). */
export function intValue(node: PgNode | undefined): number | undefined {
  const c = nodeAs(node, 'A_Const');
  if (c?.ival) return c.ival.ival ?? 0;
  const i = nodeAs(node, 'Integer');
  if (i) return i.ival ?? 0;
  return undefined;
}

export type ConstValue = { kind: 'string'; value: string } | { kind: 'number'; value: number; text: string } | { kind: 'boolean'; value: boolean } | { kind: 'null' };

export function constValue(c: pg.A_Const): ConstValue | undefined {
  if (c.isnull) return { kind: 'null' };
  if (c.sval) return { kind: 'string', value: c.sval.sval ?? '' };
  if (c.ival) return { kind: 'number', value: c.ival.ival ?? 0, text: String(c.ival.ival ?? 0) };
  if (c.fval) return { kind: 'number', value: Number(c.fval.fval), text: c.fval.fval ?? '0' };
  if (c.boolval) return { kind: 'boolean', value: c.boolval.boolval === true };
  return undefined;
}

export interface Deparser {
  deparse(node: PgNode | PgNode[]): string;
}
