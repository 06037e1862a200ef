/**
 * Constraint and index names: derived when the document has none (PostgreSQL's conventions:
 * `<table>_pkey`, `<table>_<cols>_key`, `<table>_<cols>_fkey`, `<table>_check`), kept within the
 * dialect's identifier limit (truncate + short hash, never silently), and unique per schema.
 */
import { identifierLength, type DialectSpec } from '../dialects/types';
import { UniqueNames } from '../naming/unique-names';

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable fingerprint of the full name. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Cuts `name` to at most `max` units (bytes or characters) without splitting a character. */
export function truncateIdentifier(spec: Pick<DialectSpec, 'identifierLimit'>, name: string, max: number): string {
  // Lengths add up character by character (UTF-8 bytes or code points alike), so one pass suffices.
  let out = '';
  let length = 0;
  for (const ch of name) {
    length += identifierLength(spec, ch);
    if (length > max) break;
    out += ch;
  }
  return out;
}

/**
 * A derived name that fits the limit: unchanged when it fits, else its head plus `_` and a hash of the
 * whole (so two long derived names that share a prefix still differ). Returns whether it was shortened.
 */
export function fitDerivedName(spec: Pick<DialectSpec, 'identifierLimit'>, name: string): { name: string; shortened: boolean } {
  const max = spec.identifierLimit.max;
  if (identifierLength(spec, name) <= max) return { name, shortened: false };
  const suffix = `_${shortHash(name)}`;
  return { name: truncateIdentifier(spec, name, max - suffix.length) + suffix, shortened: true };
}

/**
 * Names already taken in each schema (PostgreSQL: indexes and constraints share the relation
 * namespace of a schema; MySQL: constraint names are per database). Case-insensitive when the
 * dialect compares names that way.
 */
export class NameRegistry {
  private readonly taken = new Map<string, UniqueNames>();
  constructor(private readonly caseInsensitive: boolean) {}

  private names(schema: string): UniqueNames {
    let s = this.taken.get(schema);
    if (!s) this.taken.set(schema, (s = new UniqueNames(this.caseInsensitive ? (name) => name.toLowerCase() : undefined)));
    return s;
  }

  has(schema: string, name: string): boolean {
    return this.names(schema).has(name);
  }

  add(schema: string, name: string): void {
    this.names(schema).add(name);
  }

  /**
   * `base`, or `base1`, `base2`... (fitted to the limit) — the first one free in `schema`; reserves it.
   * Linear in the number of claims per base (see UniqueNames), however many share one base.
   */
  claim(schema: string, base: string, fit: (name: string) => string): string {
    return this.names(schema).claim(base, (k) => fit(k === 0 ? base : `${base}${k}`));
  }
}
