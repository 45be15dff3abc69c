import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ExitCode, GenCollectionError } from '../errors.js';
import { generateSigningKey, type KeygenAlgorithm } from '../keys/generate-key.js';
import { writeFilesAtomic } from '../write-files.js';
import { info } from './report.js';
import { stdout } from './streams.js';

/** `gen-collection keygen`: a fresh private key written mode 0600, its public JWK on stdout, the next step on stderr. */
export async function runKeygen(opts: { alg: KeygenAlgorithm; output: string }): Promise<ExitCode> {
  const path = resolve(opts.output);
  // A key file is someone's identity at an identity provider: replacing it by accident locks them out.
  if (existsSync(path)) {
    throw new GenCollectionError('output-exists', `${opts.output} already exists; keygen never overwrites a key`, {
      file: opts.output,
      fix: 'pass -o with another file name, or delete the old key yourself if it is no longer registered anywhere',
    });
  }
  const key = generateSigningKey(opts.alg);
  await writeFilesAtomic([{ path, content: key.privateKeyPem, mode: 0o600 }]);
  stdout().write(`${JSON.stringify(key.publicJwk, null, 2)}\n`);
  const shown = relative(process.cwd(), path) || path;
  info(`wrote ${shown} (${opts.alg} private key, PKCS#8 PEM, mode 0600; keep it out of git)`);
  info(
    `next: register the public JWK above (stdout) with the identity provider, kid ${key.publicJwk.kid}, then pass the key at run time as`,
  );
  info(
    `  client_private_key for signed client authentication ("clientAuth": "private_key_jwt" or "grantType": "jwt_bearer"):`,
  );
  info(`    newman run … --env-var client_private_key="$(cat ${shown})"`);
  info(`  dpop_private_key for DPoP ("dpop": { "algorithm": "${opts.alg}" }):`);
  info(`    newman run … --env-var dpop_private_key="$(cat ${shown})"`);
  return ExitCode.ok;
}
