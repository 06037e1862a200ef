/**
 * Positions in JSON source text, so the CLI can say `file:line:col: message` both for syntax errors
 * (from JSON.parse's "at position N") and for schema errors (a dotted document path such as
 * `tables.tbl_1.columns.2.name`, located by walking the text).
 */

export interface Position {
  line: number;
  column: number;
}

/** 1-based line and column (in UTF-16 code units, as editors count them) of an offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

/**
 * The first syntax error in `text` (undefined when it is valid JSON), found by a strict RFC 8259
 * scanner: V8's JSON.parse messages on Node 20 often carry no position ("Unexpected token '}', ...
 * is not valid JSON"), and the user needs the line and column.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string): never => {
    throw { offset: i, message } satisfies JsonSyntaxError;
  };
  const describe = () => (i >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`);
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`${describe()}, expected ${word}`);
      i++;
    }
  };
  const string = () => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= text.length) {
        // Point at where the string opened: that is where the missing quote belongs.
        i = start;
        fail('unterminated string');
      }
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('control character in string (escape it, e.g. \\n)');
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape: expected 4 hex digits');
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail(`bad escape ${JSON.stringify(`\\${e ?? ''}`)}`);
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(`${describe()}, expected a value`);
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 5000) fail('nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`${describe()}, expected a property name in double quotes`);
        string();
        ws();
        if (text[i] !== ':') fail(`${describe()}, expected ':'`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`${describe()}, expected ',' or '}'`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`${describe()}, expected ',' or ']'`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail(`${describe()}, expected a value`);
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail(`${describe()} after the end of the JSON value`);
    return undefined;
  } catch (err) {
    if (err && typeof err === 'object' && 'offset' in err) return err as JsonSyntaxError;
    throw err;
  }
}

/** A parsed JSON value with where it starts; just enough structure to find a path. */
type Node =
  | { kind: 'object'; start: number; entries: Array<[string, Node]> }
  | { kind: 'array'; start: number; items: Node[] }
  | { kind: 'scalar'; start: number };

/** A minimal JSON reader recording value offsets (the text is known to be valid JSON). */
function readTree(text: string): Node {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): Node => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: Array<[string, Node]> = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', start, entries };
      }
      for (;;) {
        ws();
        const key = readString();
        ws();
        i++; // colon
        entries.push([key, value()]);
        ws();
        if (text[i++] === '}') return { kind: 'object', start, entries };
      }
    }
    if (c === '[') {
      i++;
      const items: Node[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', start, items };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i++] === ']') return { kind: 'array', start, items };
      }
    }
    if (c === '"') {
      readString();
      return { kind: 'scalar', start };
    }
    while (i < text.length && !',]} \n\r\t'.includes(text[i])) i++;
    return { kind: 'scalar', start };
  };
  return value();
}

/**
 * Offset of the value at a dotted path (`tables.tbl_1.columns.2.name`), or of the deepest existing
 * ancestor when the path goes further (a missing key points at the object that lacks it). Keys that
 * contain dots are matched too: at each object the key that prefixes the rest of the path wins.
 */
export function offsetOfPath(text: string, dottedPath: string): number {
  return pathLocator(text)(dottedPath);
}

/**
 * offsetOfPath for many paths of one text: the text is read once (`draftbase lint` places every
 * finding of a 5,000-table document).
 */
export function pathLocator(text: string): (dottedPath: string) => number {
  let root: Node | undefined;
  try {
    root = readTree(text);
  } catch {
    root = undefined;
  }
  return (dottedPath) => (root ? offsetInTree(root, dottedPath) : 0);
}

function offsetInTree(root: Node, dottedPath: string): number {
  let node = root;
  if (dottedPath === '' || dottedPath === '(root)') return node.start;
  let rest = dottedPath;
  for (;;) {
    let next: Node | undefined;
    let consumed = '';
    if (node.kind === 'object') {
      for (const [key, child] of node.entries) {
        if ((rest === key || rest.startsWith(`${key}.`)) && key.length > consumed.length) {
          next = child;
          consumed = key;
        }
      }
    } else if (node.kind === 'array') {
      const m = /^(\d+)(?:\.|$)/.exec(rest);
      if (m && node.items[Number(m[1])]) {
        next = node.items[Number(m[1])];
        consumed = m[1];
      }
    }
    if (!next) return node.start;
    node = next;
    if (rest.length === consumed.length) return node.start;
    rest = rest.slice(consumed.length + 1);
  }
}
