import type { Auth, OAuth2Auth } from '../config/config-types.generated.js';
import { childPointer } from '../json/pointer.js';
import { operationLabel, type Operation } from './operations.js';
import { chooseScheme, pickAlternative, requirements, type Requirement } from './scheme-choice.js';
import { collectionAuth, type SecurityOptions } from './scheme-auth.js';
import { chooseProfiles } from './scheme-profiles.js';
import { describeScheme, readSchemes, schemeRank, type Scheme } from './security-schemes.js';
import type { Server } from './servers.js';
import type { SpecContext } from './spec-context.js';
import { unlessInvalid } from './spec-problem.js';

/** How one request authenticates. */
export interface OperationAuth {
  /** The request needs no auth (`security: []`, or none declared): `auth: 'none'`. */
  none: boolean;
  /** API keys it sends as cookies: cookie name and the secret variable holding the key. */
  cookies: { name: string; variable: string }[];
  /** The auth profile (another OAuth2 scheme) the request authenticates with, instead of the collection auth. */
  profile?: string;
}

/** The collection-level auth chosen from the spec, and what each operation does with it. */
export interface SecurityPlan {
  auth?: Auth;
  /** `token_url` per server (server order) when the token URL differs from server to server. */
  tokenUrls?: string[];
  /** The other OAuth2 token-flow schemes the operations use, as auth profiles by name. */
  authProfiles?: Record<string, OAuth2Auth>;
  /** A profile's `token_url_<profile>` per server (server order), by variable, when its token URL differs from server to server. */
  profileTokenUrls?: Record<string, string[]>;
  /** One entry per operation, in the order given. */
  operations: OperationAuth[];
}

/**
 * Picks the collection auth among the schemes the operations use (OAuth2 client credentials first, then
 * password, OpenID Connect, bearer, browser-only OAuth2 flows as a run-time bearer token, API key, basic;
 * the most used on a tie), with the union of the scopes the operations need, and decides per operation.
 * What a collection cannot express is warned about once per kind, with the operations it concerns.
 */
