import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, importJWK, importPKCS8, jwtVerify, SignJWT, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { listFiles, runCli } from './run-cli.js';

describe('gen-collection keygen', () => {
  it.each([
    { args: [], alg: 'ES256', file: 'private-key.pem' },
    { args: ['--alg', 'EdDSA', '-o', 'keys/dpop.pem'], alg: 'EdDSA', file: 'keys/dpop.pem' },
    { args: ['--alg', 'RS256', '--output', 'client.pem'], alg: 'RS256', file: 'client.pem' },
    { args: ['--alg', 'PS256'], alg: 'PS256', file: 'private-key.pem' },
  ])(
    '$args: writes $file mode 0600, prints its public JWK on stdout and the next step on stderr',
    async ({ args, alg, file }) => {
      const { dir } = tempDir();
      const run = runCli(['keygen', ...args], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(listFiles(dir)).toEqual([file]);
      const path = join(dir, file);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const pem = readFileSync(path, 'utf8');
      expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);

      const jwk = JSON.parse(run.stdout) as JWK;
      expect(jwk).toMatchObject({ alg, use: 'sig' });
      expect(jwk).not.toHaveProperty('d');
      expect(jwk.kid).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
      const jwt = await new SignJWT({ sub: 'cli' }).setProtectedHeader({ alg }).sign(await importPKCS8(pem, alg));
      await expect(jwtVerify(jwt, await importJWK(jwk, alg))).resolves.toBeTruthy();

      expect(run.stderr).toContain(`wrote ${file}`);
      expect(run.stderr).toContain('client_private_key');
      expect(run.stderr).toContain('dpop_private_key');
      expect(run.stderr).toContain(`--env-var dpop_private_key="$(cat ${file})"`);
      for (const line of pem.split('\n').filter((l) => l.length > 20)) {
        expect(run.stdout + run.stderr).not.toContain(line);
      }
    },
  );

  it('never overwrites: exit 2 naming the file and the fix, the old key untouched', () => {
    const temp = tempDir();
    temp.write('private-key.pem', 'my registered key');
    const run = runCli(['keygen'], temp.dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('private-key.pem already exists');
    expect(run.stderr).toContain('pass -o with another file name');
    expect(readFileSync(temp.path('private-key.pem'), 'utf8')).toBe('my registered key');
    expect(listFiles(temp.dir)).toEqual(['private-key.pem']);
  });

  it('an unknown --alg is a usage error (exit 2) listing the choices; nothing written', () => {
    const { dir } = tempDir();
    const run = runCli(['keygen', '--alg', 'HS256'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/ES256, EdDSA, RS256, PS256/);
    expect(listFiles(dir)).toEqual([]);
  });

  it('--help shows an example', () => {
    const run = runCli(['keygen', '--help'], tempDir().dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Example:');
    expect(run.stdout).toContain('gen-collection keygen --alg ES256');
  });
});

// A file where the key's folder should be: the write fails like a read-only or full disk would.
it('keygen into a path it cannot write: exit 2, no temp file left', () => {
  const temp = tempDir();
  writeFileSync(temp.path('keys'), 'a file, not a folder');
  const run = runCli(['keygen', '-o', 'keys/k.pem'], temp.dir);
  expect(run.status).toBe(2);
  expect(listFiles(temp.dir)).toEqual(['keys']);
});
