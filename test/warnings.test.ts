import { describe, expect, it } from 'vitest';
import { formatProblemLine, Warnings } from '../src/warnings.js';

describe('formatProblemLine: `file:line: /pointer: problem. fix: …`, every part optional but the problem', () => {
  it.each([
    ['problem only', {}, 'no paths'],
    ['file', { file: 'spec.yaml' }, 'spec.yaml: no paths'],
    ['file and line', { file: 'c.yaml', line: 3 }, 'c.yaml:3: no paths'],
    ['file and pointer', { file: 'spec.yaml', pointer: '/servers/0/url' }, 'spec.yaml: /servers/0/url: no paths'],
    ['the root pointer', { file: 'c.json', pointer: '' }, 'c.json: /: no paths'],
    ['pointer without file', { pointer: '/a' }, '/a: no paths'],
    [
      'everything',
      { file: 'c.json', line: 7, pointer: '/items/1', fix: 'rename it' },
      'c.json:7: /items/1: no paths. fix: rename it',
    ],
  ])('%s', (_name, place, expected) => {
    expect(formatProblemLine('no paths', place)).toBe(expected);
  });
});

describe('Warnings: one bag per run', () => {
  it('keeps the order of first occurrence and drops repeats of the same place and problem', () => {
    const warnings = new Warnings();
    warnings.add('a', { file: 'x', pointer: '/1' });
    warnings.add('b');
    warnings.add('a', { file: 'x', pointer: '/1' });
    warnings.add('a', { file: 'x', pointer: '/2' });
    expect(warnings.list).toEqual(['x: /1: a', 'b', 'x: /2: a']);
  });
});
