/**
 * The signed-in user for a server-rendered page (sign-in and setup pages, headers): the same session
 * lookup as the API, from the incoming request's headers.
 */
import 'server-only';
import { headers } from 'next/headers';
import { sessionUser, type SessionUser } from './session';

export async function pageSessionUser(): Promise<SessionUser | undefined> {
  return sessionUser(new Request('http://localhost/', { headers: await headers() }));
}