export async function planSecurity(
  ctx: SpecContext,
  operations: Operation[],
  servers: Server[],
  options: SecurityOptions,
): Promise<SecurityPlan> {
  const schemes = readSchemes(ctx);
  // An invalid requirement list is read as absent (with a warning): the operation falls back to the spec's.
  const read = (value: unknown, pointer: string, consequence: string) =>
    unlessInvalid(ctx, consequence, pointer, () => requirements(ctx, value, pointer));
  const global = read(ctx.spec.security, '/security', 'operations without their own security need none') ?? [];
  const perOperation = operations.map((op) => {
    const pointer = childPointer(op.operation.pointer, 'security');
    return read(op.operation.value.security, pointer, "the operation follows the spec's security") ?? global;
  });
  const best = chooseScheme(schemes, perOperation);
  const { chosen, profiles } = best
    ? chooseProfiles(best, schemes, perOperation)
    : { chosen: undefined, profiles: new Map<string, string>() };
  if (chosen) warnAboutOthers(ctx, chosen, schemes, perOperation, profiles);

  const scopes = new Set<string>();
  const profileScopes = new Map([...profiles.keys()].map((name) => [name, new Set<string>()]));
  const cookieSchemes = new Map<string, Scheme>();
  // reason → the operations it concerns, and where the first one's requirement is
  const unmet = new Map<string, { labels: string[]; pointer: string }>();
  const decisions = perOperation.map((reqs, i) => {
    const alternative = pickAlternative(reqs, chosen, schemes, profiles);
    if (alternative === undefined) return { none: reqs.length === 0 && chosen !== undefined, cookies: [] };
    const names = Object.keys(alternative);
    const covered = chosen !== undefined && names.includes(chosen.name);
    if (covered) for (const scope of alternative[chosen.name]!) scopes.add(scope);
    const profileScheme = covered ? undefined : names.find((n) => profiles.has(n));
    if (profileScheme) for (const scope of alternative[profileScheme]!) profileScopes.get(profileScheme)!.add(scope);
    const cookies = names.flatMap((n) => {
      const scheme = schemes.get(n);
      if (scheme?.mapping.kind !== 'cookie') return [];
      cookieSchemes.set(n, scheme);
      return [{ name: scheme.mapping.name, variable: cookieVariable(n) }];
    });
    const missing = names.filter(
      (n) => n !== chosen?.name && n !== profileScheme && schemes.get(n)?.mapping.kind !== 'cookie',
    );
    if (missing.length) {
      const reason = unmetReason(missing, chosen, covered || profileScheme !== undefined, schemes);
      const op = operations[i]!;
      const pointer =
        op.operation.value.security !== undefined ? childPointer(op.operation.pointer, 'security') : '/security';
      const entry = unmet.get(reason) ?? { labels: [], pointer };
      entry.labels.push(operationLabel(op));
      unmet.set(reason, entry);
    }
    const profile = profileScheme === undefined ? {} : { profile: profiles.get(profileScheme)! };
    return { none: chosen !== undefined && !covered && !profileScheme && missing.length === 0, cookies, ...profile };
  });

  for (const [reason, { labels, pointer }] of unmet) {
    const examples = labels.slice(0, 3).join(', ') + (labels.length > 3 ? ', …' : '');
    ctx.warnings.add(`${labels.length} operation(s) ${reason} (${examples})`, { file: ctx.file, pointer });
  }
  const secretVariables = [...cookieSchemes.keys()].map(cookieVariable).sort();
  for (const scheme of cookieSchemes.values()) {
    const variable = cookieVariable(scheme.name);
    ctx.warnings.add(
      `${describeScheme(scheme)} is sent as a Cookie header with {{${variable}}} on the requests that need it (collection auth cannot set cookies); pass the key at run time: newman run … --env-var ${variable}=…`,
      { file: ctx.file, pointer: scheme.pointer },
    );
  }

  const collection = chosen ? await collectionAuth(ctx, chosen, [...scopes].sort(), servers, options) : {};
  const authProfiles: Record<string, OAuth2Auth> = {};
  const profileTokenUrls: Record<string, string[]> = {};
  for (const [schemeName, profile] of profiles) {
    const planned = await collectionAuth(
      ctx,
      schemes.get(schemeName)!,
      [...profileScopes.get(schemeName)!].sort(),
      servers,
      options,
    );
    if (planned.auth?.type !== 'oauth2') continue;
    authProfiles[profile] = planned.auth;
    if (planned.tokenUrls) {
      const variable = `token_url_${profile}`;
      authProfiles[profile] = { ...planned.auth, tokenUrl: `{{${variable}}}` };
      profileTokenUrls[variable] = planned.tokenUrls;
    }
  }
  const auth: Auth | undefined = collection.auth
    ? { ...collection.auth, ...(secretVariables.length ? { secretVariables } : {}) }
    : secretVariables.length
      ? { type: 'none', secretVariables }
      : undefined;
  return {
    ...(auth ? { auth } : {}),
    ...(collection.tokenUrls ? { tokenUrls: collection.tokenUrls } : {}),
    ...(Object.keys(authProfiles).length ? { authProfiles } : {}),
    ...(Object.keys(profileTokenUrls).length ? { profileTokenUrls } : {}),
    operations: decisions,
  };
}

function warnAboutOthers(
  ctx: SpecContext,
  chosen: Scheme,
  schemes: Map<string, Scheme>,
  perOperation: Requirement[][],
  profiles: ReadonlyMap<string, string>,
): void {
  const used = new Set(perOperation.flatMap((reqs) => reqs.flatMap((r) => Object.keys(r))));
  const others = [...schemes.values()].filter(
    (s) => s !== chosen && !profiles.has(s.name) && used.has(s.name) && schemeRank(s.mapping) !== undefined,
  );
  if (others.length) {
    ctx.warnings.add(
      `the spec uses several security schemes; the collection authenticates with ${describeScheme(chosen)}, not ${others.map(describeScheme).join(', ')}: give another auth in a config with -c to change that`,
      { file: ctx.file, pointer: chosen.pointer },
    );
  }
  if (chosen.mapping.kind === 'oauth2' && chosen.mapping.otherFlows.length) {
    const flow = chosen.mapping.grantType === 'password' ? 'password' : 'clientCredentials';
    ctx.warnings.add(
      `the collection uses the ${flow} flow; the other flows (${chosen.mapping.otherFlows.join(', ')}) are not used`,
      { file: ctx.file, pointer: chosen.pointer },
    );
  }
}

function unmetReason(
  missing: string[],
  chosen: Scheme | undefined,
  covered: boolean,
  schemes: Map<string, Scheme>,
): string {
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
