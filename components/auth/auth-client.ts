/**
 * The browser's calls to the auth endpoints. Better Auth answers errors as `{ message, code }`, our
 * own routes as `{ error: { code, message } }`; both become one `AuthCallError` with a readable message.
 */

export class AuthCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'AuthCallError';
  }
}

const FALLBACK: Record<number, string> = {
  401: 'Wrong email or password.',
  403: 'This request was refused.',
  429: 'Too many attempts. Wait a few minutes and try again.',
};

export async function postAuth<T = unknown>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new AuthCallError('The server could not be reached. Check your connection and try again.', 0, undefined);
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const record = (data ?? {}) as { message?: unknown; code?: unknown; error?: { message?: unknown; code?: unknown } };
  const message = typeof record.error?.message === 'string' ? record.error.message : typeof record.message === 'string' ? record.message : undefined;
  const code = typeof record.error?.code === 'string' ? record.error.code : typeof record.code === 'string' ? record.code : undefined;
  // Better Auth's wording for a bad password is terse; say it plainly.
  const text = res.status === 401 ? FALLBACK[401] : message || FALLBACK[res.status] || `The server answered ${res.status}.`;
  throw new AuthCallError(text, res.status, code);
}
