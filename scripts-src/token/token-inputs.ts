import { readVariable } from './storage.ts';

/** Names of the variables a token request is made from: the configured ones the scripts do not write. */
function inputVariables(): string[] {
  const { accessToken: _token, expiresAt: _expiry, refreshToken: _refresh, ...inputs } = genCollection.vars;
  return Object.values(inputs);
}

/**
 * Why no token request can be sent, one problem a cause, each with its fix: a `{{variable}}` left in the
 * token URL or a credential (no environment selected?), a secret the config sends that is empty.
 */
export function missingInputs(): string[] {
  const { vars, clientAuth, grantType } = genCollection;
  const values: Record<string, string> = { 'the token URL': pm.variables.replaceIn(genCollection.tokenUrl) };
  for (const name of inputVariables()) values[name] = readVariable(name);
  const unresolved = Object.keys(values).flatMap((where) => (values[where]!.match(/{{[^{}]*}}/g) ?? []).map((name) => `${name} in ${where}`));
  const problems = unresolved.length ? [`not defined: ${unresolved.join(', ')} (no environment selected? newman run … -e <environment file>)`] : [];
  // The secrets this config sends or signs with, a line each: the client secret, the password, and the
  // private key variable, which only a config that signs with a private key names.
  const secrets = [
    ['body', 'basic', 'client_secret_jwt'].includes(clientAuth) && vars.clientSecret,
    grantType === 'password' && vars.password,
    vars.privateKey,
  ];
  for (const name of secrets) {
    if (!name || values[name]) continue;
    const value = name === vars.privateKey ? '"$(cat key.pem)"' : '…';
    problems.push(`${name} is empty (newman run … --env-var ${name}=${value}, or its current value in the Postman app)`);
  }
  return problems;
}

/**
 * SHA-256 of everything a token request is made from: the config header with its templates resolved and
 * the input variables. Equal fingerprints, the same request; a hash, so that no secret is kept even run-locally.
 */
export function inputsFingerprint(): string {
  const inputs = [pm.variables.replaceIn(JSON.stringify(genCollection)), ...inputVariables().map(readVariable)];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandbox module, left a require call
  return String(require('crypto-js').SHA256(JSON.stringify(inputs)));
}
