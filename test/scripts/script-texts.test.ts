// The script texts every item's events are made of. Each maker keeps the texts of the one-piece case it made
// (most items share their status test): these hold the kept texts to what the pieces and the header say.
import { describe, expect, it } from 'vitest';
import { events } from '../../src/postman/events.js';
import { joinScript, SCRIPT_HEADER, statusTest } from '../../src/plan/test-scripts.js';
import { brunoScript } from '../../src/scripts/bruno-runtime.js';

describe('statusTest', () => {
  it('gives each status list its own test, and the same text for the same list', () => {
    expect(statusTest([200])).toContain("pm.test('status is 200'");
    expect(statusTest([201])).toContain("pm.test('status is 201'");
    expect(statusTest([200, 204])).toContain('to.be.oneOf([200, 204])');
    expect(statusTest([200])).toBe(statusTest([200]));
    expect(statusTest([2, 0])).not.toBe(statusTest([20]));
  });
});

describe('joinScript', () => {
  it('puts the header first, unless the first piece has its own, and trims each piece', () => {
    expect(joinScript(['a();  \n'])).toBe(`${SCRIPT_HEADER}\n\na();`);
    expect(joinScript(['a();  \n'])).toBe(`${SCRIPT_HEADER}\n\na();`);
    expect(joinScript(['b();'])).toBe(`${SCRIPT_HEADER}\n\nb();`);
    expect(joinScript(['// gen-collection 9: own', 'c();'])).toBe('// gen-collection 9: own\n\nc();');
    expect(joinScript(['// gen-collection 9: own'])).toBe('// gen-collection 9: own');
  });

  it('gives undefined when nothing runs, the first time and again', () => {
    expect(joinScript([])).toBeUndefined();
    expect(joinScript([' \n'])).toBeUndefined();
    expect(joinScript([' \n'])).toBeUndefined();
    expect(joinScript([' \n', 'd();'])).toBe(`${SCRIPT_HEADER}\n\nd();`);
  });
});

describe('events', () => {
  it('gives every event its own list of lines, the same for the same piece', () => {
    const piece = statusTest([202]);
    const [first, second, third] = ['a', 'b', 'c'].map(
      (name) => events(['api', name], { prerequest: [], test: [piece] })[0]!.script,
    );
    expect(first!.exec).toEqual(`${SCRIPT_HEADER}\n\n${piece}`.split('\n'));
    expect(second!.exec).toEqual(first!.exec);
    expect(third!.exec).toEqual(first!.exec);
    // a list of its own: redacting one item's line in place leaves the other items'
    expect(new Set([first!.exec, second!.exec, third!.exec]).size).toBe(3);
    second!.exec[0] = '';
    expect(events(['api', 'd'], { prerequest: [], test: [piece] })[0]!.script.exec[0]).toBe(SCRIPT_HEADER);
    expect(new Set([first!.id, second!.id, third!.id]).size).toBe(3);
  });
});

describe('brunoScript', () => {
  it('makes the script of the header and the pieces given, for each header', () => {
    const one = brunoScript(['e();\n'], '// header one');
    expect(one.startsWith('// header one\n')).toBe(true);
    expect(one).toContain('\n\ne();\n\nawait pm.settle();\n');
    const two = brunoScript(['e();\n'], '// header two');
    expect(two.startsWith('// header two\n')).toBe(true);
    expect(two.slice(two.indexOf('\n'))).toBe(one.slice(one.indexOf('\n')));
    expect(brunoScript(['e();\n'], '// header one')).toBe(one);
    expect(brunoScript(['f();'], '// header one')).toContain('\n\nf();\n\n');
  });

  it('gives an empty script when nothing runs', () => {
    expect(brunoScript([], '// h')).toBe('');
    expect(brunoScript(['  '], '// h')).toBe('');
    expect(brunoScript(['  '], '// h')).toBe('');
  });
});
