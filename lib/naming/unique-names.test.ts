import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstFreeName, UniqueNames, type FirstFreeNameOptions } from './unique-names';

/** The loop every allocator used before: search from the first candidate on every call. */
function naive(fold: (s: string) => string) {
  const taken = new Set<string>();
  return {
    add: (name: string) => void taken.add(fold(name)),
    claim: (candidate: (k: number) => string) => {
      let k = 0;
      while (taken.has(fold(candidate(k)))) k++;
      taken.add(fold(candidate(k)));
      return candidate(k);
    },
  };
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('claim' as const), base: fc.constantFrom('t_c_key', 'T_C_KEY', 't_c_key1', 'x', 'x_2', 'x1') }),
  fc.record({ kind: fc.constant('add' as const), name: fc.constantFrom('t_c_key', 't_c_key2', 'T_C_KEY3', 'x', 'x_2', 'x_3', 'x12', 'x1') }),
);

describe('UniqueNames', () => {
  it.each([
    ['case-sensitive', (s: string) => s],
    ['case-insensitive', (s: string) => s.toLowerCase()],
  ])('hands out exactly the names of the naive search (%s), for any interleaving of adds and claims', (_label, fold) => {
    // Two spellings of candidates: `base1` (DDL constraint names) and `base_2` (mermaid, Prisma).
    const spellings = [(base: string) => (k: number) => (k ? `${base}${k}` : base), (base: string) => (k: number) => (k ? `${base}_${k + 1}` : base)];
    for (const spell of spellings) {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
          const fast = new UniqueNames(fold);
          const slow = naive(fold);
          for (const o of ops) {
            if (o.kind === 'add') {
              fast.add(o.name);
              slow.add(o.name);
            } else {
              expect(fast.claim(o.base, spell(o.base))).toBe(slow.claim(spell(o.base)));
            }
          }
        }),
      );
    }
  });

  it('claims 20,000 names with one base in linear time (the naive search took 200 million tries)', () => {
    const names = new UniqueNames();
    let tries = 0;
    for (let i = 0; i < 20_000; i++) {
      names.claim('t_c_key', (k) => {
        tries++;
        return k ? `t_c_key${k}` : 't_c_key';
      });
    }
    expect(names.has('t_c_key19999')).toBe(true);
    // One candidate per claim: a count, not a timing, so a loaded machine cannot flake it.
    expect(tries).toBe(20_000);
  });
});

describe('firstFreeName', () => {
  it.each<[string, string[], FirstFreeNameOptions, string]>([
    ['column', [], {}, 'column'],
    ['column', ['column'], {}, 'column_2'],
    ['column', ['COLUMN', 'column_2'], {}, 'column_3'],
    ['Column', ['column'], { fold: (s) => s }, 'Column'],
    ['view', [], { bare: false, first: 1 }, 'view_1'],
    ['view', ['VIEW_1', 'view_2'], { bare: false, first: 1 }, 'view_3'],
    ['d_check', ['d_check'], { first: 1 }, 'd_check_1'],
    ['t_check', ['t_check', 't_check1'], { first: 1, spell: (b, k) => `${b}${k}` }, 't_check2'],
  ])('%s with %j (%j) -> %s', (base, taken, options, expected) => {
    expect(firstFreeName(base, taken, options)).toBe(expected);
  });
});
