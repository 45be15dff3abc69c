/**
 * Collections with literal secrets, run in real Newman against the echo server on 127.0.0.1: once as
 * exported, once injected with `--extract-secrets` and run with `-e FILE`. Every request must reach the
 * server carrying the same credentials (headers, signed auth, bodies, query) as before.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretsEnvironment } from '../../src/postman/environment.js';
import { injectCollection } from '../../src/inject/inject-collection.js';
import { Warnings } from '../../src/warnings.js';
import { runNewman } from '../e2e/newman.js';
import { startEchoServer, type EchoRecord, type EchoServer } from '../e2e/servers/echo-server.js';
import { oauth2 } from '../helpers/oauth2.js';
import { tempDir } from '../helpers/temp-dir.js';
import { SECRET_FIXTURES, secretFixtureText } from './secret-fixtures.js';

/** Headers that differ between any two runs: the Postman app's random request id, the connection, the AWS signing time. */
const VOLATILE = new Set(['postman-token', 'connection', 'x-amz-date']);

/** aws4, the signer postman-runtime uses, to check an AWS signature against the original secret key. */
const aws4 = createRequire(import.meta.url)('aws4') as {
  sign(request: object, credentials: object): { headers: Record<string, string> };
};
const AWS = {
  accessKeyId: 'AKIDEXAMPLEPARTNER01',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEJr//////////wEaDHb3pAsT0ken',
};

/**
 * What a run sent, the volatile parts left out. An AWS signature covers the signing time, so it differs
 * between runs: it is checked against one made here with the original secret key and replaced by a mark.
 */
function sent(records: EchoRecord[]): object[] {
  return records.map((r) => {
    const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !VOLATILE.has(k)));
    if (headers.authorization?.startsWith('AWS4-HMAC-SHA256')) {
      const signed = aws4.sign(
        {
          host: r.headers.host,
          path: r.url,
          method: r.method,
          service: 'execute-api',
          region: 'us-east-1',
          headers: { 'X-Amz-Date': r.headers['x-amz-date'] },
        },
        AWS,
      );
      const signature = (auth: string) => /Signature=([0-9a-f]+)/.exec(auth)?.[1];
      headers.authorization =
        signature(signed.headers.Authorization!) === signature(headers.authorization)
          ? 'AWS4 signed with the original secret key'
          : headers.authorization;
    }
    return { ...r, headers };
  });
}

describe('inject --extract-secrets: the injected collection sends the same credentials in Newman', () => {
  let echo: EchoServer;

  beforeAll(async () => {
    echo = await startEchoServer();
  });

  afterAll(async () => {
    await echo?.close();
  });

  it.each(SECRET_FIXTURES)('%s', async (file) => {
    const envVars = { echo_url: echo.url, echo_host: echo.host };
    const text = secretFixtureText(file);

    const start = echo.received.length;
    const before = await runNewman(JSON.parse(text), { envVars, timeout: 30_000 });
    expect(before.runError).toBeUndefined();
    const original = echo.received.slice(start);

    const out = await injectCollection(text, { file, auth: oauth2(), warnings: new Warnings(), extractSecrets: true });
    // FILE as the CLI writes it, read back from disk and given to Newman like `newman run … -e FILE`
    const dir = tempDir();
    const envFile = dir.write(
      'secrets.postman_environment.json',
      JSON.stringify(secretsEnvironment('x', out.secretValues)),
    );
    const afterStart = echo.received.length;
    const after = await runNewman(JSON.parse(out.text), { environment: envFile, envVars, timeout: 30_000 });
    expect(after.runError).toBeUndefined();
    expect(after.failures).toEqual([]);
    const injected = echo.received.slice(afterStart);

    expect(injected.length).toBe(original.length);
    expect(sent(injected)).toEqual(sent(original));

    // the runs really carried the credentials: each value of FILE reached the server in some form
    const wire = JSON.stringify(original);
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    expect(wire).toContain(basic('billing', 'Billing-Pa55-word'));
    expect(wire).toContain(basic('legacy', 'Legacy-Pa55'));
    expect(wire).toContain('client_secret=echo-S3cret-77f1');
    expect(wire).toContain('api_key=ak_9f8e7d6c5b4a3f2e');
    expect(wire).toContain('oauth_token=\\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\\"');
    expect(wire).toContain('Wonderland-42');
    expect(wire).toContain('xk-live-5566aabbccdd');
    // signed auth (oauth1, hawk, awsv4, digest) is computed from the secret: same signature, same secret
    const auth = original.map((r) => r.headers.authorization ?? '');
    expect(auth.some((a) => a.startsWith('OAuth ') && a.includes('oauth_signature='))).toBe(true);
    expect(auth.some((a) => a.startsWith('Hawk id="dh37fgj492je"'))).toBe(true);
    expect(auth.some((a) => a.startsWith('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLEPARTNER01/'))).toBe(true);
    expect(JSON.stringify(sent(injected))).toContain('AWS4 signed with the original secret key');
    expect(auth.some((a) => a.startsWith('Digest username="Mufasa"'))).toBe(true);
    expect(readFileSync(envFile, 'utf8')).toContain('Circle Of Life');
  });
});
