/**
 * Where a schema file declares each element, by name: the offset of every CREATE TABLE (and of each
 * column, named constraint and inline index in it), CREATE INDEX, named foreign key, enum and view
 * in SQL; every model/field/enum in Prisma; every Table/column/Enum in DBML. `draftbase lint` turns
 * them into `file:line:col` for findings (source-locations.ts matches the names to the document).
 *
 * The importers do not keep positions per element; this reads the declarations again, token by
 * token with lib/sql-lexer (quotes, comments and dollar quotes are its business), and only ever
 * finds where a name is declared: a statement it does not recognise is passed over.
 */
import { SQL_LEXERS, dbmlLexer, unquotedValue, type SqlLexer, type Token } from '../../sql-lexer';
import type { Dialect } from '../../model/document';

export interface NamedAt {
  name: string;
  offset: number;
}

export interface DeclaredTable extends NamedAt {
  schema?: string;
  columns: NamedAt[];
  /** Named constraints and inline indexes (`CONSTRAINT fk_x FOREIGN KEY`, MySQL `KEY ix (a)`). */
  parts: NamedAt[];
}

export interface DeclaredNames {
  tables: DeclaredTable[];
  /** CREATE INDEX and ALTER TABLE .. ADD CONSTRAINT: a name on a table. */
  tableParts: Array<NamedAt & { schema?: string; table: string }>;
  enums: Array<NamedAt & { schema?: string }>;
  views: Array<NamedAt & { schema?: string }>;
}

const emptyNames = (): DeclaredNames => ({ tables: [], tableParts: [], enums: [], views: [] });

/** Words that start a table element which is not a column. */
const TABLE_CONSTRAINT_WORDS = new Set(['constraint', 'primary', 'unique', 'foreign', 'check', 'exclude', 'key', 'index', 'fulltext', 'spatial', 'like', 'period']);
/** Constraint words that are also common column names (`key`, `fulltext`, `index`). */
const INDEX_WORDS = new Set(['key', 'index', 'fulltext', 'spatial']);

/**
 * `key varchar(255)` / `fulltext tsvector` (columns) against `KEY ix (a)` / `FULLTEXT KEY ix (a)` /
 * `KEY (a)` (MySQL inline indexes): an index names columns in its parentheses, a type a length.
 */
function isColumnNamed(s: TokenStream, i: number): boolean {
  if (s.punct(i + 1) === '(' || INDEX_WORDS.has(s.word(i + 1) ?? '')) return false;
  if (s.name(i + 1) === undefined) return true;
  if (s.punct(i + 2) !== '(') return true;
  return s.name(i + 3) === undefined;
}

/** Modifiers between CREATE and the object kind. */
const CREATE_MODIFIERS = new Set(['or', 'replace', 'temporary', 'temp', 'unlogged', 'global', 'local', 'materialized', 'recursive', 'unique', 'algorithm', 'sql', 'security', 'undefined', 'merge', 'temptable', 'invoker', 'force']);
/** What a MySQL DEFINER clause can precede. */
const DEFINED_KINDS = new Set(['view', 'trigger', 'procedure', 'function', 'event', 'sql']);

class TokenStream {
  readonly tokens: Token[];
  constructor(
    readonly text: string,
    lexer: SqlLexer,
  ) {
    this.tokens = [];
    this.collect(lexer, 0, text.length);
  }

  /** Comments and whitespace never name anything, but a MySQL `/*!50705 ... *\/` comment holds SQL the server runs (sakila's columns). */
  private collect(lexer: SqlLexer, from: number, to: number): void {
    for (const t of lexer.tokens(this.text, from, to)) {
      if (t.kind === 'comment' && t.executable) {
        let inner = t.start + 3;
        while (inner < t.end && this.text.charCodeAt(inner) >= 48 && this.text.charCodeAt(inner) <= 57) inner++;
        this.collect(lexer, inner, t.closed ? t.end - 2 : t.end);
      } else if (t.kind !== 'space' && t.kind !== 'comment') this.tokens.push(t);
    }
  }

  word(i: number): string | undefined {
    const t = this.tokens[i];
    return t?.kind === 'word' ? this.text.slice(t.start, t.end).toLowerCase() : undefined;
  }

  punct(i: number): string | undefined {
    const t = this.tokens[i];
    return t?.kind === 'punct' ? this.text[t.start] : undefined;
  }

