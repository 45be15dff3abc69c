/**
 * Token rule 12 at build time: a token URL carries the client's credentials, so it must be `https://` unless
 * its host is this machine (loopback) or the auth opts out with `allowHttp` (a plain-HTTP service container in CI).
 */

import type { GenCollectionConfig } from './config-types.generated.js';
import { childPointer } from '../json/pointer.js';
import type { Problem } from './problems.js';
import type { ResolvedAuths } from './resolve-auth.js';
import type { OAuth2Resolved } from './resolved.js';

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const VARIABLE = /\{\{([^{}]+)\}\}/g;
/** Postman resolves a variable inside a variable's value too; a few rounds cover real configs and end cycles. */
const MAX_ROUNDS = 10;

/** What is wrong with a token URL's scheme, or undefined when it is fine or cannot be told yet. */
export type TokenUrlSchemeProblem = 'no-scheme' | 'plain-http' | 'other-scheme';

/**
 * The token URL with the given variables filled in (nested ones too, a bounded number of rounds). A variable
 * that is not given, or given empty (to be passed at run time), stays as `{{name}}`.
 */
export function fillVariables(url: string, values: Readonly<Record<string, string>>): string {
  let filled = url;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = filled.replace(VARIABLE, (whole, name: string) =>
      Object.hasOwn(values, name) && values[name] !== '' ? values[name]! : whole,
    );
    if (next === filled) break;
    filled = next;
  }
  return filled;
}

/**
 * Checks a (filled-in) token URL against rule 12. A URL whose scheme or host is still a `{{variable}}` cannot be
 * told apart yet and passes (the token script checks the resolved URL at run time).
 */
export function tokenUrlSchemeProblem(url: string, allowHttp: boolean): TokenUrlSchemeProblem | undefined {
  const trimmed = url.trim();
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return trimmed.startsWith('{{') ? undefined : 'no-scheme';
  if (scheme === 'https') return undefined;
  if (scheme !== 'http') return 'other-scheme';
  if (allowHttp) return undefined;
  const host = hostOf(trimmed.slice(scheme.length + 3));
  if (host.includes('{{') || isLoopback(host)) return undefined;
  return 'plain-http';
}

/** Whether a URL host names this machine: `localhost`, `127.0.0.0/8` or `[::1]`. */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name === '[::1]') return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets[1] === '127' && octets.slice(2).every((o) => Number(o) <= 255);
}

/** The host of the part after `scheme://`: without user info, port, path, query or fragment. */
function hostOf(rest: string): string {
  const authority = rest.split(/[/?#]/, 1)[0]!;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':', 1)[0]!;
}

/**
 * Rule 12 for every oauth2 auth of a config (the default and each profile), checked once per environment with
 * that environment's variables filled in (over the collection `variables`), or once without an environment.
 */
export function tokenUrlProblems(config: GenCollectionConfig, { auth, profiles }: ResolvedAuths): Problem[] {
  const auths: [string, OAuth2Resolved][] = Object.entries(profiles).map(([name, profile]) => [
    childPointer('/authProfiles', name),
    profile,
  ]);
  if (auth.type === 'oauth2') auths.unshift(['/auth', auth]);
  const variables = stringValues(config.variables);
  const environments = Object.entries(config.environments ?? {});
  const scopes: [string | undefined, Record<string, string>][] = environments.length
    ? environments.map(([env, values]) => [env, { ...variables, ...stringValues(values) }])
    : [[undefined, variables]];
  const problems: Problem[] = [];
  for (const [at, oauth2] of auths) {
    for (const [env, values] of scopes) {
      const url = fillVariables(oauth2.tokenUrl, values);
      const problem = tokenUrlSchemeProblem(url, oauth2.allowHttp);
      if (problem) problems.push(schemeProblem(problem, url, oauth2.tokenUrl, env, childPointer(at, 'tokenUrl')));
    }
  }
  return problems;
}

function schemeProblem(
  problem: TokenUrlSchemeProblem,
  url: string,
  written: string,
  env: string | undefined,
  pointer: string,
): Problem {
  const where = `${env === undefined ? '' : `in environment "${env}", `}the token URL ${JSON.stringify(url)}${url === written ? '' : ` (from ${JSON.stringify(written)})`}`;
  const at = pointer.slice(0, -'/tokenUrl'.length);
  switch (problem) {
    case 'no-scheme':
      return {
        pointer,
        problem: `${where} has no scheme: the runner would send the client's credentials over plain HTTP`,
        fix: `start it with https:// (${env === undefined ? 'in tokenUrl' : `in tokenUrl or the variables of environment "${env}"`})`,
      };
    case 'other-scheme':
      return {
        pointer,
        problem: `${where} is neither https:// nor http://`,
        fix: 'use an https:// token endpoint',
      };
    case 'plain-http':
      return {
        pointer,
        problem: `${where} is plain HTTP to another machine: the client's credentials and the token would travel unencrypted`,
        fix: `use https://; for a plain-HTTP service on a private network (a CI container such as http://keycloak:8080) set "allowHttp": true in ${at}`,
      };
  }
}

/** Config variable values as the runner sees them (numbers and booleans stringified). */
function stringValues(values: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values ?? {}).map(([name, value]) => [name, typeof value === 'string' ? value : String(value)]),
  );
}
