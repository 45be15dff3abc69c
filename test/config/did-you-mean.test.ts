import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/config/did-you-mean.js';
import { childPointer, pointerSegments, toPointer, valueAt } from '../../src/json/pointer.js';

const REQUEST_KEYS = [
  'name',
  'description',
  'method',
  'url',
  'pathVariables',
  'query',
  'headers',
  'body',
  'auth',
  'expect',
  'scripts',
];

describe('closest', () => {
  it.each([
    ['metod', 'method'],
    ['hedaers', 'headers'],
    ['header', 'headers'],
    ['URL', 'url'],
    ['path_variables', 'pathVariables'],
    ['descripton', 'description'],
    ['expects', 'expect'],
    ['nmae', 'name'],
    ['script', 'scripts'],
    ['foo', undefined],
    ['authorization', undefined],
    ['x', undefined],
  ])('%s → %s', (word, expected) => {
    expect(closest(word, REQUEST_KEYS)).toBe(expected);
  });

  it('grant_type → grantType, tokenURL → tokenUrl', () => {
    expect(closest('grant_type', ['grantType', 'tokenUrl'])).toBe('grantType');
    expect(closest('tokenURL', ['grantType', 'tokenUrl'])).toBe('tokenUrl');
  });

  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'acb', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('editDistance(%s, %s) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('JSON pointers', () => {
  it.each([
    [['items', 0, 'url'], '/items/0/url'],
    [['a/b', 'c~d'], '/a~1b/c~0d'],
    [[], ''],
  ])('%j ↔ %s', (segments, pointer) => {
    expect(toPointer(segments)).toBe(pointer);
    expect(pointerSegments(pointer)).toEqual(segments.map(String));
  });

  it('childPointer and valueAt', () => {
    expect(childPointer('/environments', 'a/b')).toBe('/environments/a~1b');
    const data = { items: [{ name: 'x', 'a/b': 1 }] };
    expect(valueAt(data, '/items/0/name')).toBe('x');
    expect(valueAt(data, '/items/0/a~1b')).toBe(1);
    expect(valueAt(data, '/items/1/name')).toBeUndefined();
    expect(valueAt(data, '/items/0/name/length')).toBeUndefined();
    expect(valueAt(data, '')).toBe(data);
  });
});
