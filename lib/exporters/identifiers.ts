/**
 * Identifiers for schema languages with restricted names (Prisma, DBML): sanitizing a user's name into
 * a valid identifier, and deduplicating within a scope. The real name is kept by the caller (Prisma
 * @map/@@map, DBML quoted names).
 */
import { UniqueNames } from '../naming/unique-names';

/** Letters, digits and underscores, starting with a letter; other characters become `_`. */
export function sanitizeIdentifier(name: string, fallback: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (s === '') s = fallback;
  if (!/^[A-Za-z]/.test(s)) s = `${fallback}_${s}`;
  return s;
}

/** Hands out names unique within a scope (case-insensitive when `caseInsensitive`): `x`, `x_2`, `x_3`... */
export class NameScope {
  private readonly names: UniqueNames;

  constructor(reserved: Iterable<string> = [], caseInsensitive = false) {
    this.names = new UniqueNames(caseInsensitive ? (name) => name.toLowerCase() : undefined);
    for (const r of reserved) this.names.add(r);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** Linear in the number of claims however many share one name (see UniqueNames). */
  claim(wanted: string): string {
    return this.names.claim(wanted, (k) => (k === 0 ? wanted : `${wanted}_${k + 1}`));
  }
}

/** A double-quoted string literal (Prisma and DBML both read JSON-style escapes). */
export function quotedString(text: string): string {
  return JSON.stringify(text);
}
