/**
 * Making arbitrary names and comments safe inside mermaid erDiagram text (mermaid 11 grammar, read from
 * node_modules/mermaid's compiled erDiagram.jison, and its renderer):
 * - Entity ids are lexed as UNICODE_TEXT, but many words are keywords first (`one`, `many`, `to`, `u`,
 *   `style`, `class`, ...): ids are ASCII identifiers we allocate, never the user's name.
 * - Entity aliases `id["..."]` and relationship labels are double-quoted strings that may not contain
 *   `"`, `%`, `\`, CR/LF; attribute comments may not contain `"`. A line anywhere containing
 *   `direction TB` (and BT/RL/LR) is taken as a direction statement. `%%{` anywhere opens a directive.
 * - Attribute types and names are ATTRIBUTE_WORDs, and `PK`/`FK`/`UK` as whole words are always keys.
 * - When rendering, every label goes through Markdown (marked: backticks, `*`, `_`, `~`, `[`, leading
 *   `-`/`+`/`1.`, autolinks; anything but emphasis shows "Unsupported markdown: ..."), `~x~` generics,
 *   `$$...$$` KaTeX, and `fa:fa-...` icons.
 * Quoted text is therefore written with mermaid's entity codes (`#quot;`, `#37;`, ...), which mermaid
 * keeps as placeholders through parsing and Markdown and turns back into the characters in the SVG:
 * the diagram shows the exact name (tested by rendering in Chromium).
 */
import { UniqueNames } from '../naming/unique-names';

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u000b\u000c\u0085]/g;

/** Characters always replaced by mermaid entity codes (`#name;` / `#NN;`) inside quoted strings. */
const ENTITY_CODES: Record<string, string> = {
  '"': '#quot;',
  '%': '#37;',
  '\\': '#92;',
  '#': '#35;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '`': '#96;',
  '*': '#42;',
  '~': '#126;',
  '[': '#91;',
  ']': '#93;',
  '$': '#36;',
  '@': '#64;',
  ':': '#58;',
};
const ALWAYS_ENCODED = /["%\\#<>&`*~[\]$@:]/g;

/** Markdown block starts a label could begin with: indentation, list bullets, ordered lists, `=`. */
function encodeLineStart(body: string): string {
  return body
    .replace(/^ +/, (spaces) => '#32;'.repeat(spaces.length))
    .replace(/^[-+=]/, (c) => `#${c.charCodeAt(0)};`)
    .replace(/^(\d{1,9})([.)])/, (_m, digits: string, mark: string) => `${digits}#${mark.charCodeAt(0)};`);
}

const ALNUM = /[\p{L}\p{N}]/u;

/** `_` between two letters/digits is literal in Markdown; anywhere else it could open or close emphasis. */
function encodeUnderscores(body: string): string {
  return body.replace(/_/g, (u, i: number, whole: string) => (ALNUM.test(whole[i - 1] ?? '') && ALNUM.test(whole[i + 1] ?? '') ? u : '#95;'));
}

/** Anything mermaidQuoted must rewrite; most names have none of it and take the fast path. */
const NEEDS_QUOTING_WORK = /["%\\#<>&`*~[\]$@:\u0000-\u001f\u007f\u0085\u2028\u2029]|direction|www\.|^[\s\-+=\d]|(?:^|[^\p{L}\p{N}])_|_(?:$|[^\p{L}\p{N}])/iu;

/**
 * Text for a double-quoted mermaid string (entity alias, relationship label, attribute comment):
 * exactly `text` once mermaid decodes its entity codes. Control characters and line breaks become
 * spaces; `direction` followed by whitespace gets a zero-width space so it can never read as a
 * direction statement.
 */
export function mermaidQuoted(text: string): string {
  if (!NEEDS_QUOTING_WORK.test(text)) return `"${text}"`;
  let body = text
    .replace(LINE_BREAK, ' ')
    // Other C0 controls (including backspace, excluded by the ENTITY_NAME rule) and DEL.
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(ALWAYS_ENCODED, (c) => ENTITY_CODES[c])
    .replace(/(www)\./gi, '$1#46;')
    .replace(/(direction)(?=\s)/gi, '$1\u200b');
  body = encodeLineStart(encodeUnderscores(body));
  return `"${body}"`;
}

/** Decodes what mermaidQuoted encoded (for tests and for reading our own diagrams back). */
export function decodeMermaidQuoted(quoted: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  return quoted
    .replace(/^"|"$/g, '')
    .replace(/\u200b/g, '')
    .replace(/#(\w+);/g, (m, code: string) => (/^\d+$/.test(code) ? String.fromCharCode(Number(code)) : (named[code] ?? m)));
}

/** Words the erDiagram lexer reads as keywords before it reads an identifier (case-insensitive). */
const RESERVED_WORDS = new Set([
  'erdiagram', 'style', 'class', 'classdef', 'direction', 'acctitle', 'accdescr', 'title',
  'one', 'many', 'only', 'zero', 'more', 'or', 'to', 'optionally', 'u', 'pk', 'fk', 'uk',
  'tb', 'bt', 'rl', 'lr', 'end',
]);

function asciiWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Allocates entity ids: an ASCII identifier derived from the name (readable diagram source), made
 * unique case-insensitively and never a keyword. The user's exact name is the entity's alias.
 */
export function entityIdAllocator(): (name: string) => string {
  // Linear however many names share a base (long names often share their first 48 characters).
  const used = new UniqueNames((id) => id.toLowerCase());
  return (name) => {
    let base = asciiWord(name).slice(0, 48).replace(/_+$/, '');
    if (base === '') base = 'table';
    if (/^\d/.test(base) || RESERVED_WORDS.has(base.toLowerCase())) base = `t_${base}`;
    return used.claim(base, (k) => (k === 0 ? base : `${base}_${k + 1}`));
  };
}

/** Characters an ATTRIBUTE_WORD may hold (the lexer's class, minus `-`, `*`, brackets, and non-letters). */
const WORD_CHAR = /[A-Za-z0-9_]|[\u00c0-\uffff]/;
const UNICODE_WORD_CHAR = /[\p{L}\p{N}]/u;
/** Plain identifiers; no leading/trailing `_`, which Markdown could read as emphasis (`__init__`). */
const PLAIN_WORD = /^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$/;
const KEY_WORD = /^(pk|fk|uk)$/i;

/**
 * One ATTRIBUTE_WORD for an attribute name or type: letters, digits and `_` only (ASCII, or Unicode
 * letters/digits from U+00C0 on, which the lexer accepts), never starting with a digit, never a key
 * word. Each run of other characters becomes one `_`, dropped at the ends.
 * `varchar(255)` -> `varchar_255`, `integer[]` -> `integer_array`, `pk` -> `pk_`.
 */
export function attributeWord(text: string, fallback: string): string {
  // Fast path: most column names and types are already plain identifiers.
  if (PLAIN_WORD.test(text) && !KEY_WORD.test(text)) return text;
  let word = '';
  let pendingGap = false;
  for (const c of text.replace(/\[\]/g, ' array')) {
    // `_` is a separator like any other: runs collapse and ends are trimmed (no `__x__` emphasis).
    const ok = c !== '_' && WORD_CHAR.test(c) && (c.charCodeAt(0) < 0xc0 || UNICODE_WORD_CHAR.test(c));
    if (!ok) {
      pendingGap = true;
      continue;
    }
    if (pendingGap && word !== '') word += '_';
    pendingGap = false;
    word += c;
  }
  if (word === '') word = fallback;
  if (/^\d/.test(word)) word = `_${word}`;
  if (KEY_WORD.test(word)) word = `${word}_`;
  return word;
}
