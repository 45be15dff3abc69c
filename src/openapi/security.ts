import type { Auth } from '../config/config-types.generated.js';
import { childPointer } from '../config/pointer.js';
import { GenCollectionError } from '../errors.js';
import { isObject } from './json-value.js';
import { discoverOpenIdConfiguration } from './oidc-discovery.js';
import { operationLabel, type Operation } from './operations.js';
import { describeScheme, readSchemes, schemeRank, type Scheme } from './security-schemes.js';
import type { Server } from './servers.js';
import type { SpecContext } from './spec-context.js';
import { absoluteUrl, planTokenUrl } from './token-url.js';

/** Scheme name → required scopes: one alternative of a security requirement list. */
type Requirement = Record<string, string[]>;

/** How one request authenticates. */
export interface OperationAuth {
  /** The request needs no auth (`security: []`, or none declared): `auth: 'none'`. */
  none: boolean;
  /** API keys it sends as cookies: cookie name and the secret variable holding the key. */
  cookies: { name: string; variable: string }[];
}

/** The collection-level auth chosen from the spec, and what each operation does with it. */
export interface SecurityPlan {
  auth?: Auth;
  /** `token_url` per server (server order) when the token URL differs from server to server. */
  tokenUrls?: string[];
  /** One entry per operation, in the order given. */
  operations: OperationAuth[];
}

export interface SecurityOptions {
  /** Fetch OpenID Connect discovery documents for their token endpoint. */
  discoverOpenIdConnect?: boolean;
}

/**
 * Picks the collection auth among the schemes the operations use (OAuth2 client credentials first, then
 * password, OpenID Connect, bearer, browser-only OAuth2 flows as a run-time bearer token, API key, basic;
 * the most used on a tie), with the union of the scopes the operations need, and decides per operation.
 * What a collection cannot express is warned about once per kind, with the operations it concerns.
 */
export async function planSecurity(ctx: SpecContext, operations: Operation[], servers: Server[], options: SecurityOptions): Promise<SecurityPlan> {
  const schemes = readSchemes(ctx);
  const global = requirements(ctx, ctx.spec.security, '/security') ?? [];
  const perOperation = operations.map(
    (op) => requirements(ctx, op.operation.value.security, childPointer(op.operation.pointer, 'security')) ?? global,
  );
  const chosen = chooseScheme(schemes, perOperation);
  if (chosen) warnAboutOthers(ctx, chosen, schemes, perOperation);

  const scopes = new Set<string>();
  const cookieSchemes = new Map<string, Scheme>();
  const unmet = new Map<string, string[]>();
  const decisions = perOperation.map((reqs, i) => {
    const alternative = pickAlternative(reqs, chosen, schemes);
    if (alternative === undefined) return { none: reqs.length === 0 && chosen !== undefined, cookies: [] };
    const names = Object.keys(alternative);
    const covered = chosen !== undefined && names.includes(chosen.name);
    if (covered) for (const scope of alternative[chosen.name]!) scopes.add(scope);
    const cookies = names.flatMap((n) => {
      const scheme = schemes.get(n);
      if (scheme?.mapping.kind !== 'cookie') return [];
      cookieSchemes.set(n, scheme);
      return [{ name: scheme.mapping.name, variable: cookieVariable(n) }];
    });
    const missing = names.filter((n) => n !== chosen?.name && schemes.get(n)?.mapping.kind !== 'cookie');
    if (missing.length) {
      const reason = unmetReason(missing, chosen, covered, schemes);
      unmet.set(reason, [...(unmet.get(reason) ?? []), operationLabel(operations[i]!)]);
    }
    return { none: chosen !== undefined && !covered && missing.length === 0, cookies };
  });

  for (const [reason, labels] of unmet) {
    const examples = labels.slice(0, 3).join(', ') + (labels.length > 3 ? ', …' : '');
    ctx.warnings.add(`${labels.length} operation(s) ${reason} (${examples})`, { file: ctx.file });
  }
  const secretVariables = [...cookieSchemes.keys()].map(cookieVariable).sort();
  for (const scheme of cookieSchemes.values()) {
    const variable = cookieVariable(scheme.name);
    ctx.warnings.add(
      `${describeScheme(scheme)} is sent as a Cookie header with {{${variable}}} on the requests that need it (collection auth cannot set cookies); pass the key at run time: newman run … --env-var ${variable}=…`,
      { file: ctx.file },
    );
  }

  const collection = chosen ? await collectionAuth(ctx, chosen, [...scopes].sort(), servers, options) : {};
  const auth: Auth | undefined = collection.auth
    ? { ...collection.auth, ...(secretVariables.length ? { secretVariables } : {}) }
    : secretVariables.length
      ? { type: 'none', secretVariables }
      : undefined;
  return { ...(auth ? { auth } : {}), ...(collection.tokenUrls ? { tokenUrls: collection.tokenUrls } : {}), operations: decisions };
}

