/**
 * One person's view of a shared document: the binding the editor store will wrap (issue 19, part 2).
 * It keeps the store's one-way flow:
 *
 *   dispatch(command) -> applyCommand -> patches -> applyPatchesToY(ydoc, patches, myOrigin)
 *   remote transaction (another replica, or my undo) -> refreshFromY -> repairMerged -> new document
 *
 * Undo and redo are Y.UndoManager's, tracking this user's origin only: they take back MY changes,
 * never someone else's (and never a repair). A repair made after a remote change is written back with
 * this replica's repair origin, so every replica ends with the same repaired state; its explanation
 * goes into the Y.Doc's `repairs` map (outside the document), so the person whose edit was repaired
 * away is told too, whichever replica did the repair.
 */
import * as Y from 'yjs';
import type { SchemaDocument } from '../model/document';
import { applyCommand, type Change, type Command, type CommandResult } from '../model/commands/apply';
import { applyPatchesToY } from './apply-patches';
import { observeRemote } from './remote';
import { RemovedNames } from './removed-names';
import { needsRepair, repairMerged } from './repair';
import { loadDocument } from '../model/migrate';
import { CollabDocumentError, readYDoc, rootMapOf } from './y-document';

/** The Y.Map (beside the document) of repair explanations, keyed by element and message. */
export const REPAIRS_MAP = 'repairs';

export interface ReplicaChange {
  doc: SchemaDocument;
  /** True when the change came from elsewhere (another person, or this user's undo/redo). */
  remote: boolean;
  /** Repairs made after a merge (empty for local commands). */
  repairs: Change[];
}

export interface CollabOrigin {
  readonly user: string;
  readonly kind: 'edit' | 'repair';
}

export class CollabReplica {
  readonly origin: CollabOrigin;
  readonly repairOrigin: CollabOrigin;
  readonly undoManager: Y.UndoManager;
  private current: SchemaDocument;
  private readonly listeners = new Set<(change: ReplicaChange) => void>();
  private readonly stopObserving: () => void;
  private readonly stopRepairs: () => void;
  private readonly removed = new RemovedNames();

  constructor(readonly ydoc: Y.Doc, readonly user: string) {
    this.origin = Object.freeze({ user, kind: 'edit' });
    this.repairOrigin = Object.freeze({ user, kind: 'repair' });
    const plain = readYDoc(ydoc);
    const merged = repairMerged(plain);
    this.writeRepairs(plain, merged.patches, merged.repairs);
    const loaded = loadDocument(merged.doc);
    if (!loaded.ok) throw new CollabDocumentError(loaded.issues);
    this.current = loaded.document;
    this.undoManager = new Y.UndoManager(rootMapOf(ydoc), { trackedOrigins: new Set([this.origin]), captureTimeout: 0 });
    this.stopObserving = observeRemote(ydoc, {
      isLocal: (origin) => origin === this.origin || origin === this.repairOrigin,
      current: () => this.current,
      onRemote: (change) => {
        if (!needsRepair(change.doc, change.patches)) {
          this.setDoc(change.doc);
          this.emit({ doc: change.doc, remote: true, repairs: [] });
          return;
        }
        const repaired = repairMerged(change.doc, { before: this.current, removed: this.removed });
        this.writeRepairs(change.doc, repaired.patches, repaired.repairs);
        this.setDoc(repaired.doc);
        this.emit({ doc: repaired.doc, remote: true, repairs: repaired.repairs });
      },
    });
    // Repairs another replica made (and explained) reach this user as a change with those repairs.
    const repairs = ydoc.getMap<Change>(REPAIRS_MAP);
    const onRepairs = (event: Y.YMapEvent<Change>, transaction: Y.Transaction) => {
      if (transaction.origin === this.repairOrigin) return;
      const added = [...event.changes.keys].filter(([, c]) => c.action === 'add').map(([key]) => repairs.get(key)).filter((c): c is Change => !!c);
      if (added.length) this.emit({ doc: this.current, remote: true, repairs: added });
    };
    repairs.observe(onRepairs);
    this.stopRepairs = () => repairs.unobserve(onRepairs);
  }

  /** Writes a repair made on `base` (the merged document) and its explanation, in one transaction. */
  private writeRepairs(base: SchemaDocument, patches: Parameters<typeof applyPatchesToY>[1], repairs: Change[]): void {
    if (!patches.length) return;
    this.ydoc.transact(() => {
      applyPatchesToY(this.ydoc, patches, this.repairOrigin, base);
      const log = this.ydoc.getMap<Change>(REPAIRS_MAP);
      for (const r of repairs) {
        const key = `${r.entityId}\u0000${r.message}`;
        if (!log.has(key)) log.set(key, { entityId: r.entityId, kind: r.kind, message: r.message });
      }
    }, this.repairOrigin);
  }

  get doc(): SchemaDocument {
    return this.current;
  }

  /** Applies a command locally and to the shared document; throws CommandError like applyCommand. */
  dispatch(command: Command): CommandResult {
    const result = applyCommand(this.current, command);
    if (result.patches.length === 0) return result;
    applyPatchesToY(this.ydoc, result.patches, this.origin, this.current);
    this.setDoc(result.doc);
    this.emit({ doc: result.doc, remote: false, repairs: [] });
    return result;
  }

  /** Undoes this user's last change; false when there is none. */
  undo(): boolean {
    return this.undoManager.undo() !== null;
  }

  redo(): boolean {
    return this.undoManager.redo() !== null;
  }

  onChange(listener: (change: ReplicaChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.stopObserving();
    this.stopRepairs();
    this.undoManager.destroy();
    this.listeners.clear();
  }

  private setDoc(doc: SchemaDocument): void {
    this.removed.note(this.current, doc);
    this.current = doc;
  }

  private emit(change: ReplicaChange): void {
    for (const l of this.listeners) l(change);
  }
}
