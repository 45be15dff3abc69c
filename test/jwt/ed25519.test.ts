import { createPrivateKey, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { jwtSignerScript } from '../../src/scripts/jwt-signer.js';
import { disposeSandboxes, runScript, SANDBOXES } from '../token/sandbox-harness.js';

// scripts-src/jwt/ed25519.ts signs with its own field and point arithmetic and a table of constants. Ed25519
// signatures are unique (RFC 8032), so the sandbox's must equal Node's byte for byte, for every key and message.

const P = 2n ** 255n - 19n;
const mod = (a: bigint): bigint => ((a % P) + P) % P;
const power = (base: bigint, exponent: bigint): bigint => {
  let result = 1n;
  for (let b = mod(base), e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = mod(result * b);
    b = mod(b * b);
  }
  return result;
};
const inverse = (a: bigint): bigint => power(a, P - 2n);
const D = mod(-121665n * inverse(121666n));

/** The Edwards addition law in affine coordinates (RFC 8032 §5.1.4's first form), not the module's formulas. */
function addAffine([x1, y1]: [bigint, bigint], [x2, y2]: [bigint, bigint]): [bigint, bigint] {
  const t = mod(D * x1 * x2 * y1 * y2);
  return [mod((x1 * y2 + y1 * x2) * inverse(1n + t)), mod((y1 * y2 + x1 * x2) * inverse(1n - t))];
}

/** PKCS#8 PEM of an Ed25519 seed (RFC 8410 §7). */
function pkcs8(seed: Buffer): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`;
}

afterAll(disposeSandboxes);

describe('Ed25519 signing in the sandbox', () => {
  it('the comb: entry j is the sum of 2^(52·i)·B over the bits i of j', () => {
    const base: [bigint, bigint] = [
      15112221349535400772501151409588531511454012693041857206046113283949847762202n,
      mod(4n * inverse(5n)),
    ];
    const teeth = [base];
    for (let i = 1; i < 5; i++) {
      let q = teeth[i - 1]!;
      for (let k = 0; k < 52; k++) q = addAffine(q, q);
      teeth.push(q);
    }
    const hex = (n: bigint) => n.toString(16).padStart(64, '0');
    const expected = Array.from({ length: 31 }, (_, index) => {
      let sum: [bigint, bigint] = [0n, 1n];
      for (let i = 0; i < 5; i++) if (((index + 1) >> i) & 1) sum = addAffine(sum, teeth[i]!);
      return [hex(sum[0]), hex(sum[1])];
    });
    // the table as the source writes it (a sandbox module: read, not imported)
    const source = readFileSync(new URL('../../scripts-src/jwt/ed25519.ts', import.meta.url), 'utf8');
    const table = source.slice(
      source.indexOf('const COMB_AFFINE'),
      source.indexOf('];', source.indexOf('const COMB_AFFINE')),
    );
    const written = Array.from(table.matchAll(/\['([0-9a-f]{64})', '([0-9a-f]{64})'\]/g), (m) => [m[1], m[2]]);
    expect(written).toEqual(expected);
  });

  it.each(SANDBOXES)('$label: 40 random keys and messages of 0 to 300 bytes sign as Node does', async ({ module }) => {
    const cases = Array.from({ length: 40 }, (_, i) => ({
      pem: pkcs8(randomBytes(32)),
      claims: { n: i, text: randomBytes((i * 37) % 226).toString('base64') },
    }));
    const script = `${await jwtSignerScript('EdDSA')}
const cases = JSON.parse(pm.variables.get('cases'));
console.log(JSON.stringify(cases.map((c) => genCollectionSignJwt({ header: {}, claims: c.claims, key: c.pem, keyVariable: 'k' }))));`;
    const run = await runScript(module, {
      script,
      listen: 'prerequest',
      localVariables: { cases: JSON.stringify(cases) },
    });
    expect(run.errors).toEqual([]);
    const results = JSON.parse(run.console[0]!.replace(/^log: /, '')) as { jwt?: string; problem?: string }[];
    expect(results).toHaveLength(cases.length);
    results.forEach((result, i) => {
      const [header, payload, signature] = result.jwt!.split('.') as [string, string, string];
      const node = sign(null, Buffer.from(`${header}.${payload}`), createPrivateKey(cases[i]!.pem));
      expect(signature).toBe(node.toString('base64url'));
    });
  });
});
