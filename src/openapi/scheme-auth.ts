import type { Auth } from '../config/config-types.generated.js';
import { childPointer } from '../json/pointer.js';
import { GenCollectionError } from '../errors.js';
import { discoverOpenIdConfiguration } from './oidc-discovery.js';
import type { Scheme } from './security-schemes.js';
import type { Server } from './servers.js';
import type { SpecContext } from './spec-context.js';
import { fillVariables, tokenUrlSchemeProblem } from '../config/token-url-scheme.js';
import { absoluteUrl, planTokenUrl, type TokenUrlPlan } from './token-url.js';

/** How far `openapi` may go to find a token URL. */
export interface SecurityOptions {
  /** Fetch OpenID Connect discovery documents for their token endpoint. */
  discoverOpenIdConnect?: boolean;
}

/**
 * The collection auth for the chosen scheme, with the scopes the operations need: OAuth2 flows and OpenID Connect
 * (whose token endpoint comes from the discovery document, fetched only with `discoverOpenIdConnect`) as the
 * oauth2 token flow, browser-only flows and bearer as a run-time Bearer token, API key and basic as they are.
 */
export async function collectionAuth(
  ctx: SpecContext,
  scheme: Scheme,
  scopes: string[],
  servers: Server[],
  options: SecurityOptions,
): Promise<{ auth?: Auth; tokenUrls?: string[] }> {
  const m = scheme.mapping;
  const scope = scopes.length ? { scope: scopes.join(' ') } : {};
  const oauth2 = (grantType: 'client_credentials' | 'password', url: string) => {
    const plan = absolutePlan(ctx, scheme, planTokenUrl(url, servers), servers);
    const allowHttp = plainHttpAllowed(ctx, scheme, plan, servers) ? { allowHttp: true } : {};
    return {
      auth: { type: 'oauth2' as const, grantType, tokenUrl: plan.tokenUrl, ...allowHttp, ...scope },
      ...(plan.perServer ? { tokenUrls: plan.perServer } : {}),
    };
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
        throw new GenCollectionError(
          'spec-invalid',
          `openIdConnectUrl '${m.url}' is relative and the spec has no absolute server URL`,
          {
            file: ctx.file,
            pointer: at,
            fix: 'make openIdConnectUrl absolute',
          },
        );
      }
      const discovered = await discoverOpenIdConfiguration(url, { file: ctx.file, pointer: at });
      const grants = discovered.grantTypes;
      const grantType =
        grants && !grants.includes('client_credentials') && grants.includes('password')
          ? 'password'
          : 'client_credentials';
      if (grants && !grants.includes(grantType)) {
        ctx.warnings.add(
          `${url} lists neither client_credentials nor password in grant_types_supported: the token request may be refused`,
          { file: ctx.file },
        );
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

/** The token URL each server gives (the environments' values). */
function serverTokenUrls(plan: TokenUrlPlan, servers: Server[]): string[] {
  return plan.perServer ?? servers.map((s) => fillVariables(plan.tokenUrl, { base_url: s.url }));
}

/**
 * A token URL left without a scheme by a relative server URL cannot be sent (token rule 12): it becomes
 * `{{token_url}}`, empty in the environments of those servers, with a warning that says to set it.
 */
function absolutePlan(ctx: SpecContext, scheme: Scheme, plan: TokenUrlPlan, servers: Server[]): TokenUrlPlan {
  const urls = serverTokenUrls(plan, servers);
  const relative = urls.filter((url) => tokenUrlSchemeProblem(url, true) === 'no-scheme');
  if (relative.length === 0) return plan;
  ctx.warnings.add(
    `the token URL ${[...new Set(relative)].map((url) => JSON.stringify(url)).join(', ')} is relative to a relative server URL, so the collection sends its token requests to {{token_url}}, left empty`,
    {
      file: ctx.file,
      pointer: scheme.pointer,
      fix: 'set token_url to the absolute https:// token endpoint in an environment or in a config given with -c',
    },
  );
  return { tokenUrl: '{{token_url}}', perServer: urls.map((url) => (relative.includes(url) ? '' : url)) };
}

/**
 * Token rule 12 for a spec: a token URL the spec gives as plain http:// to another machine is mapped as it is
 * (the spec describes the API as it runs), with `allowHttp` so that the collection builds, and a warning.
 */
function plainHttpAllowed(ctx: SpecContext, scheme: Scheme, plan: TokenUrlPlan, servers: Server[]): boolean {
  const urls = serverTokenUrls(plan, servers);
  const plain = [...new Set(urls.filter((url) => tokenUrlSchemeProblem(url, false) === 'plain-http'))];
  if (plain.length === 0) return false;
  ctx.warnings.add(
    `the token URL ${plain.map((url) => JSON.stringify(url)).join(', ')} is plain HTTP: the client's credentials and the token travel unencrypted; the collection allows it ("allowHttp": true)`,
    {
      file: ctx.file,
      pointer: scheme.pointer,
      fix: 'use an https:// token URL in the spec, or give the auth in a config with -c (allowHttp stays false unless it sets it)',
    },
  );
  return true;
}
