/**
 * The request body cap. Not guarded by `server-only` like the rest of lib/server: next.config.ts
 * reads it, and Next loads that file in plain Node, where the guard would throw. It holds no secret.
 *
 * 32 MB, overridable with DRAFTBASE_MAX_BODY_BYTES (bytes): a 5,000-table document is ~10 MB of JSON,
 * so 10 MB refused saving a schema the canvas is built to edit. next.config.ts sets the proxy's body
 * buffer from the same function: past that buffer Next hands the route a truncated body.
 */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

export function maxBodyBytes(): number {
  const raw = process.env.DRAFTBASE_MAX_BODY_BYTES;
  if (!raw) return DEFAULT_MAX_BODY_BYTES;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_BODY_BYTES;
}
