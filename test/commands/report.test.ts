import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportError } from '../../src/commands/report.js';
import { ExitCode, GenCollectionError } from '../../src/errors.js';

let written = '';
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  written = '';
});

function captureStderr(): void {
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += String(chunk);
    return true;
  });
}

describe('reportError: the exit code and the one message of a failed command', () => {
  it('our own error: its message, no stack, its exit code', () => {
    captureStderr();
    const code = reportError(
      new GenCollectionError('config-invalid', 'bad key', { file: 'c.json', pointer: '/auth', fix: 'remove it' }),
    );
    expect(code).toBe(ExitCode.badInput);
    expect(written).toBe('gen-collection: error: c.json: /auth: bad key\n  fix: remove it\n');
  });

  it.each([
    [
      'a TypeError',
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      "TypeError: Cannot read properties of undefined (reading 'x')",
    ],
    [
      'a RangeError with a multi-line message',
      new RangeError('Maximum call stack size exceeded\nmore'),
      'RangeError: Maximum call stack size exceeded',
    ],
    ['a thrown string', 'boom', 'boom'],
  ])(
    'anything else (%s) is a bug: exit 70, never 1 (audit findings), one line asking for a report, no stack',
    (_name, error, summary) => {
      vi.stubEnv('DEBUG', '');
      captureStderr();
      expect(reportError(error)).toBe(ExitCode.internalError);
      expect(ExitCode.internalError).toBe(70);
      expect(written.split('\n').filter(Boolean)).toHaveLength(1);
      expect(written).toContain(`internal error (a bug): ${summary}. Please report it`);
      expect(written).not.toContain('    at ');
    },
  );

  it.each(['gen-collection', 'express,gen-collection', '*'])('DEBUG=%s adds the stack', (debug) => {
    vi.stubEnv('DEBUG', debug);
    captureStderr();
    reportError(new TypeError('oops'));
    expect(written).toMatch(/\n {4}at /);
  });
});
