/**
 * Where a live session lives between connections, and how it meets the canonical document
 * (issue 19). Three tables (prisma schema, migration 0006_live_state):
 *
 * - project_live_state: the Y.Doc state, the project version the canonical document had when the two
 *   were last equal (`written_version`), and a `revision` every write compares-and-sets.
 * - project_live_updates: an append-only log of the updates the sync server acknowledged. An update is
 *   appended BEFORE Hocuspocus applies and acknowledges it (server.ts, beforeHandleMessage), so an edit
 *   a client saw acknowledged survives a SIGKILL. Loading merges the state with every logged update;
 *   storing writes the merged state and deletes the rows it covered, in one transaction.
 * - project_live_bases: the last few canonical documents written back, by version: the base of the
 *   three-way merge when a save made outside the session has to be merged into it.
 *
 * The canonical document (projects.document) stays what the REST API, the CLI and exports read: the
 * write-back (storeLiveDocument) saves what the Y.Doc holds, through loadDocument, with the project's
 * optimistic version, in the same transaction as the state it came from.
 */
import 'server-only';
import * as Y from 'yjs';
import { REPAIRS_MAP } from '../../collab/replica';
import { fromYDoc, toYDoc, writeDocument } from '../../collab/y-document';
import type { SchemaDocument } from '../../model/document';
import { mergeDocuments, type Side } from '../../model/merge/merge-documents';
import { loadDocument } from '../../model/migrate';
import type { AppPrisma } from '../db/client';
import { saveProjectIn } from '../projects/repository';
import { inTransaction, type TeamsDb } from '../teams/db';
import type { Author } from '../teams/events';

/** The transaction origin of writes the server makes (bringing the state up to date, pruning). */
export const SERVER_ORIGIN = 'draftbase:server';
/** The transaction origin of a REST save merged into the live session. */
export const REST_ORIGIN = 'draftbase:rest';
/** One update larger than this is refused (a whole 1,000-table document is ~3.6 MB of state). */
export const MAX_UPDATE_BYTES = 16 * 1024 * 1024;
/** How many written-back documents are kept as merge bases. */
const KEEP_BASES = 8;
/** The repairs map has no timestamps: it is capped at this many explanations (the oldest go). */
export const MAX_REPAIRS = 200;
const ATTEMPTS = 6;

const bytes = (u: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(u);

export function parseStoredDocument(json: string): SchemaDocument {
  const loaded = loadDocument(JSON.parse(json));
  if (!loaded.ok) throw new Error('the stored document does not load');
  return loaded.document;
}

function readSafely(ydoc: Y.Doc): SchemaDocument | undefined {
  try {
    return fromYDoc(ydoc);
  } catch {
    return undefined;
  }
}

/** True when `update` decodes as a Yjs update; false for anything else (a forged or torn message). */
export function isValidUpdate(update: Uint8Array): boolean {
  if (update.byteLength > MAX_UPDATE_BYTES) return false;
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/** True when the update carries nothing (a sync step 2 from a client that had nothing new). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  const d = Y.decodeUpdate(update);
  return d.structs.length === 0 && d.ds.clients.size === 0;
}

/**
 * Three-way merge where `side` wins every conflict a side can settle; undefined when the combination
 * is invalid whatever the choice (a name clash, a broken reference).
 */
export function mergePreferring(base: SchemaDocument, mine: SchemaDocument, theirs: SchemaDocument, side: Side): SchemaDocument | undefined {
  let m = mergeDocuments(base, mine, theirs);
  if (m.conflicts.some((c) => c.resolvable && c.resolution !== side)) {
    m = mergeDocuments(base, mine, theirs, Object.fromEntries(m.conflicts.filter((c) => c.resolvable).map((c) => [c.id, side])));
  }
  return m.blocked ? undefined : m.document;
}

export async function appendLiveUpdate(db: TeamsDb, projectId: string, update: Uint8Array): Promise<void> {
  await db.projectLiveUpdate.create({ data: { projectId, payload: bytes(update) } });
}

export interface StoredLiveState {
  /** The stored state merged with every logged update. */
  state: Uint8Array;
  writtenVersion: number;
  revision: number;
  /** The last logged update folded into `state` (0: none). */
  maxUpdateId: number;
}

/**
 * The stored state with the log folded in. The log is read BEFORE the state: a store that commits in
 * between has put the rows it deleted into the state we then read, so nothing falls between the two.
 */
export async function readLiveState(db: TeamsDb, projectId: string): Promise<StoredLiveState | undefined> {
  const logs = await db.projectLiveUpdate.findMany({ where: { projectId }, orderBy: { id: 'asc' }, select: { id: true, payload: true } });
  const row = await db.projectLiveState.findUnique({ where: { projectId } });
  if (!row) return undefined;
  const state = logs.length ? Y.mergeUpdates([row.state, ...logs.map((l) => l.payload)]) : row.state;
  return { state, writtenVersion: row.writtenVersion, revision: row.revision, maxUpdateId: logs.at(-1)?.id ?? 0 };
}

async function readBase(db: TeamsDb, projectId: string, version: number): Promise<SchemaDocument | undefined> {
  const row = await db.projectLiveBase.findUnique({ where: { projectId_version: { projectId, version } } });
  if (row) return parseStoredDocument(row.document);
  // A named version taken at that project version is the same document.
  const named = await db.projectVersion.findFirst({ where: { projectId, projectVersion: version }, select: { document: true } });
  return named ? parseStoredDocument(named.document) : undefined;
}

/** The canonical document at `version`, when it is still known (the base of a merge). */
export async function documentAtVersion(db: TeamsDb, projectId: string, version: number): Promise<SchemaDocument | undefined> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { version: true, document: true } });
  if (project?.version === version) return parseStoredDocument(project.document);
  return readBase(db, projectId, version);
}

