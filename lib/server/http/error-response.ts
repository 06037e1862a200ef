/**
 * The one error shape of every Draftbase API: `{ "error": { "code", "message", ...extra } }`.
 * Route handlers either return `errorResponse(...)` or throw an `HttpError`, which `withErrors`
 * turns into the same shape (so helpers deep in a handler can stop it with a status).
 */
import 'server-only';

export interface ErrorBody {
  error: { code: string; message: string } & Record<string, unknown>;
}

/** A JSON error response: `{ error: { code, message, ...extra } }` with the given status. */
export function errorResponse(status: number, code: string, message: string, extra?: Record<string, unknown>, headers?: HeadersInit): Response {
  const body: ErrorBody = { error: { ...extra, code, message } };
  return Response.json(body, { status, headers });
}

/** Thrown by helpers (body reading, lookups) to end a request with an error response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toResponse(): Response {
    return errorResponse(this.status, this.code, this.message, this.extra);
  }
}

/**
 * Wraps a route handler: an `HttpError` becomes its response; anything else becomes a 500 with a
 * generic message (the detail goes to the server log, not to the client).
 */
export function withErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (err instanceof HttpError) return err.toResponse();
      console.error('[draftbase] unhandled error in route handler:', err);
      return errorResponse(500, 'internal_error', 'An unexpected error occurred on the server; see the server log.');
    }
  };
}