/** A security requirement list (undefined when absent), scopes trimmed and blank ones dropped. */
function requirements(ctx: SpecContext, value: unknown, pointer: string): Requirement[] | undefined {
  if (value === undefined) return undefined;
  const invalid = (at: string) =>
    new GenCollectionError('spec-invalid', 'a security requirement must be a list of {scheme: [scopes]} objects', {
      file: ctx.file,
      pointer: at,
      fix: 'write security: [{ schemeName: [] }], or security: [] for no auth',
    });
  if (!Array.isArray(value)) throw invalid(pointer);
  return value.map((alternative, i) => {
    if (!isObject(alternative)) throw invalid(childPointer(pointer, i));
    const requirement: Requirement = {};
    for (const [name, scopes] of Object.entries(alternative)) {
      if (!Array.isArray(scopes)) throw invalid(childPointer(childPointer(pointer, i), name));
      requirement[name] = scopes.flatMap((s) => (typeof s === 'string' ? s.split(/\s+/) : [])).filter((s) => s !== '');
    }
    return requirement;
  });
}

/** The scheme the collection authenticates with: best rank, then most used, then declaration order. */
function chooseScheme(schemes: Map<string, Scheme>, perOperation: Requirement[][]): Scheme | undefined {
  const usage = new Map<string, number>();
  for (const reqs of perOperation) {
    for (const name of new Set(reqs.flatMap((r) => Object.keys(r)))) usage.set(name, (usage.get(name) ?? 0) + 1);
  }
  const candidates = [...schemes.values()].filter((s) => usage.has(s.name) && schemeRank(s.mapping) !== undefined);
  candidates.sort((a, b) => schemeRank(a.mapping)! - schemeRank(b.mapping)! || usage.get(b.name)! - usage.get(a.name)! || a.index - b.index);
  return candidates[0];
}

function warnAboutOthers(ctx: SpecContext, chosen: Scheme, schemes: Map<string, Scheme>, perOperation: Requirement[][]): void {
  const used = new Set(perOperation.flatMap((reqs) => reqs.flatMap((r) => Object.keys(r))));
  const others = [...schemes.values()].filter((s) => s !== chosen && used.has(s.name) && schemeRank(s.mapping) !== undefined);
  if (others.length) {
    ctx.warnings.add(
      `the spec uses several security schemes; the collection authenticates with ${describeScheme(chosen)}, not ${others.map(describeScheme).join(', ')}: give another auth in a config with -c to change that`,
      { file: ctx.file },
    );
  }
  if (chosen.mapping.kind === 'oauth2' && chosen.mapping.otherFlows.length) {
    const flow = chosen.mapping.grantType === 'password' ? 'password' : 'clientCredentials';
    ctx.warnings.add(`the collection uses the ${flow} flow; the other flows (${chosen.mapping.otherFlows.join(', ')}) are not used`, { file: ctx.file, pointer: chosen.pointer });
  }
}

/**
 * The alternative of a requirement list the request follows: none when auth is optional (`{}`) or not
 * required; else the first with the collection scheme, else the first that cookies alone satisfy, else the first.
 */
