import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate.js';
import { GenCollectionError } from '../../src/errors.js';

function validationError(config: unknown): GenCollectionError {
  try {
    validateConfig(config, 'gen-collection.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(GenCollectionError);
    return error as GenCollectionError;
  }
  throw new Error('expected the config to be rejected');
}

const REFERENCE_FIX =
  '\n  fix: see "Config reference" in the README for what each key takes (editors check it through "$schema")';

describe('validateConfig on objects (no source positions)', () => {
  it.each([
    // a problem that says what is expected still has a fix: where to read what each key takes
    { config: null, message: `gen-collection.config.json: /: expected an object, got an empty value${REFERENCE_FIX}` },
    { config: [], message: `gen-collection.config.json: /: expected an object, got a list${REFERENCE_FIX}` },
    {
      config: { name: 'x', items: [{ name: 'a', url: 'u', metod: 'GET' }] },
      message:
        'gen-collection.config.json: /items/0/metod: unknown key "metod" (in request "a")\n  fix: did you mean "method"?',
    },
    {
      config: {
        name: 'x',
        auth: { type: 'oauth2', tokenUrl: 'https://t' },
        environments: { dev: { client_secret: 'x' } },
      },
      message:
        'gen-collection.config.json: /environments/dev/client_secret: secret variable "client_secret" has a value in the config (secrets are written empty, never into files)\n' +
        '  fix: leave it empty ("client_secret": "") and pass it at run time: newman run … --env-var client_secret=$CLIENT_SECRET',
    },
  ])('$message', ({ config, message }) => {
    const e = validationError(config);
    expect(e.message).toBe(message);
    expect(e.exitCode).toBe(2);
  });

  it('returns the config itself when valid', () => {
    const config = {
      name: 'x',
      auth: { type: 'oauth2', tokenUrl: 'https://t', grantType: 'password' },
      environments: { dev: { client_secret: '', password: '' } },
    };
    expect(validateConfig(config, 'c.json')).toBe(config);
  });

  it('caps a long list of problems', () => {
    const config = Object.fromEntries([['name', 'x'], ...Array.from({ length: 30 }, (_, i) => [`extra${i}`, 1])]);
    const e = validationError(config);
    expect(e.message).toMatch(/^gen-collection\.config\.json: 30 problems in the config:\n/);
    expect(e.message).toContain('… and 5 more');
  });
});
