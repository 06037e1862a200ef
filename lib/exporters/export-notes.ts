/**
 * What an output leaves out, said in the output itself. No output is refused for the generator's
 * errors: the DDL writes a statement the target would reject commented out, with its error above it
 * (lib/ddl/commented-statements.ts), and says how many at the top; every diagnostic is listed at the
 * top of an exported file, not only counted in a response header. POST /api/render, GET
 * /api/projects/:id/export and `draftbase export` count errors with `errorsOf` (the CLI's `--strict`
 * refuses with `strictRefusal`).
 */
import type { Diagnostic } from '../model/diagnostics';
import { oneLine } from '../ddl/sql-text';

/** The errors among an output's diagnostics: each one is a statement (or more) written commented out. */
export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** The sentence `draftbase export --strict` refuses an output with errors with. */
export function strictRefusal(label: string, errors: readonly Diagnostic[]): string {
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${label} output not written (--strict): ${errors[0].message}${more}`;
}

/** How each output format writes a comment line, and closes the comment block if it has to. */
export type CommentStyle = 'sql' | 'slashes' | 'mermaid' | 'html' | 'none';

/** Entries listed one per line; the rest are counted by code. */
export const LISTED_DIAGNOSTICS = 500;

const SEVERITY_ORDER: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_LABEL: Record<Diagnostic['severity'], [string, string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['note', 'notes'] };

/**
 * One comment line's text: line breaks and other control characters (which would end the comment
 * and let a name inject SQL or Markdown) written as `\n`, `\u2028`...; in an HTML comment every
 * `--` is spaced out (`--` may not appear inside one, and `-->` would close it).
 */
export function commentSafe(text: string, style: CommentStyle): string {
  const escaped = oneLine(text);
  return style === 'html' ? escaped.replace(/-(?=-)/g, '- ') : escaped;
}

function plural(n: number, severity: Diagnostic['severity']): string {
  return `${n} ${SEVERITY_LABEL[severity][n === 1 ? 0 : 1]}`;
}

/**
 * The comment block listing `diagnostics` (errors first), to put at the top of an exported file; ''
 * when there are none or the format has no comments. `subject` names the file: "this MySQL script". Ends with a newline (and, for Markdown, a
 * blank line).
 */
export function diagnosticsComment(diagnostics: readonly Diagnostic[], style: CommentStyle, subject: string): string {
  if (!diagnostics.length || style === 'none') return '';
  const sorted = [...diagnostics].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, sorted.filter((d) => d.severity === s).length] as const).filter(([, n]) => n > 0);
  const fails = counts.some(([s]) => s === 'error') ? ', and what the target would reject (commented out where it stands)' : '';
  const lines = [`Draftbase: ${counts.map(([s, n]) => plural(n, s)).join(', ')} for ${subject}: what it leaves out or changes${fails}.`];
  for (const d of sorted.slice(0, LISTED_DIAGNOSTICS)) lines.push(`${SEVERITY_LABEL[d.severity][0]} [${d.code}] ${d.message}`);
  if (sorted.length > LISTED_DIAGNOSTICS) {
    const rest = new Map<string, number>();
    for (const d of sorted.slice(LISTED_DIAGNOSTICS)) rest.set(d.code, (rest.get(d.code) ?? 0) + 1);
    lines.push(`... and ${sorted.length - LISTED_DIAGNOSTICS} more: ${[...rest].map(([code, n]) => `${n} x ${code}`).join(', ')}`);
  }
  const safe = lines.map((l) => commentSafe(l, style));
  switch (style) {
    case 'sql':
      return `${safe.map((l) => `-- ${l}`).join('\n')}\n`;
    case 'slashes':
      return `${safe.map((l) => `// ${l}`).join('\n')}\n`;
    case 'mermaid':
      return `${safe.map((l) => `%% ${l}`).join('\n')}\n`;
    case 'html':
      return `<!--\n${safe.join('\n')}\n-->\n\n`;
    default: {
      const never: never = style;
      throw new Error(`unknown comment style ${String(never)}`);
    }
  }
}
