/**
 * The browser's calls to the teams API (paths and shapes: lib/api/teams.ts). Every call goes through
 * the editor's apiFetch, so a share link's page sends its link. Errors are thrown with the server's
 * message (`{ error: { code, message } }`) and the status.
 */
import type { InviteInfo, MemberInfo, ProjectRole, SessionInfo, ShareLinkInfo, ShareLinkRole } from '@/lib/api/teams';
import { apiFetch } from '@/components/editor/api-fetch';

export class TeamsApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'TeamsApiError';
  }
}

async function call<T>(url: string, init?: { method?: string; body?: unknown }, fetchFn: typeof fetch = apiFetch): Promise<T> {
  const res = await fetchFn(url, {
    method: init?.method ?? 'GET',
    cache: 'no-store',
    ...(init?.body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }),
  });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => undefined)) as (T & { error?: { code?: string; message?: string } }) | undefined;
  if (!res.ok) throw new TeamsApiError(body?.error?.message ?? `HTTP ${res.status}`, res.status, body?.error?.code);
  return body as T;
}

const project = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

/** A link the server returned, made absolute so it can be copied and sent. */
export function absoluteUrl(url: string, origin: string = typeof location === 'undefined' ? '' : location.origin): string {
  try {
    return new URL(url, origin || undefined).href;
  } catch {
    return url;
  }
}

export const fetchSession = (fetchFn?: typeof fetch) => call<SessionInfo>('/api/session', undefined, fetchFn);

export const listMembers = (projectId: string) => call<{ members: MemberInfo[]; invites?: InviteInfo[] }>(`${project(projectId)}/members`);
export const setMemberRole = (projectId: string, userId: string, role: ProjectRole) =>
  call<{ member: MemberInfo }>(`${project(projectId)}/members/${encodeURIComponent(userId)}`, { method: 'PATCH', body: { role } });
export const removeMember = (projectId: string, userId: string) => call<void>(`${project(projectId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
export const transferOwnership = (projectId: string, userId: string) => call<void>(`${project(projectId)}/transfer`, { method: 'POST', body: { userId } });

export const createInvite = (projectId: string, email: string, role: ProjectRole) => call<{ invite: InviteInfo; url: string }>(`${project(projectId)}/invites`, { method: 'POST', body: { email, role } });
export const revokeInvite = (projectId: string, inviteId: string) => call<void>(`${project(projectId)}/invites/${encodeURIComponent(inviteId)}`, { method: 'DELETE' });

export const listShareLinks = (projectId: string) => call<{ links: ShareLinkInfo[] }>(`${project(projectId)}/share-links`);
export const createShareLink = (projectId: string, input: { role: ShareLinkRole; label?: string; expiresAt?: string }) =>
  call<{ link: ShareLinkInfo; url: string }>(`${project(projectId)}/share-links`, { method: 'POST', body: input });
export const revokeShareLink = (projectId: string, linkId: string) => call<void>(`${project(projectId)}/share-links/${encodeURIComponent(linkId)}`, { method: 'DELETE' });

export interface SharedProject {
  projectId: string;
  projectName: string;
  role: ShareLinkRole;
}
/** The project a share link opens; a revoked or expired link is a TeamsApiError with status 404. */
export const resolveShareLink = (token: string, fetchFn?: typeof fetch) => call<SharedProject>(`/api/share/${encodeURIComponent(token)}`, undefined, fetchFn);

export interface InviteDetails {
  projectName: string;
  email: string;
  role: ProjectRole;
  expiresAt: string;
}
export const fetchInvite = (token: string) => call<InviteDetails>(`/api/invites/${encodeURIComponent(token)}`);
export const acceptInvite = (token: string) => call<{ projectId: string }>(`/api/invites/${encodeURIComponent(token)}/accept`, { method: 'POST', body: {} });
