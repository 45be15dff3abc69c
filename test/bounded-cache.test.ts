import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../src/bounded-cache.js';

describe('BoundedCache', () => {
  it('gives back what it kept for a key, and nothing for a key it did not keep', () => {
    const cache = new BoundedCache<string>(10);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.keep('a', 'A')).toBe('A');
    expect(cache.get('a')).toBe('A');
    expect(cache.get('b')).toBeUndefined();
  });

  it('keeps no key of maxKeyLength characters or more, and no more than maxEntries keys', () => {
    const cache = new BoundedCache<number>(3, 2);
    expect(cache.keep('abc', 1)).toBe(1);
    expect(cache.get('abc')).toBeUndefined();
    expect(cache.keep('ab', 2)).toBe(2);
    cache.keep('x', 3);
    expect(cache.keep('y', 4)).toBe(4);
    expect([cache.get('ab'), cache.get('x'), cache.get('y')]).toEqual([2, 3, undefined]);
  });
});
