/**
 * Markdown escaping for user-provided text (names, comments, SQL fragments) placed into generated
 * GitHub-flavoured Markdown: table cells, inline code, headings and plain paragraphs. Every function
 * here turns arbitrary text into Markdown that renders as exactly that text and can never open a
 * block (heading, list, quote, code block), a link, emphasis, raw HTML or break a table row.
 */

/**
 * One pass over the text: characters with inline meaning in CommonMark/GFM get a backslash;
 * HTML-significant ones become entities (`<script>` must show as text, never run).
 */
const INLINE_SPECIAL = /[\\`*_[\]~|!&<>]/g;
const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escapeChar = (c: string) => HTML_ENTITY[c] ?? `\\${c}`;

/** Any line break (CRLF, CR, LF, Unicode line/paragraph separators). */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * Escapes text for use inside one line of Markdown (no block-level meaning): emphasis, links, code
 * spans, raw HTML, entities, strike-through and table pipes are neutralised. Line breaks become spaces.
 */
export function escapeInline(text: string): string {
  return text.replace(LINE_BREAK, ' ').replace(INLINE_SPECIAL, escapeChar);
}

/**
 * Neutralises what a line could start: ATX headings (`#`), list items (`-`, `+`, `*`, `1.`, `1)`),
 * block quotes (`>`, already an entity), setext underlines (`=`), thematic breaks and indented code.
 */
function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  return trimmed.replace(/^([#+\-=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** One line of plain text (e.g. a derived sentence that starts with a user's name). */
export function escapeLine(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/**
 * Multi-line plain text as Markdown paragraphs: each line escaped, line breaks kept as hard breaks
 * (two spaces are invisible and fragile in diffs, so a trailing backslash is used) and blank lines kept
 * as paragraph breaks.
 */
export function escapeText(text: string): string {
  const lines = text.split(LINE_BREAK).map((line) => escapeLineStart(escapeInline(line)).trimEnd());
  const out: string[] = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    // A hard break only between two non-empty lines of the same paragraph.
    out.push(line !== '' && next !== undefined && next !== '' ? `${line}\\` : line);
  });
  return out.join('\n').trim();
}

/**
 * A GFM table cell: inline-escaped (so `|` cannot split the row), line breaks as `<br>`, and never
 * empty-looking when the text is blank (an empty string stays empty, which GFM renders as an empty cell).
 */
export function tableCell(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) => escapeInline(line).trim())
    .join('<br>')
    .trim();
}

/**
 * The length of the longest run of backticks in `text`, 0 when none. A loop, not
 * `Math.max(...matches)`: a long comment full of backticks has more runs than a call has room for
 * arguments (a RangeError: "Maximum call stack size exceeded").
 */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 96) {
      run++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  return longest;
}

/**
 * An inline code span showing `text` verbatim: the fence is one backtick longer than the longest run
 * inside, and a space pads content that starts or ends with a backtick (CommonMark strips one space
 * on each side). Line breaks become spaces. With `inTable`, `|` is escaped as `\|`, which GFM removes
 * even inside code spans, so the pipe shows and the row stays intact.
 */
export function inlineCode(text: string, options: { inTable?: boolean } = {}): string {
  let body = text.replace(LINE_BREAK, ' ');
  if (options.inTable) body = body.replace(/\|/g, '\\|');
  if (body === '') return '` `';
  const longestRun = longestBacktickRun(body);
  const fence = '`'.repeat(longestRun + 1);
  // Pad when the content starts/ends with a backtick, or is all spaces on both ends (CommonMark
  // would strip exactly one space from each side of such content).
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '');
  return pad ? `${fence} ${body} ${fence}` : `${fence}${body}${fence}`;
}

/** An ATX heading of the given level whose text is exactly `text` (trailing `#` escaped too). */
export function heading(level: 1 | 2 | 3 | 4 | 5 | 6, text: string): string {
  const body = escapeInline(text).trim().replace(/#/g, '\\#');
  return `${'#'.repeat(level)} ${body}`;
}

/**
 * A GFM table. Header and cell values are raw text (escaped here) unless a cell is already Markdown,
 * marked by wrapping it with `markdown()`.
 */
export interface MarkdownCell {
  readonly markdown: string;
}

export function markdown(text: string): MarkdownCell {
  return { markdown: text };
}

function renderCell(cell: string | MarkdownCell): string {
  return typeof cell === 'string' ? tableCell(cell) : cell.markdown;
}

export function markdownTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | MarkdownCell>>): string {
  const line = (cells: ReadonlyArray<string | MarkdownCell>) => `| ${cells.map(renderCell).join(' | ')} |`;
  const out = [line(headers), `|${headers.map(() => '---').join('|')}|`];
  for (const row of rows) {
    if (row.length !== headers.length) throw new Error(`markdownTable: row has ${row.length} cells, expected ${headers.length}`);
    out.push(line(row));
  }
  return out.join('\n');
}