async function saveBase(db: TeamsDb, projectId: string, version: number, documentJson: string): Promise<void> {
  await db.projectLiveBase.upsert({
    where: { projectId_version: { projectId, version } },
    create: { projectId, version, document: documentJson },
    update: {},
  });
  await db.projectLiveBase.deleteMany({ where: { projectId, version: { lte: version - KEEP_BASES } } });
}

/** Writes `state` if nobody wrote since `revision`, and drops the log rows it covers. */
async function compareAndSetState(db: AppPrisma, projectId: string, revision: number, state: Uint8Array, writtenVersion: number, maxUpdateId: number): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.projectLiveState.updateMany({
      where: { projectId, revision },
      data: { state: bytes(state), writtenVersion, revision: { increment: 1 } },
    });
    if (count !== 1) return false;
    if (maxUpdateId > 0) await tx.projectLiveUpdate.deleteMany({ where: { projectId, id: { lte: maxUpdateId } } });
    return true;
  });
}

export interface LoadedLiveDocument {
  ydoc: Y.Doc;
  /** The canonical document and its version when the state was loaded. */
  canonical: SchemaDocument;
  version: number;
}

/**
 * The live Y.Doc of a project, or undefined for an unknown project.
 *
 * - First load: the state is built from the canonical document and INSERTED IF ABSENT, then read back:
 *   two servers loading at once both use the one state that was stored (never two initialisations,
 *   which would each create the root maps and lose one side's edits when they merge).
 * - Stale state (project.version > written_version: a save or an import happened outside the session):
 *   the canonical changes are merged in (three-way, over the document last written back, canonical
 *   winning a conflict; the canonical document as is when there is no base) with minimal writes,
 *   compared-and-set, so two servers never both write them.
 */
export async function loadLiveDocument(db: AppPrisma, projectId: string): Promise<LoadedLiveDocument | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // Two servers storing one busy document collide; a random pause lets one of them through.
    if (attempt > 0) await new Promise((r) => setTimeout(r, (10 + Math.random() * 40) * 2 ** attempt));
    const project = await db.project.findUnique({ where: { id: projectId }, select: { version: true, document: true } });
    if (!project) return undefined;
    const canonical = parseStoredDocument(project.document);
    let live = await readLiveState(db, projectId);
    if (!live) {
      const initial = Y.encodeStateAsUpdate(toYDoc(canonical));
      try {
        await db.projectLiveState.create({ data: { projectId, state: bytes(initial), writtenVersion: project.version } });
      } catch {
        // Another server inserted first (or the project just went): read back what is stored.
      }
      await saveBase(db, projectId, project.version, project.document).catch(() => undefined);
      live = await readLiveState(db, projectId);
      if (!live) continue;
    }
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, live.state);
    if (project.version <= live.writtenVersion) return { ydoc, canonical, version: project.version };

    const base = await readBase(db, projectId, live.writtenVersion);
    const ours = readSafely(ydoc);
    const target = (base && ours && mergePreferring(base, ours, canonical, 'theirs')) || canonical;
    writeDocument(ydoc, target, SERVER_ORIGIN);
    if (!(await compareAndSetState(db, projectId, live.revision, Y.encodeStateAsUpdate(ydoc), project.version, live.maxUpdateId))) {
      ydoc.destroy();
      continue;
    }
    await saveBase(db, projectId, project.version, project.document);
    return { ydoc, canonical, version: project.version };
  }
  throw new Error(`could not load the live state of project ${projectId}: it kept changing under this server`);
}

