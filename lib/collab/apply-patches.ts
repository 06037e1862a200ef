/**
 * Local edits -> the shared document: the immer patches of one command (applyCommand) become one Yjs
 * transaction with the editing user's origin, so that user's Y.UndoManager (undo.ts) undoes it as one
 * step and nobody else's.
 *
 * Patches say where the document changed; what is written there is read from the patches applied to
 * the anchor's current value (anchors.ts). Array positions in patches (a column moved, an index
 * removed) are resolved inside the anchor's own list and written back by id, so the transaction holds
 * only the fields, elements, order keys and characters that changed.
 */
import { applyPatches, type Patch } from 'immer';
import type * as Y from 'yjs';
import { anchorLength, collapseAnchors, readAnchor, writeAnchor, type Anchor } from './anchors';
import { rootMapOf } from './y-document';

interface Group {
  anchor: Anchor;
  patches: Patch[];
}

/** Groups patches by anchor, in order; a patch under another patch's anchor joins that group. */
function groupPatches(patches: readonly Patch[]): Group[] {
  const anchors = patches.map((p) => p.path.slice(0, anchorLength(p.path)).map(String));
  const kept = collapseAnchors(anchors);
  const groups = new Map<string, Group>();
  const keyOf = (a: Anchor) => a.join('\u0000') + `\u0001${a.length}`;
  for (const a of kept) groups.set(keyOf(a), { anchor: a, patches: [] });
  patches.forEach((patch, i) => {
    const a = anchors[i];
    for (let n = 0; n <= a.length; n++) {
      const g = groups.get(keyOf(a.slice(0, n)));
      if (g) {
        g.patches.push(patch);
        return;
      }
    }
  });
  return [...groups.values()];
}

/** Applies patches whose paths start with `anchor` to the anchor's value. */
function applyUnder(value: unknown, anchor: Anchor, patches: readonly Patch[]): unknown {
  let current = value;
  let pending: Patch[] = [];
  const flush = () => {
    if (!pending.length) return;
    current = applyPatches(current as object, pending);
    pending = [];
  };
  for (const p of patches) {
    const path = p.path.slice(anchor.length);
    if (path.length === 0) {
      flush();
      current = p.op === 'remove' ? undefined : p.value;
    } else {
      pending.push({ ...p, path });
    }
  }
  flush();
  return current;
}

function getIn(doc: unknown, anchor: Anchor): unknown {
  let node = doc;
  for (const seg of anchor) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[seg] : undefined;
  return node;
}

/**
 * Writes the effect of `patches` (from applyCommand, undoPatches or repairMerged) into `ydoc` as one
 * transaction with `origin`. The patches must have been made against the document the Y.Doc holds;
 * pass that document as `base` and the anchors are read from it instead of from Yjs (cheaper, and
 * right even while Yjs holds part of a remote update back: array positions in the patches are the
 * store's positions).
 */
export function applyPatchesToY(ydoc: Y.Doc, patches: readonly Patch[], origin: unknown, base?: unknown): void {
  if (patches.length === 0) return;
  const root = rootMapOf(ydoc);
  ydoc.transact(() => {
    for (const { anchor, patches: group } of groupPatches(patches)) {
      const current = base === undefined ? readAnchor(root, anchor) : getIn(base, anchor);
      writeAnchor(root, anchor, applyUnder(current, anchor, group));
    }
  }, origin);
}
