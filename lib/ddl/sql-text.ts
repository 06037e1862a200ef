/** Small helpers over SQL fragments the user wrote (expressions, predicates, view bodies). */

/**
 * Replaces the keyword VALUE (a domain CHECK's placeholder) with `replacement`, outside string
 * literals and quoted identifiers, so a domain's checks can be inlined as column checks.
 */
export function replaceValueKeyword(expression: string, replacement: string): string {
  let out = '';
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < expression.length) {
        if (expression[j] === ch) {
          if (expression[j + 1] === ch) j += 2;
          else break;
        } else if (expression[j] === '\\' && ch === "'") j += 2;
        else j++;
      }
      out += expression.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < expression.length && /[A-Za-z0-9_$]/.test(expression[j])) j++;
      const word = expression.slice(i, j);
      out += word.toUpperCase() === 'VALUE' ? replacement : word;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** A view body or expression without trailing semicolons and whitespace. */
export function trimStatement(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}

/**
 * The identifiers an expression mentions (lower-cased, unquoted), outside string literals. A
 * conservative reading used only to warn about checks MySQL rejects; it may include function names.
 */
export function identifiersIn(expression: string): Set<string> {
  const out = new Set<string>();
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i];
    if (ch === "'") {
      let j = i + 1;
      while (j < expression.length && !(expression[j] === "'" && expression[j + 1] !== "'")) j += expression[j] === "'" || expression[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else if (ch === '"' || ch === '`') {
      const end = expression.indexOf(ch, i + 1);
      const stop = end < 0 ? expression.length : end;
      out.add(expression.slice(i + 1, stop).toLowerCase());
      i = stop + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < expression.length && /[A-Za-z0-9_$]/.test(expression[j])) j++;
      out.add(expression.slice(i, j).toLowerCase());
      i = j;
    } else i++;
  }
  return out;
}
