import * as runtime from '../runtime/runtime.ts';
import { unsafeTokenUrl } from './token-url.ts';

/** The value the fix for an empty PEM key variable suggests. */
export const PEM_FILE = '"$(cat key.pem)"';

/**
 * Why no token request can be sent (token rules 10 and 12), one problem a cause, each with its fix: a
 * `{{variable}}` the request uses that no scope defines (in the token URL, a parameter, the assertion or a
 * credential), a credential it sends that is empty, a token URL that is not https.
 */
export function missingInputs(): string[] {
  const { client, tokenUrl, params, vars } = genCollection;
  // The credentials by variable name, each with the value its fix suggests.
  const inputs: Record<string, string> = {};
  for (const key of client.inputs) inputs[vars[key]!] = '…';
  signed: if (vars.privateKey) inputs[vars.privateKey] = PEM_FILE;
  dpop: if (genCollection.dpop) inputs[genCollection.dpop.keyVariable] = PEM_FILE;
  const templates: Record<string, string> = { 'the token URL': tokenUrl, ...params };
  signed: templates['the assertion'] = JSON.stringify(genCollection.assertion ?? '');
  for (const name in inputs) templates[name] = `{{${name}}}`;
  // Each undefined name once, where it first shows: replaceIn leaves it as written, also inside another value.
  const undefinedNames: Record<string, string> = {};
  for (const [where, template] of Object.entries(templates))
    for (const name of runtime.replaceIn(template).match(/{{[^{}]*}}/g) ?? []) undefinedNames[name] ??= name === `{{${where}}}` ? name : `${name} in ${where}`;
  const selected = runtime.environmentSelected();
  const none = `no environment selected: ${runtime.fixes.environment}`;
  const fix = selected ? 'the selected environment lacks it' : selected === false ? none : `${none}; or the selected one lacks it`;
  const undefinedList = Object.values(undefinedNames);
  const problems = undefinedList.length ? [`not defined: ${undefinedList.join(', ')} (${fix})`] : [];
  for (const name in inputs)
    if (!runtime.read(name) && runtime.defined(name)) problems.push(`${name} is empty (${runtime.fixes.variable(name, inputs[name]!)})`);
  // Only a URL without undefined names can be judged.
  if (!undefinedList.length) problems.push(unsafeTokenUrl(runtime.replaceIn(tokenUrl)));
  return problems.filter(Boolean);
}

/**
 * SHA-256 of everything a token request is made from: the config header with its templates resolved and the
 * variables the scripts do not write (the first three, tokenConfigFor's order) with the features' keys. Equal
 * fingerprints, the same request; a hash, so that no secret is kept even run-locally.
 */
export function inputsFingerprint(): string {
  const names = Object.values(genCollection.vars).slice(3);
  dpop: if (genCollection.dpop) names.push(genCollection.dpop.keyVariable);
  const inputs = [runtime.replaceIn(JSON.stringify(genCollection)), ...names.map(runtime.read)];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandbox module, left a require call
  return String(require('crypto-js').SHA256(JSON.stringify(inputs)));
}
