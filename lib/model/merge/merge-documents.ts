/**
 * Three-way merge of schema documents: `base` is the version this tab loaded or last saved, `mine` what
 * the tab holds now, `theirs` what another tab or person saved since. Edits that touch different
 * elements (or different fields of one element) are all kept; each real conflict is reported per
 * element with both values, and resolved the way the caller chooses (mine by default).
 *
 *   const m = mergeDocuments(base, mine, theirs);
 *   m.conflicts      // [{ element: 'table "orders" › column "status"', field: 'name', mine: 'state', theirs: 'status_code', ... }]
 *   mergeDocuments(base, mine, theirs, { [m.conflicts[0].id]: 'theirs' })
 *
 * The merged tree goes through parseDocument (shape and references) and the commands' name rules, so
 * a combination that neither side could have made alone (a foreign key to a column the other side
 * removed, two tables given the same name) is reported too, and `blocked` says no choice of sides fixes it.
 */
import type { SchemaDocument } from '../document';
import { parseDocument } from '../validate';
import { documentMergeSpec } from './document-spec';
import { childById, describeMergePath, issuePathToMergePath } from './describe-path';
import { nameClashes } from './name-clashes';
import { conflictId, isPlainObject, mergeTree, ORDER_SEGMENT, type ConflictKind, type MergePath, type Side } from './three-way';

export type { Side } from './three-way';

export type DocumentConflictKind = ConflictKind | 'name-clash' | 'invalid';

export interface DocumentConflict {
  /** Key for the resolution of a resolvable conflict. */
  id: string;
  kind: DocumentConflictKind;
  path: MergePath;
  /** The element, as the user knows it: `table "orders" › column "status"`. */
  element: string;
  /** The field of the element both sides changed; absent when the element itself was removed or added. */
  field?: string;
  /** `undefined` = absent (removed, or not there yet). Order conflicts hold element names. */
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** Choosing a side settles it; false for clashes and broken references, which need an edit. */
  resolvable: boolean;
  /** The side the merged document took (resolvable conflicts). */
  resolution?: Side;
  /** Why an unresolvable conflict blocks the merge. */
  message?: string;
}

export interface DocumentMerge {
  /** The merged document with conflicts resolved as chosen; absent when the combination is invalid. */
  document: SchemaDocument | undefined;
  conflicts: DocumentConflict[];
  /** True when some conflict cannot be settled by choosing a side: the merge must not be applied. */
  blocked: boolean;
}

export function mergeDocuments(
  base: SchemaDocument,
  mine: SchemaDocument,
  theirs: SchemaDocument,
  resolutions: Readonly<Record<string, Side>> = {},
): DocumentMerge {
  const tree = mergeTree(documentMergeSpec, base, mine, theirs, resolutions);
  const docs = [mine, theirs, base];
  const conflicts: DocumentConflict[] = tree.conflicts.map((c) => {
    const ordered = c.path[c.path.length - 1] === ORDER_SEGMENT;
    const names = (ids: unknown) => (ordered && Array.isArray(ids) ? ids.map((id: string) => elementName(docs, c.path.slice(0, -1), id)) : ids);
    return {
      id: c.id,
      kind: c.kind,
      path: c.path,
      ...describeMergePath(c.path, docs),
      base: names(c.base),
      mine: names(c.mine),
      theirs: names(c.theirs),
      resolvable: true,
      resolution: c.resolution,
    };
  });

  const parsed = parseDocument(tree.value);
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      const path = issuePathToMergePath(issue.path, tree.value);
      conflicts.push(unresolvable('invalid', path, issue.message, docs, tree.value));
    }
    return { document: undefined, conflicts, blocked: true };
  }
  const clashes = nameClashes(base, parsed.document);
  for (const clash of clashes) conflicts.push(unresolvable('name-clash', clash.path, clash.message, [parsed.document, ...docs], tree.value));
  return { document: parsed.document, conflicts, blocked: clashes.length > 0 };
}

function unresolvable(kind: 'invalid' | 'name-clash', path: string[], message: string, docs: SchemaDocument[], tree: unknown): DocumentConflict {
  const treeDoc = isPlainObject(tree) ? (tree as unknown as SchemaDocument) : undefined;
  return {
    id: `${kind}:${conflictId(path)}`,
    kind,
    path,
    ...describeMergePath(path, treeDoc && kind === 'invalid' ? [treeDoc, ...docs] : docs),
    base: undefined,
    mine: undefined,
    theirs: undefined,
    resolvable: false,
    message,
  };
}

/** The name of element `id` in the collection at `collectionPath`, for showing an order. */
function elementName(docs: readonly SchemaDocument[], collectionPath: MergePath, id: string): string {
  for (const doc of docs) {
    let node: unknown = doc;
    for (const seg of collectionPath) node = Array.isArray(node) ? childById(node, seg) : isPlainObject(node) ? node[seg] : undefined;
    const el = childById(node, id);
    if (isPlainObject(el) && typeof el.name === 'string') return el.name;
  }
  return id;
}
