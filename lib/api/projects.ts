import type { ProjectRole } from '../auth/roles';

/**
 * The shapes the projects API answers with, shared by the server (lib/server/projects) and the
 * browser (components/projects): the client must not import server modules to know them.
 */

/** One project in GET /api/projects, without its document. */
export interface ProjectSummary {
  id: string;
  name: string;
  tableCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The requester's role on it (team mode; absent in solo mode, where the one user owns everything). */
  role?: ProjectRole;
}

/** One named version in GET /api/projects/:id/versions, without its document. */
export interface VersionSummary {
  id: string;
  projectId: string;
  name: string;
  tableCount: number;
  /** The project's version when the snapshot was taken. */
  projectVersion: number;
  createdAt: string;
  /** Who named it (the account's name), or null in solo mode, for a share link or a deleted account. */
  author: string | null;
}
