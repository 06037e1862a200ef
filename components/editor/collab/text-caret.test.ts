import { describe, expect, it } from 'vitest';
import { shiftCaret } from './text-caret';

describe('shiftCaret', () => {
  it('keeps a caret before the change, moves one after it, and puts one inside it at its end', () => {
    expect(shiftCaret('hello world', 'hello brave world', 3)).toBe(3);
    expect(shiftCaret('hello world', 'hello brave world', 11)).toBe(17);
    expect(shiftCaret('hello world', 'Oh, hello world', 5)).toBe(9);
    expect(shiftCaret('abcdef', 'abXYef', 3)).toBe(4);
    expect(shiftCaret('abc', 'abc', 2)).toBe(2);
    expect(shiftCaret('abcdef', 'af', 6)).toBe(2);
  });
});
