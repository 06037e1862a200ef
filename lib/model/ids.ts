/**
 * Opaque ids. Random ids for interactive edits; deterministic ids (a counter) for importers and tests
 * so that the same input always gives the same document.
 */
export type IdFactory = (prefix: string) => string;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function randomSuffix(length: number): string {
  const bytes = new Uint8Array(length);
  // Web Crypto exists in browsers and Node 20; getRandomValues works outside secure contexts too.
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** A new random id such as `tbl_k3j9x0q2m1ab`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomSuffix(12)}`;
}

/** Deterministic ids: `tbl_1`, `col_2`, ... one counter per factory. */
export function sequentialIds(): IdFactory {
  let n = 0;
  return (prefix) => `${prefix}_${++n}`;
}

export const randomIds: IdFactory = newId;
