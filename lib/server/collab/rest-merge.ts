/**
 * A REST save (PUT /api/projects/:id) while the project has a live session MERGES into it instead of
 * answering 409 or overwriting it (issue 19): the save is the client's document at the version it
 * names in If-Match; the live session has moved on since. Three-way merge (lib/model/merge):
 *
 *   base   = the canonical document at the If-Match version (the current one, a written-back base or a
 *            named version taken at that version; unknown -> not merged, the caller answers 409)
 *   mine   = what the live Y.Doc holds now (this process's sync server; through Redis it is the same
 *            session as on every other server)
 *   theirs = the PUT body, which wins a conflict a side can settle (it is the later, explicit save)
 *
 * The merged document is written into the Y.Doc in ONE transaction (origin REST_ORIGIN: live clients
 * see it as one remote change), then written back at once; the answer carries the new version.
 */
import 'server-only';
import { collabDocumentName } from '../../api/collab';
import { fromYDoc, writeDocument } from '../../collab/y-document';
import type { SchemaDocument } from '../../model/document';
import type { AppPrisma } from '../db/client';
import type { Author } from '../teams/events';
import { documentAtVersion, mergePreferring, REST_ORIGIN } from './persistence';
import type { CollabServer } from './server';

export type RestMergeResult =
  | { ok: true; version: number; updatedAt: string; merged: true }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'no_base' | 'blocked'; message: string };

/** Does the project have a live state (a session now or earlier) that a REST save must merge into? */
export async function hasLiveState(db: AppPrisma, projectId: string): Promise<boolean> {
  return (await db.projectLiveState.findUnique({ where: { projectId }, select: { projectId: true } })) !== null;
}

export async function mergeRestSave(
  db: AppPrisma,
  server: CollabServer,
  projectId: string,
  input: { expectedVersion: number; document: SchemaDocument; author: Author },
): Promise<RestMergeResult> {
  const exists = await db.project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!exists) return { ok: false, reason: 'not_found' };
  const base = await documentAtVersion(db, projectId, input.expectedVersion);
  if (!base) return { ok: false, reason: 'no_base', message: `version ${input.expectedVersion} is too old to merge with the live session` };
  const name = collabDocumentName(projectId);
  const connection = await server.hocuspocus.openDirectConnection(name, { rest: true });
  let outcome: RestMergeResult | undefined;
  try {
    server.setLastEditor(name, input.author);
    // Read, merge and write inside one synchronous callback: no other update can land in between.
    await connection.transact((ydoc) => {
      let mine: SchemaDocument;
      try {
        mine = fromYDoc(ydoc);
      } catch {
        outcome = { ok: false, reason: 'blocked', message: 'the live document does not load' };
        return;
      }
      const merged = mergePreferring(base, mine, input.document, 'theirs');
      if (!merged) {
        outcome = { ok: false, reason: 'blocked', message: 'this save and the live session cannot be merged as they are (a name clash or a broken reference)' };
        return;
      }
      writeDocument(ydoc, merged, REST_ORIGIN);
    });
    if (outcome) return outcome;
    // transact() stored the document (write-back) before resolving.
    const state = await db.project.findUnique({ where: { id: projectId }, select: { version: true, updatedAt: true } });
    if (!state) return { ok: false, reason: 'not_found' };
    return { ok: true, version: state.version, updatedAt: state.updatedAt.toISOString(), merged: true };
  } finally {
    await connection.disconnect();
  }
}