  /** An identifier (plain word or quoted) at `i`. */
  name(i: number): string | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (t.kind === 'word') return this.text.slice(t.start, t.end);
    if (t.kind === 'identifier') return unquotedValue(this.text, t);
    return undefined;
  }

  /** `a.b.c` at `i`: the parts and the index after it. */
  qualified(i: number): { parts: string[]; next: number } | undefined {
    const first = this.name(i);
    if (first === undefined) return undefined;
    const parts = [first];
    let j = i + 1;
    while (this.punct(j) === '.' && this.name(j + 1) !== undefined) {
      parts.push(this.name(j + 1)!);
      j += 2;
    }
    return { parts, next: j };
  }

  /** Skips `if not exists` / `if exists` at `i`. */
  skipIfExists(i: number): number {
    if (this.word(i) !== 'if') return i;
    let j = i + 1;
    if (this.word(j) === 'not') j++;
    return this.word(j) === 'exists' ? j + 1 : i;
  }
}

function schemaAndName(parts: string[]): { schema?: string; name: string } {
  const name = parts[parts.length - 1];
  return parts.length > 1 ? { schema: parts[parts.length - 2], name } : { name };
}

/** The columns, named constraints and inline indexes of a CREATE TABLE body; returns the index after its `)`. */
function tableBody(s: TokenStream, open: number, table: DeclaredTable): number {
  let depth = 0;
  let itemStart = open + 1;
  for (let i = open; i < s.tokens.length; i++) {
    const p = s.punct(i);
    if (p === '(') {
      depth++;
      continue;
    }
    if (p === ')') {
      depth--;
      if (depth === 0) return i + 1;
      continue;
    }
    if (depth !== 1) continue;
    if (i === itemStart) tableItem(s, i, table);
    if (p === ',') itemStart = i + 1;
  }
  return s.tokens.length;
}

function tableItem(s: TokenStream, i: number, table: DeclaredTable): void {
  const offset = s.tokens[i].start;
  const w = s.word(i);
  if (w === 'constraint') {
    const name = s.name(i + 1);
    if (name !== undefined) table.parts.push({ name, offset });
    return;
  }
  if (w !== undefined && TABLE_CONSTRAINT_WORDS.has(w) && !(INDEX_WORDS.has(w) && isColumnNamed(s, i))) {
    // MySQL inline indexes: KEY ix (..), UNIQUE KEY ix (..), FULLTEXT INDEX ix (..).
    let j = i + 1;
    while (['key', 'index', 'unique'].includes(s.word(j) ?? '')) j++;
    const name = s.punct(j) === '(' ? undefined : s.name(j);
    if (name !== undefined && w !== 'primary' && w !== 'foreign' && w !== 'check' && w !== 'like') table.parts.push({ name, offset });
    return;
  }
  const name = s.name(i);
  if (name !== undefined) table.columns.push({ name, offset });
}

/** CREATE TABLE / INDEX / TYPE .. AS ENUM / VIEW and ALTER TABLE .. ADD CONSTRAINT, in SQL of either dialect. */
export function sqlDeclaredNames(text: string, dialect: Dialect): DeclaredNames {
  const s = new TokenStream(text, SQL_LEXERS[dialect]);
  const out = emptyNames();
  for (let i = 0; i < s.tokens.length; i++) {
    const w = s.word(i);
    if (w === 'create') i = createStatement(s, i, out) - 1;
    else if (w === 'alter' && s.word(i + 1) === 'table') i = alterTable(s, i, out) - 1;
  }
  return out;
}

function createStatement(s: TokenStream, at: number, out: DeclaredNames): number {
  const offset = s.tokens[at].start;
  let j = at + 1;
  for (;;) {
    const w = s.word(j);
    if (w === 'definer') {
      // MySQL's DEFINER=`user`@`host`: up to the object kind.
      while (j < s.tokens.length && !DEFINED_KINDS.has(s.word(j) ?? '') && s.punct(j) !== ';') j++;
      continue;
    }
    if ((w !== undefined && CREATE_MODIFIERS.has(w)) || s.punct(j) === '=') j++;
    else break;
  }
  const kind = s.word(j);
  if (kind === 'table') {
    const q = s.qualified(s.skipIfExists(j + 1));
    if (!q) return j + 1;
    const table: DeclaredTable = { ...schemaAndName(q.parts), offset, columns: [], parts: [] };
    out.tables.push(table);
    return s.punct(q.next) === '(' ? tableBody(s, q.next, table) : q.next;
  }
  if (kind === 'index') {
    let k = j + 1;
    if (s.word(k) === 'concurrently') k++;
    k = s.skipIfExists(k);
    const name = s.word(k) === 'on' ? undefined : s.qualified(k);
    if (name) k = name.next;
    if (s.word(k) !== 'on') return k;
    k++;
    if (s.word(k) === 'only') k++;
    const table = s.qualified(k);
    if (table && name) out.tableParts.push({ ...schemaAndName(table.parts), table: schemaAndName(table.parts).name, name: schemaAndName(name.parts).name, offset });
    return table?.next ?? k;
  }
  if (kind === 'type') {
    const q = s.qualified(s.skipIfExists(j + 1));
    if (q && s.word(q.next) === 'as' && s.word(q.next + 1) === 'enum') out.enums.push({ ...schemaAndName(q.parts), offset });
    return q?.next ?? j + 1;
  }
  if (kind === 'view') {
    const q = s.qualified(s.skipIfExists(j + 1));
    if (q) out.views.push({ ...schemaAndName(q.parts), offset });
    return q?.next ?? j + 1;
  }
  return j;
}

