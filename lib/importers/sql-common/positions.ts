/**
 * Positions in source text: offsets to 1-based line/column in O(log n) (an importer reports hundreds
 * of skipped statements; `positionOf` from ../types scans from the start each time), UTF-8 byte
 * offsets (what libpg-query's AST reports) to UTF-16 offsets, and one-line statement excerpts.
 */

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    let p = text.indexOf('\n');
    while (p >= 0) {
      starts.push(p + 1);
      p = text.indexOf('\n', p + 1);
    }
    this.starts = starts;
  }

  /** 1-based line and column of a UTF-16 offset. */
  position(offset: number): { line: number; column: number } {
    const o = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }

  line(offset: number): number {
    return this.position(offset).line;
  }

  /** The text of a 1-based line, shortened for display. */
  lineText(line: number, max = 200): string {
    const s = this.starts[line - 1];
    if (s === undefined) return '';
    const e = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    const raw = this.text.slice(s, e).replace(/\r$/, '');
    return raw.length > max ? `${raw.slice(0, max)}…` : raw;
  }
}

/**
 * Converts UTF-8 byte offsets into UTF-16 offsets for one string. Costs nothing for ASCII text; else
 * keeps one entry per non-ASCII character.
 */
export class Utf8OffsetMap {
  /** Byte offset of each non-ASCII UTF-16 unit run start, and the bytes-minus-units excess after it. */
  private readonly byteAt: number[] = [];
  private readonly excessAfter: number[] = [];

  constructor(text: string) {
    if (!/[^\u0000-\u007f]/.test(text)) return;
    let bytes = 0;
    let excess = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        bytes++;
        continue;
      }
      let len: number;
      let units = 1;
      if (c < 0x800) len = 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        len = 4;
        units = 2;
      } else len = 3;
      this.byteAt.push(bytes);
      bytes += len;
      excess += len - units;
      this.excessAfter.push(excess);
      i += units - 1;
    }
  }

  toCharOffset(byteOffset: number): number {
    const a = this.byteAt;
    if (a.length === 0 || byteOffset <= a[0]) return byteOffset;
    let lo = 0;
    let hi = a.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (a[mid] < byteOffset) lo = mid;
      else hi = mid - 1;
    }
    return byteOffset - this.excessAfter[lo];
  }
}

/** A statement shortened to one line of at most `max` characters, for skipped-statement reports. */
export function statementExcerpt(sql: string, max = 120): string {
  const one = sql
    .slice(0, 4000)
    .replace(/\/\*(?!!)[\s\S]*?\*\//g, ' ')
    .replace(/--[^\n]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
