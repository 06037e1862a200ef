/** A small shop document and threads on it, shared by the lib/comments tests. */
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable } from '../model/build';
import type { SchemaDocument } from '../model/document';
import type { CommentAnchor } from './anchor';
import type { CommentInfo, CommentThreadInfo } from './types';

export function shop(): SchemaDocument {
  return documentOf({
    tables: [
      makeTable({ id: 'tbl_customers', name: 'customers', columns: [makeColumn({ id: 'col_cid', name: 'id' })] }),
      makeTable({
        id: 'tbl_orders',
        name: 'orders',
        columns: [makeColumn({ id: 'col_oid', name: 'id' }), makeColumn({ id: 'col_customer', name: 'customer_id' })],
        indexes: [makeIndex({ id: 'idx_customer', parts: [{ kind: 'column', columnId: 'col_customer' }] })],
      }),
    ],
    relationships: [makeRelationship({ id: 'rel_oc', fromTableId: 'tbl_orders', toTableId: 'tbl_customers', columnPairs: [{ fromColumnId: 'col_customer', toColumnId: 'col_cid' }] })],
  });
}

export function comment(body: string, extra: Partial<CommentInfo> = {}): CommentInfo {
  return { id: `c_${body.length}`, authorId: null, authorName: 'Local user', authorKind: 'solo', body, mentions: [], createdAt: '2026-12-04T10:30:00.000Z', editedAt: null, ...extra };
}

export function thread(anchor: CommentAnchor, bodies: string[], extra: Partial<CommentThreadInfo> = {}): CommentThreadInfo {
  return {
    id: `t_${anchor.kind}_${bodies[0]?.length ?? 0}`,
    anchor,
    createdAt: '2026-12-04T10:30:00.000Z',
    resolved: false,
    resolvedAt: null,
    resolvedByName: null,
    comments: bodies.map((b) => comment(b)),
    ...extra,
  };
}
