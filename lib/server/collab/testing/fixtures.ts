/**
 * Projects, people and tickets for live co-editing tests, and the server's stored state read straight
 * from the database (to check durability without trusting the server that wrote it).
 */
import 'server-only';
import * as Y from 'yjs';
import { collabDocumentName } from '../../../api/collab';
import { documentOf, makeColumn, makeTable, scalar } from '../../../model/build';
import type { SchemaDocument } from '../../../model/document';
import { newId } from '../../../model/ids';
import { fromYDoc } from '../../../collab/y-document';
import { authMode } from '../../auth/mode';
import type { AppPrisma } from '../../db/client';
import { createProject } from '../../projects/repository';
import { issueTicket, type TicketClaims } from '../ticket';

/** The table every client adds columns to (concurrent adds into one list). */
export const SHARED_TABLE = 't_shared';
export const ownTable = (client: number) => `t_c${client}`;
/** A client's own columns, renamed only by it (one writer per name: the final name is checkable). */
export const ownColumn = (client: number, k: number) => `c_c${client}_${k}`;
export const OWN_COLUMNS = 3;
/**
 * Tables a client adds its columns to (besides the shared one), in turn: a long run adds hundreds of
 * columns, and a few realistic tables take them better than one table of hundreds of columns, which
 * every replica would re-read on each change to it (the binding reads a changed list whole).
 */
export const ADD_TABLES = 4;
export const addTable = (client: number, k: number) => `t_c${client}_add${k}`;

/** A document with the shared table and, per client, one table with OWN_COLUMNS columns and ADD_TABLES more. */
export function loadTestDocument(clients: number): SchemaDocument {
  const col = (id: string, name: string) => makeColumn({ id, name, type: scalar('text'), nullable: true }, () => id);
  const tables = [makeTable({ id: SHARED_TABLE, name: 'shared', columns: [makeColumn({ id: 'c_shared_id', name: 'id', type: scalar('bigint'), nullable: false }, () => 'c_shared_id')] }, () => SHARED_TABLE)];
  for (let c = 0; c < clients; c++) {
    tables.push(makeTable({ id: ownTable(c), name: `own_${c}`, columns: Array.from({ length: OWN_COLUMNS }, (_, k) => col(ownColumn(c, k), `col_${c}_${k}`)) }, () => ownTable(c)));
    for (let k = 0; k < ADD_TABLES; k++) {
      tables.push(makeTable({ id: addTable(c, k), name: `more_${c}_${k}`, columns: [col(`${addTable(c, k)}_id`, 'id')] }, () => addTable(c, k)));
    }
  }
  return documentOf({ tables });
}

export interface LiveProject {
  projectId: string;
  documentName: string;
  /** The owner (team mode) whose tickets the clients use. */
  owner: { id: string; name: string };
  claims: TicketClaims;
}

/**
 * A project holding `document`. In team mode (PostgreSQL, or DRAFTBASE_AUTH=on) its owner is a real
 * account and member, as the sync server checks; in solo mode the ticket names the local user.
 */
export async function createLiveProject(prisma: AppPrisma, document: SchemaDocument, env: Record<string, string | undefined> = process.env): Promise<LiveProject> {
  const team = authMode(env) === 'team';
  const name = 'Load Tester';
  let owner = { id: 'local', name };
  if (team) {
    const id = newId('usr');
    await prisma.user.create({ data: { id, name, email: `load.${id}@example.test` } });
    owner = { id, name };
  }
  const project = await createProject(prisma, { name: `live ${newId('t')}`, document, ...(team ? { owner: { id: owner.id, name } } : {}) });
  const claims: TicketClaims = team
    ? { projectId: project.id, userId: owner.id, name, role: 'owner', via: 'member', readOnly: false }
    : { projectId: project.id, userId: 'local', name, role: 'owner', via: 'solo', readOnly: false };
  return { projectId: project.id, documentName: collabDocumentName(project.id), owner, claims };
}

export function ticketSource(project: LiveProject, secret: string): () => string {
  return () => issueTicket(project.claims, secret).ticket;
}

/**
 * What the database holds of a project's live session, applied in order: the stored state, then every
 * logged update (the log is append-only and written before the ack; re-applying what the state
 * already holds changes nothing in Yjs). Undefined when nothing is stored.
 */
export async function storedLiveDoc(prisma: AppPrisma, projectId: string): Promise<Y.Doc | undefined> {
  const state = await prisma.projectLiveState.findUnique({ where: { projectId } });
  const updates = await prisma.projectLiveUpdate.findMany({ where: { projectId }, orderBy: { id: 'asc' } });
  if (!state && updates.length === 0) return undefined;
  const ydoc = new Y.Doc();
  if (state) Y.applyUpdate(ydoc, new Uint8Array(state.state));
  for (const u of updates) Y.applyUpdate(ydoc, new Uint8Array(u.payload));
  return ydoc;
}

/** The stored live document (see storedLiveDoc) as a SchemaDocument. */
export async function storedLiveDocument(prisma: AppPrisma, projectId: string): Promise<SchemaDocument | undefined> {
  const ydoc = await storedLiveDoc(prisma, projectId);
  if (!ydoc) return undefined;
  try {
    return fromYDoc(ydoc);
  } finally {
    ydoc.destroy();
  }
}