/** Caps the repairs map (its entries carry no time): the oldest explanations go first. */
export function pruneRepairs(ydoc: Y.Doc, max: number = MAX_REPAIRS): number {
  const repairs = ydoc.getMap(REPAIRS_MAP);
  const extra = repairs.size - max;
  if (extra <= 0) return 0;
  const keys = [...repairs.keys()].slice(0, extra);
  ydoc.transact(() => keys.forEach((k) => repairs.delete(k)), SERVER_ORIGIN);
  return keys.length;
}

export type StoreResult =
  | { ok: true; version: number; updatedAt?: string; saved: boolean }
  | { ok: false; reason: 'not_found' | 'invalid' };

/**
 * Stores the live document: its state (merged with the stored state and the log, whose rows it
 * covers are deleted) and, when its document differs from the canonical one, the canonical document
 * (saved as `author`, with a `save` event, optimistic version), in ONE transaction, so
 * written_version always names the canonical version the state was equal to.
 *
 * A save made outside the session since the last write-back (project.version > written_version) is
 * first merged into `ydoc` (three-way over the last written-back document; the canonical side wins a
 * conflict). Callers serialise stores of one document (Hocuspocus's saveMutex).
 */
export async function storeLiveDocument(db: AppPrisma, projectId: string, ydoc: Y.Doc, author: Author | undefined): Promise<StoreResult> {
  pruneRepairs(ydoc);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // Two servers storing one busy document collide; a random pause lets one of them through.
    if (attempt > 0) await new Promise((r) => setTimeout(r, (10 + Math.random() * 40) * 2 ** attempt));
    const project = await db.project.findUnique({ where: { id: projectId }, select: { version: true, document: true } });
    if (!project) return { ok: false, reason: 'not_found' };
    const row = await db.projectLiveState.findUnique({ where: { projectId }, select: { writtenVersion: true } });
    const canonical = parseStoredDocument(project.document);
    if (row && project.version > row.writtenVersion) {
      const base = await readBase(db, projectId, row.writtenVersion);
      const ours = readSafely(ydoc);
      const target = (base && ours && mergePreferring(base, ours, canonical, 'theirs')) || canonical;
      writeDocument(ydoc, target, SERVER_ORIGIN);
    }
    const live = readSafely(ydoc);
    if (!live) {
      // Never write an invalid tree over the canonical document; the state is still kept.
      console.error(`[draftbase] the live document of project ${projectId} does not load; its canonical document is left as it was`);
    }
    const liveJson = live ? JSON.stringify(live) : undefined;
    const changed = liveJson !== undefined && liveJson !== JSON.stringify(canonical);
    const state = Y.encodeStateAsUpdate(ydoc);
    const result = await inTransaction(db, async (tx) => {
      const logs = await tx.projectLiveUpdate.findMany({ where: { projectId }, orderBy: { id: 'asc' }, select: { id: true, payload: true } });
      const current = await tx.projectLiveState.findUnique({ where: { projectId } });
      let version = project.version;
      let updatedAt: string | undefined;
      if (changed && live) {
        const saved = await saveProjectIn(tx, projectId, { expectedVersion: project.version, document: live, author });
        if (!saved.ok) return saved.reason === 'not_found' ? ('not_found' as const) : ('retry' as const);
        version = saved.version;
        updatedAt = saved.updatedAt;
        await saveBase(tx, projectId, version, liveJson!);
      } else {
        // The row must still be at the version we compared with.
        const now = await tx.project.findUnique({ where: { id: projectId }, select: { version: true } });
        if (!now) return 'not_found' as const;
        if (now.version !== project.version) return 'retry' as const;
      }
      // The stored state and the log are folded in: another server's edits not yet relayed here stay.
      const merged = Y.mergeUpdates([state, ...(current ? [current.state] : []), ...logs.map((l) => l.payload)]);
      if (current) {
        const { count } = await tx.projectLiveState.updateMany({
          where: { projectId, revision: current.revision },
          data: { state: bytes(merged), writtenVersion: live ? version : current.writtenVersion, revision: { increment: 1 } },
        });
        if (count !== 1) throw new RetryStore();
      } else {
        await tx.projectLiveState.create({ data: { projectId, state: bytes(merged), writtenVersion: version } });
      }
      const maxId = logs.at(-1)?.id;
      if (maxId !== undefined) await tx.projectLiveUpdate.deleteMany({ where: { projectId, id: { lte: maxId } } });
      return { ok: true as const, version, updatedAt, saved: changed };
    }).catch((err: unknown) => {
      if (err instanceof RetryStore) return 'retry' as const;
      throw err;
    });
    if (result === 'not_found') return { ok: false, reason: 'not_found' };
    if (result !== 'retry') return result;
  }
  throw new Error(`could not store the live state of project ${projectId}: it kept changing under this server`);
}

class RetryStore extends Error {}
