import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareOrdered, isOrderKey, keyBetween, keysBetween, reorderKeys, spreadKeys } from './order-keys';

const keyArb = fc.stringMatching(/^[0-9A-Za-z]{0,6}[1-9A-Za-z]$/);

describe('order keys', () => {
  it('finds a well-formed key strictly between any two keys, or past either end', () => {
    fc.assert(fc.property(keyArb, keyArb, (x, y) => {
      if (x === y) return;
      const [a, b] = x < y ? [x, y] : [y, x];
      for (const [lo, hi] of [[a, b], [a, undefined], [undefined, b]] as const) {
        const k = keyBetween(lo, hi);
        expect(isOrderKey(k), k).toBe(true);
        if (lo !== undefined) expect(k > lo, `${k} > ${lo}`).toBe(true);
        if (hi !== undefined) expect(k < hi, `${k} < ${hi}`).toBe(true);
      }
    }));
  });

  it('keeps appended keys short: 1,000 appends stay under 40 characters', () => {
    let k: string | undefined;
    for (let i = 0; i < 1000; i++) k = keyBetween(k, undefined);
    expect(k!.length).toBeLessThan(40);
  });

  it('spreads n keys evenly, increasing, of equal length', () => {
    for (const n of [0, 1, 2, 61, 62, 1000, 10_000]) {
      const keys = spreadKeys(n);
      expect(keys).toHaveLength(n);
      for (let i = 1; i < n; i++) expect(keys[i - 1] < keys[i]).toBe(true);
      expect(keys.every(isOrderKey)).toBe(true);
    }
    expect(keysBetween('a', 'b', 5).every((k, i, all) => k > 'a' && k < 'b' && (i === 0 || all[i - 1] < k))).toBe(true);
  });

  it('reorders any collection into any order, changing only the keys of elements that moved', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,3}$/), { maxLength: 30 }), fc.nat(), fc.integer({ min: 0, max: 3 }), (ids, seed, added) => {
      const keys = new Map(ids.map((id, i) => [id, spreadKeys(ids.length)[i]]));
      // A random permutation with a few new ids mixed in.
      const target = [...ids, ...Array.from({ length: added }, (_, i) => `new${i}`)];
      for (let i = target.length - 1; i > 0; i--) {
        const j = (seed + i * 7919) % (i + 1);
        [target[i], target[j]] = [target[j], target[i]];
      }
      const changed = reorderKeys(target, target.map((id) => keys.get(id)));
      for (const [id, k] of changed) keys.set(id, k);
      const read = target.map((id) => ({ id, key: keys.get(id)! })).sort(compareOrdered).map((e) => e.id);
      expect(read).toEqual(target);
      expect(changed.size).toBeLessThanOrEqual(target.length);
    }));
  });

  it('moving one element rewrites one key', () => {
    const keys = spreadKeys(5);
    const changed = reorderKeys(['b', 'c', 'd', 'a', 'e'], [keys[1], keys[2], keys[3], keys[0], keys[4]]);
    expect([...changed.keys()]).toEqual(['a']);
  });

  it('orders equal keys (two inserts at one place) by id, and can still insert between them', () => {
    expect([{ key: 'V', id: 'b' }, { key: 'V', id: 'a' }].sort(compareOrdered).map((e) => e.id)).toEqual(['a', 'b']);
    const changed = reorderKeys(['a', 'x', 'b'], ['V', undefined, 'V']);
    const keys = new Map([['a', 'V'], ['b', 'V'], ...changed]);
    expect(['a', 'x', 'b'].map((id) => ({ id, key: keys.get(id)! })).sort(compareOrdered).map((e) => e.id)).toEqual(['a', 'x', 'b']);
  });
});
