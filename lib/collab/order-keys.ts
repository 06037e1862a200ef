/**
 * Fractional order keys: the display order of every ordered collection in the shared document
 * (columns of a table, tables of the document, an area's tables...). Each element carries a key; the
 * collection reads in (key, id) order. Moving an element is one field write, so two people moving
 * the same column concurrently end with one position for it (last writer wins), never a duplicate
 * (which is what a Y.Array of ids gives: Yjs 13 has no move, only delete + insert). Two inserts at
 * the same place get the same key and are ordered by id: deterministic on every replica.
 *
 * Keys are base-62 fractions (digits 0-9A-Za-z, which sort in ASCII order) without trailing zeros,
 * so string comparison is numeric comparison and there is always room between two keys.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digit(key: string, i: number): number {
  return i < key.length ? DIGITS.indexOf(key[i]) : 0;
}

/** True when `key` is a well-formed order key (non-empty, base-62 digits, no trailing zero). */
export function isOrderKey(key: unknown): key is string {
  return typeof key === 'string' && /^[0-9A-Za-z]+$/.test(key) && !key.endsWith('0');
}

/**
 * A key strictly between `a` and `b` (undefined = open end). Appending or prepending steps one
 * digit, so a run of n appends grows keys by about one character per 30 appends.
 */
export function keyBetween(a: string | undefined, b: string | undefined): string {
  if (a !== undefined && b !== undefined && a >= b) throw new Error(`order keys: ${a} is not before ${b}`);
  if (a === undefined && b === undefined) return 'V';
  if (b === undefined) {
    // After a: bump the first digit that can be bumped without reaching the end of the alphabet.
    const first = digit(a!, 0);
    if (first < BASE - 1) return DIGITS[first + 1];
    return DIGITS[BASE - 1] + keyBetween(a!.slice(1) || undefined, undefined);
  }
  if (a === undefined) {
    const first = digit(b, 0);
    if (first > 1) return DIGITS[first - 1];
    if (first === 1 && b.length > 1) return DIGITS[1];
    return DIGITS[0] + keyBetween(undefined, b.slice(1) || undefined);
  }
  return midpoint(a, b);
}

/** Between a < b, both defined (a may be a strict prefix of b). */
function midpoint(a: string, b: string): string {
  let n = 0;
  while (n < b.length && digit(a, n) === digit(b, n)) n++;
  const prefix = b.slice(0, n);
  const da = digit(a, n);
  const db = digit(b, n);
  if (db - da > 1) return prefix + DIGITS[Math.floor((da + db) / 2)];
  // Adjacent digits: keep a's digit and go one level deeper, after a's remainder.
  const rest = a.slice(n + 1);
  const tail = rest ? keyBetween(rest, undefined) : DIGITS[Math.floor(BASE / 2)];
  return prefix + DIGITS[da] + tail;
}

/** `count` increasing keys strictly between `a` and `b`, spread by bisection. */
export function keysBetween(a: string | undefined, b: string | undefined, count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [keyBetween(a, b)];
  const mid = keyBetween(a, b);
  const left = keysBetween(a, mid, Math.floor((count - 1) / 2));
  const right = keysBetween(mid, b, count - 1 - left.length);
  return [...left, mid, ...right];
}

/** `count` evenly spread keys of equal, minimal length: the keys of a collection encoded at once. */
export function spreadKeys(count: number): string[] {
  let length = 1;
  while (BASE ** length < 2 * (count + 1)) length++;
  const span = BASE ** length;
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    let n = Math.floor(((i + 1) * span) / (count + 1));
    let s = '';
    for (let p = 0; p < length; p++) {
      s = DIGITS[n % BASE] + s;
      n = Math.floor(n / BASE);
    }
    keys.push(s.replace(/0+$/, ''));
  }
  return keys;
}

/** Compares two (key, id) pairs: the order every replica reads a collection in. */
export function compareOrdered(a: { key: string; id: string }, b: { key: string; id: string }): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * New keys for a collection to read in `ids` order, changing as few keys as possible: the longest
 * run of elements whose current keys are already in order keeps them (an LIS, O(n log n)); each other
 * element (moved, or new: key undefined) gets a key between its kept neighbours. Returns only the
 * keys that change.
 */
export function reorderKeys(ids: readonly string[], current: readonly (string | undefined)[]): Map<string, string> {
  const n = ids.length;
  const keep = longestOrderedRun(ids, current);
  const changed = new Map<string, string>();
  let i = 0;
  while (i < n) {
    if (keep[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !keep[j]) j++;
    const lo = i > 0 ? (changed.get(ids[i - 1]) ?? current[i - 1]) : undefined;
    const hi = j < n ? current[j] : undefined;
    if (lo !== undefined && hi !== undefined && lo >= hi) {
      // Kept neighbours share a key (two inserts at one place, told apart by id): renumber everything.
      const all = spreadKeys(n);
      return new Map(ids.map((id, k) => [id, all[k]]));
    }
    keysBetween(lo, hi, j - i).forEach((key, k) => changed.set(ids[i + k], key));
    i = j;
  }
  return changed;
}

/** Marks the elements of the longest subsequence whose (key, id) pairs strictly increase. */
function longestOrderedRun(ids: readonly string[], keys: readonly (string | undefined)[]): boolean[] {
  const tails: number[] = [];
  const prev: number[] = new Array(ids.length).fill(-1);
  const at = (i: number) => ({ key: keys[i]!, id: ids[i] });
  for (let i = 0; i < ids.length; i++) {
    if (keys[i] === undefined || !isOrderKey(keys[i])) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareOrdered(at(tails[mid]), at(i)) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Array<boolean>(ids.length).fill(false);
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep[i] = true;
  return keep;
}
