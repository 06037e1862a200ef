/** Small helpers over SQL fragments the user wrote (expressions, predicates, view bodies). */
import { unquotedValue, type SqlLexer } from '../sql-lexer';

/**
 * Replaces the keyword VALUE (a domain CHECK's placeholder) with `replacement`, outside string
 * literals, quoted identifiers and comments, so a domain's checks can be inlined as column checks.
 * `lexer`: the rules of the dialect the expression is written in.
 */
export function replaceValueKeyword(expression: string, replacement: string, lexer: SqlLexer): string {
  let out = '';
  for (const t of lexer.tokens(expression)) {
    const text = expression.slice(t.start, t.end);
    out += t.kind === 'word' && text.toUpperCase() === 'VALUE' ? replacement : text;
  }
  return out;
}

/** A view body or expression without trailing semicolons and whitespace. */
export function trimStatement(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}

/**
 * The identifiers an expression mentions (lower-cased, unquoted), outside string literals and
 * comments. A conservative reading used only to warn about checks MySQL rejects and about texts a
 * rename could not rewrite; it may include keywords and function names.
 */
export function identifiersIn(expression: string, lexer: SqlLexer): Set<string> {
  const out = new Set<string>();
  for (const t of lexer.tokens(expression)) {
    if (t.kind === 'word') out.add(expression.slice(t.start, t.end).toLowerCase());
    else if (t.kind === 'identifier') out.add(unquotedValue(expression, t).toLowerCase());
  }
  return out;
}

/**
 * `text` safe inside a one-line comment: line breaks and other control characters (which would end a
 * `--` comment and let a name inject SQL) written as `\n`, `\u2028`...; tabs as spaces.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return ' ';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
