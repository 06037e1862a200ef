/**
 * Structural checks of a generated DATABASE_DESIGN.md, used by the tests and the corpus property
 * tests: the headings outside code blocks, the fenced code blocks, and the template conformance.
 */
import { TEMPLATE_HEADINGS } from './template';

export interface HeadingFound {
  level: number;
  text: string;
}

export interface CodeBlock {
  info: string;
  content: string;
}

const FENCE_OPEN = /^(`{3,}|~{3,})([^`\n]*)$/;

/** Fenced code blocks in order (info string and content, content ending with a newline). */
export function codeBlocks(md: string): CodeBlock[] {
  const out: CodeBlock[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(FENCE_OPEN);
    if (!open) continue;
    const fence = open[1];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j].startsWith(fence[0].repeat(fence.length)) && lines[j].trim().split('').every((c) => c === fence[0]))) body.push(lines[j++]);
    out.push({ info: open[2].trim(), content: body.length ? `${body.join('\n')}\n` : '' });
    i = j;
  }
  return out;
}

/** ATX headings outside fenced code blocks. */
export function headingsOf(md: string): HeadingFound[] {
  const out: HeadingFound[] = [];
  let fence: string | undefined;
  for (const line of md.split('\n')) {
    const f = line.match(/^ {0,3}(`{3,}|~{3,})/);
    if (f) {
      if (fence === undefined) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const h = line.match(/^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*$/);
    if (h) out.push({ level: h[1].length, text: h[2] });
  }
  return out;
}

/** Problems with the document's conformance to the template (empty = conforms). */
export function checkDesignDocStructure(md: string): string[] {
  const problems: string[] = [];
  const found = headingsOf(md).filter((h) => h.level <= 4);
  let at = 0;
  for (const h of TEMPLATE_HEADINGS) {
    const idx = found.findIndex((f, i) => i >= at && f.level === h.level && f.text === h.text);
    if (idx < 0) problems.push(`missing or out of order: ${'#'.repeat(h.level)} ${h.text}`);
    else at = idx + 1;
  }
  const extra = found.filter((f) => !TEMPLATE_HEADINGS.some((h) => h.level === f.level && h.text === f.text));
  for (const e of extra) problems.push(`heading not in the template at level ${e.level}: ${e.text}`);
  return problems;
}

/** The body rows of the first GFM table in `md` (a section's text): 0 when it has none. */
export function firstTableRows(md: string): number {
  const lines = md.split('\n');
  const first = lines.findIndex((l) => l.startsWith('| '));
  if (first < 0) return 0;
  const end = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
  return lines.slice(first, end < 0 ? undefined : end).filter((l) => l.startsWith('| ')).length - 1;
}