function pickAlternative(reqs: Requirement[], chosen: Scheme | undefined, schemes: Map<string, Scheme>): Requirement | undefined {
  if (reqs.length === 0 || reqs.some((r) => Object.keys(r).length === 0)) return undefined;
  const cookiesOnly = (r: Requirement) => Object.keys(r).every((n) => schemes.get(n)?.mapping.kind === 'cookie');
  return reqs.find((r) => chosen !== undefined && chosen.name in r) ?? reqs.find(cookiesOnly) ?? reqs[0];
}

function unmetReason(missing: string[], chosen: Scheme | undefined, covered: boolean, schemes: Map<string, Scheme>): string {
  const names = missing.map((n) => {
    const scheme = schemes.get(n);
    return scheme ? describeScheme(scheme) : `'${n}' (not declared in the spec's security schemes)`;
  });
  if (!chosen) return `require ${names.join(' and ')}, which gen-collection cannot send`;
  if (covered) return `also require ${names.join(' and ')}, which gen-collection does not send`;
  return `require ${names.join(' and ')} instead of ${describeScheme(chosen)}: they inherit the collection auth`;
}

/** Environment variable name holding a cookie API key: the scheme name, made variable-safe. */
function cookieVariable(schemeName: string): string {
  return schemeName.replace(/[^A-Za-z0-9_.-]+/g, '_');
}

async function collectionAuth(
  ctx: SpecContext,
  scheme: Scheme,
  scopes: string[],
  servers: Server[],
  options: SecurityOptions,
): Promise<{ auth?: Auth; tokenUrls?: string[] }> {
  const m = scheme.mapping;
  const scope = scopes.length ? { scope: scopes.join(' ') } : {};
  const oauth2 = (grantType: 'client_credentials' | 'password', url: string) => {
    const plan = planTokenUrl(url, servers);
    return { auth: { type: 'oauth2' as const, grantType, tokenUrl: plan.tokenUrl, ...scope }, ...(plan.perServer ? { tokenUrls: plan.perServer } : {}) };
  };
  switch (m.kind) {
    case 'oauth2':
      return oauth2(m.grantType, m.tokenUrl);
    case 'oidc': {
      if (!options.discoverOpenIdConnect) {
        ctx.warnings.add(
          `OpenID Connect: the token endpoint is in the discovery document ${m.url}, which is fetched only with --discover (discoverOpenIdConnect); until then the collection sends {{access_token}} as a static Bearer token`,
          { file: ctx.file, pointer: scheme.pointer },
        );
        return { auth: { type: 'bearer' } };
      }
      const url = absoluteUrl(m.url, servers);
      const at = childPointer(scheme.pointer, 'openIdConnectUrl');
      if (!url) {
        throw new GenCollectionError('spec-invalid', `openIdConnectUrl '${m.url}' is relative and the spec has no absolute server URL`, {
          file: ctx.file,
          pointer: at,
          fix: 'make openIdConnectUrl absolute',
        });
      }
      const discovered = await discoverOpenIdConfiguration(url, { file: ctx.file, pointer: at });
      const grants = discovered.grantTypes;
      const grantType = grants && !grants.includes('client_credentials') && grants.includes('password') ? 'password' : 'client_credentials';
      if (grants && !grants.includes(grantType)) {
        ctx.warnings.add(`${url} lists neither client_credentials nor password in grant_types_supported: the token request may be refused`, { file: ctx.file });
      }
      return oauth2(grantType, discovered.tokenEndpoint);
    }
    case 'interactive':
      ctx.warnings.add(
        `the ${m.flows.join('/')} flow needs a browser; the collection sends {{access_token}} as a static Bearer token: pass one with newman run … --env-var access_token=…`,
        { file: ctx.file, pointer: scheme.pointer },
      );
      return { auth: { type: 'bearer' } };
    case 'bearer':
      return { auth: { type: 'bearer' } };
    case 'basic':
      return { auth: { type: 'basic' } };
    case 'apikey':
      return { auth: { type: 'apikey', name: m.name, in: m.in } };
    default:
      return {};
  }
}
