/**
 * The names the engines give the indexes behind unnamed primary keys and unique constraints, so the
 * index strategy table names what `\d table` / `SHOW INDEX` will show.
 *
 * PostgreSQL (src/backend/commands/indexcmds.c, ChooseRelationName/makeObjectName): `<table>_pkey`,
 * `<table>_<col1>_<col2>_key`, the two name parts shortened alternately (longest first) until the whole
 * fits 63 bytes, cut on a character boundary; on a clash in the schema, `key1`, `key2`... as the label.
 * MySQL/MariaDB: `PRIMARY`; an unnamed UNIQUE takes its first column's name, then `<col>_2`, `<col>_3`.
 */

const PG_MAX_IDENTIFIER_BYTES = 63;
/** UTF-8 length of one code point. */
function codePointBytes(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) n += codePointBytes(ch.codePointAt(0)!);
  return n;
}

/** The longest prefix of `s` that fits in `bytes` UTF-8 bytes without splitting a character. */
function clipBytes(s: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const ch of s) {
    const n = codePointBytes(ch.codePointAt(0)!);
    if (used + n > bytes) break;
    used += n;
    end += ch.length;
  }
  return s.slice(0, end);
}

/** PostgreSQL's makeObjectName(name1, name2, label). */
export function pgObjectName(name1: string, name2: string | undefined, label: string): string {
  let overhead = label.length + 1;
  if (name2 !== undefined) overhead += 1;
  const avail = PG_MAX_IDENTIFIER_BYTES - overhead;
  let n1 = byteLength(name1);
  let n2 = name2 !== undefined ? byteLength(name2) : 0;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  const part1 = clipBytes(name1, n1);
  const part2 = name2 !== undefined ? clipBytes(name2, n2) : undefined;
  return part2 !== undefined ? `${part1}_${part2}_${label}` : `${part1}_${label}`;
}

/**
 * Chooses unclashing implicit names within one namespace, the way each engine does. One chooser per
 * PostgreSQL schema (index names are schema-wide) or per MySQL table (index names are per table).
 */
export function pgNameChooser(taken: Iterable<string> = []): (table: string, columns: string | undefined, label: 'pkey' | 'key') => string {
  const used = new Set(taken);
  return (table, columns, label) => {
    let name = pgObjectName(table, columns, label);
    for (let pass = 1; used.has(name); pass++) name = pgObjectName(table, columns, `${label}${pass}`);
    used.add(name);
    return name;
  };
}

export function mysqlUniqueNameChooser(taken: Iterable<string> = []): (firstColumn: string) => string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  return (firstColumn) => {
    let name = firstColumn;
    for (let n = 2; used.has(name.toLowerCase()) || name.toLowerCase() === 'primary'; n++) name = `${firstColumn}_${n}`;
    used.add(name.toLowerCase());
    return name;
  };
}
