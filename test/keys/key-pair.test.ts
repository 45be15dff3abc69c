// newKeyPair: generateKeyPairSync's key pairs as KeyObjects of their own (src/keys/key-pair.ts says why: a key
// returned by generateKeyPairSync shares a mutex with its job, whose collection mid-export hangs the process).
import { execFileSync } from 'node:child_process';
import { createPublicKey, sign, verify } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newKeyPair, type KeyPair } from '../../src/keys/key-pair.js';

const root = join(import.meta.dirname, '../..');

const CASES: [string, () => KeyPair, Record<string, unknown>, string | null][] = [
  ['rsa 2048', () => newKeyPair('rsa', { modulusLength: 2048 }), { modulusLength: 2048 }, 'sha256'],
  ['ec P-256', () => newKeyPair('ec', { namedCurve: 'P-256' }), { namedCurve: 'prime256v1' }, 'sha256'],
  ['ed25519', () => newKeyPair('ed25519'), {}, null],
  ['ed448', () => newKeyPair('ed448'), {}, null],
];

describe('newKeyPair', () => {
  it.each(CASES)(
    '%s: a private and a public KeyObject of the requested kind that belong together',
    (name, make, details, hash) => {
      const { privateKey, publicKey } = make();
      expect(privateKey.type).toBe('private');
      expect(publicKey.type).toBe('public');
      expect(privateKey.asymmetricKeyType).toBe(name.split(' ')[0]);
      expect(privateKey.asymmetricKeyDetails).toMatchObject(details);
      expect(publicKey.export({ format: 'jwk' })).toEqual(createPublicKey(privateKey).export({ format: 'jwk' }));
      const data = Buffer.from('signed by the pair');
      expect(verify(hash, data, publicKey, sign(hash, data, privateKey))).toBe(true);
      // a fresh pair each call
      expect(make().publicKey.export({ format: 'jwk' })).not.toEqual(publicKey.export({ format: 'jwk' }));
    },
  );

  it('is the only place in the repository that calls generateKeyPairSync', () => {
    // the call's text built here, so that this file does not hold it
    const call = ['generateKeyPairSync', '('].join('');
    const callers = execFileSync('git', ['grep', '-lF', '--untracked', call, '--', 'src', 'test', 'bench', 'scripts'], {
      cwd: root,
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    expect(callers).toEqual(['src/keys/key-pair.ts']);
  });
});
