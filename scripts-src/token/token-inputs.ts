import * as runtime from '../runtime/runtime.ts';
import { hooks } from './hooks.ts';
import { unsafeTokenUrl } from './token-url.ts';

/** Names of the variables a token request is made from: the configured ones the scripts do not write, the features' keys. */
function inputVariables(): string[] {
  const { accessToken: _token, expiresAt: _expiry, refreshToken: _refresh, ...inputs } = genCollection.vars;
  return [...Object.values(inputs), ...featureKeys()];
}

/** The PEM key variables the features sign with. */
function featureKeys(): string[] {
  return hooks.keys.flatMap((keys) => keys());
}

/**
 * Why no token request can be sent (token rules 10 and 12), one problem a cause, each with its fix: a
 * `{{variable}}` the request uses that no scope defines (in the token URL, a parameter, the assertion or a
 * credential), a credential it sends that is empty, a token URL that is not https.
 */
export function missingInputs(): string[] {
  const { client, tokenUrl, params, assertion, vars } = genCollection;
  const keys = [vars.privateKey, ...featureKeys()];
  const inputs = [...client.inputs.map((key) => vars[key]!), ...featureKeys()];
  const templates: Record<string, string> = { 'the token URL': tokenUrl, ...params, 'the assertion': JSON.stringify(assertion ?? '') };
  for (const name of inputs) templates[name] = `{{${name}}}`;
  // Each undefined name once, where it first shows: replaceIn leaves it as written, also inside another value.
  const undefinedNames: Record<string, string> = {};
  for (const [where, template] of Object.entries(templates))
    for (const name of runtime.replaceIn(template).match(/{{[^{}]*}}/g) ?? []) undefinedNames[name] ??= name === `{{${where}}}` ? name : `${name} in ${where}`;
  const selected = runtime.environmentSelected();
  const none = `no environment selected: ${runtime.fixes.environment}`;
  const fix = selected ? 'the selected environment lacks it' : selected === false ? none : `${none}; or the selected one lacks it`;
  const undefinedList = Object.values(undefinedNames);
  const problems = undefinedList.length ? [`not defined: ${undefinedList.join(', ')} (${fix})`] : [];
  for (const name of inputs) {
    if (runtime.read(name) || !runtime.defined(name)) continue;
    const value = keys.includes(name) ? '"$(cat key.pem)"' : '…';
    problems.push(`${name} is empty (${runtime.fixes.variable(name, value)})`);
  }
  const url = undefinedList.length ? '' : unsafeTokenUrl(runtime.replaceIn(tokenUrl));
  return url ? [...problems, url] : problems;
}

/**
 * SHA-256 of everything a token request is made from: the config header with its templates resolved and
 * the input variables. Equal fingerprints, the same request; a hash, so that no secret is kept even run-locally.
 */
export function inputsFingerprint(): string {
  const inputs = [runtime.replaceIn(JSON.stringify(genCollection)), ...inputVariables().map(runtime.read)];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandbox module, left a require call
  return String(require('crypto-js').SHA256(JSON.stringify(inputs)));
}
