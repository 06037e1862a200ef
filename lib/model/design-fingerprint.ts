/**
 * A fingerprint of the design, for the sign-off (issue 16): an approval records it, and "any later
 * change to the design moves it back to draft" is a comparison, true whatever path changed the
 * document (an edit, an import merged in, a PUT of the API). Layout (positions, colours, viewport)
 * and the governance record itself are not the design; everything else is, narrative included.
 */
import type { SchemaDocument } from './document';
import type { DesignStatus } from './governance';

/** JSON with object keys sorted, so documents equal in content hash alike whatever their key order. */
function canonical(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(value === undefined ? 'null' : JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((v, i) => {
      if (i) out.push(',');
      canonical(v, out);
    });
    out.push(']');
    return;
  }
  out.push('{');
  let first = true;
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    canonical(v, out);
  }
  out.push('}');
}

/** FNV-1a, 64 bits as two 32-bit halves (no BigInt in the hot loop), as 16 hex digits. */
export function fnv1a64(text: string): string {
  // lo / hi 32 bits of the 64-bit state; offset basis 0xcbf29ce484222325, prime 2^40 + 0x1b3.
  let lo = 0x84222325;
  let hi = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0;
    const carry = Math.floor((lo * 0x1b3) / 0x100000000);
    const nextHi = (Math.imul(hi, 0x1b3) + (lo << 8) + carry) >>> 0;
    lo = Math.imul(lo, 0x1b3) >>> 0;
    hi = nextHi;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/**
 * Hashes of single elements, by object identity. Edits replace only the objects they change (immer's
 * structural sharing), so after the first call a fingerprint re-hashes the changed tables and
 * relationships, not the whole document: the sign-off status is read on every edit while the Design
 * doc tab is open (1,000 tables: ~180 ms for a whole-document hash, against a few ms per edit).
 */
const elementHashes = new WeakMap<object, string>();

function elementHash(value: object): string {
  let h = elementHashes.get(value);
  if (h === undefined) {
    const parts: string[] = [];
    canonical(value, parts);
    h = fnv1a64(parts.join(''));
    elementHashes.set(value, h);
  }
  return h;
}

/** A large record as `id:hash` of each element, in id order (so element key order never matters). */
function recordDigest(record: Record<string, object>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of Object.keys(record).sort()) out[id] = elementHash(record[id]);
  return out;
}

export function designFingerprint(doc: SchemaDocument): string {
  const parts: string[] = [];
  canonical({ ...doc, layout: undefined, governance: undefined, tables: recordDigest(doc.tables), relationships: recordDigest(doc.relationships) }, parts);
  return fnv1a64(parts.join(''));
}

/**
 * The status the document really has: `approved` only while the design is the one approved (an
 * approval whose fingerprint no longer matches is stale and the design is a draft again).
 */
export function effectiveStatus(doc: SchemaDocument): { status: DesignStatus; staleApproval: boolean } {
  const g = doc.governance;
  if (g?.approval) {
    if (g.approval.fingerprint === designFingerprint(doc)) return { status: 'approved', staleApproval: false };
    return { status: 'draft', staleApproval: true };
  }
  const declared = g?.status ?? 'draft';
  return { status: declared === 'approved' ? 'draft' : declared, staleApproval: false };
}