/** ALTER TABLE [ONLY] [IF EXISTS] t ... ADD CONSTRAINT name ...: every named constraint up to the `;`. */
function alterTable(s: TokenStream, at: number, out: DeclaredNames): number {
  let k = at + 2;
  k = s.skipIfExists(k);
  if (s.word(k) === 'only') k++;
  const table = s.qualified(k);
  if (!table) return k;
  const { schema, name: tableName } = schemaAndName(table.parts);
  let depth = 0;
  for (k = table.next; k < s.tokens.length; k++) {
    const p = s.punct(k);
    if (p === ';' && depth === 0) return k + 1;
    if (p === '(') depth++;
    else if (p === ')') depth--;
    else if (depth === 0 && s.word(k) === 'constraint' && s.word(k - 1) === 'add') {
      const name = s.name(k + 1);
      if (name !== undefined) out.tableParts.push({ schema, table: tableName, name, offset: s.tokens[k - 1].start });
    }
  }
  return k;
}

/** Prisma: `model X {` (with `@@map`), its fields (with `@map`), `enum X {`, `view X {`. */
export function prismaDeclaredNames(text: string): DeclaredNames {
  const out = emptyNames();
  let block: { kind: 'model' | 'enum'; name: string; offset: number; map?: string; columns: NamedAt[] } | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const indent = line.length - line.trimStart().length;
    const code = line.replace(/\/\/.*$/, '').trim();
    if (!block) {
      const m = /^(model|view|enum)\s+(\w+)\s*\{/.exec(code);
      if (m) block = { kind: m[1] === 'enum' ? 'enum' : 'model', name: m[2], offset: lineStart + indent, columns: [] };
      continue;
    }
    if (code.startsWith('}')) {
      const name = block.map ?? block.name;
      if (block.kind === 'enum') out.enums.push({ name, offset: block.offset });
      else out.tables.push({ name, offset: block.offset, columns: block.columns, parts: [] });
      block = undefined;
      continue;
    }
    const map = /^@@map\(\s*(?:name:\s*)?"([^"]*)"/.exec(code);
    if (map) block.map = map[1];
    if (block.kind !== 'model' || code.startsWith('@')) continue;
    const field = /^(\w+)\s+[\w.]+/.exec(code);
    if (field) block.columns.push({ name: /@map\(\s*(?:name:\s*)?"([^"]*)"/.exec(code)?.[1] ?? field[1], offset: lineStart + indent });
  }
  return out;
}

/** DBML: `Table [schema.]name [as alias] [settings] {` with its columns, and `Enum [schema.]name {`. */
export function dbmlDeclaredNames(text: string): DeclaredNames {
  const s = new TokenStream(text, dbmlLexer);
  const out = emptyNames();
  const startsLine = (i: number) => i === 0 || text.slice(s.tokens[i - 1].end, s.tokens[i].start).includes('\n');
  for (let i = 0; i < s.tokens.length; i++) {
    const w = s.word(i);
    if ((w !== 'table' && w !== 'enum') || !startsLine(i)) continue;
    const q = s.qualified(i + 1);
    if (!q) continue;
    const offset = s.tokens[i].start;
    let k = q.next;
    while (k < s.tokens.length && s.punct(k) !== '{') k++;
    if (w === 'enum') {
      out.enums.push({ ...schemaAndName(q.parts), offset });
      continue;
    }
    const table: DeclaredTable = { ...schemaAndName(q.parts), offset, columns: [], parts: [] };
    out.tables.push(table);
    let depth = 0;
    for (; k < s.tokens.length; k++) {
      const p = s.punct(k);
      if (p === '{') depth++;
      else if (p === '}' && --depth === 0) break;
      else if (depth === 1 && startsLine(k)) {
        const name = s.name(k);
        const next = s.punct(k + 1);
        const lower = name?.toLowerCase();
        // `indexes {`, `Note: '...'` and `note { }` are table settings, not columns.
        if (name !== undefined && next !== ':' && next !== '{' && lower !== 'indexes' && lower !== 'note') table.columns.push({ name, offset: s.tokens[k].start });
      }
    }
    i = k;
  }
  return out;
}
