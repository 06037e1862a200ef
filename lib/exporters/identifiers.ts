/**
 * Identifiers for schema languages with restricted names (Prisma, DBML): sanitizing a user's name into
 * a valid identifier, and deduplicating within a scope. The real name is kept by the caller (Prisma
 * @map/@@map, DBML quoted names).
 */

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
  private readonly taken = new Set<string>();

  constructor(
    reserved: Iterable<string> = [],
    private readonly caseInsensitive = false,
  ) {
    for (const r of reserved) this.taken.add(this.key(r));
  }

  private key(name: string): string {
    return this.caseInsensitive ? name.toLowerCase() : name;
  }

  has(name: string): boolean {
    return this.taken.has(this.key(name));
  }

  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(this.key(name)); n++) name = `${wanted}_${n}`;
    this.taken.add(this.key(name));
    return name;
  }
}

/** A double-quoted string literal (Prisma and DBML both read JSON-style escapes). */
export function quotedString(text: string): string {
  return JSON.stringify(text);
}
