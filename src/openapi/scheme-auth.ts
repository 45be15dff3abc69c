import type { Auth } from '../config/config-types.generated.js';
import { childPointer } from '../json/pointer.js';
import { GenCollectionError } from '../errors.js';
import { discoverOpenIdConfiguration } from './oidc-discovery.js';
import type { Scheme } from './security-schemes.js';
import type { Server } from './servers.js';
import type { SpecContext } from './spec-context.js';
import { absoluteUrl, planTokenUrl } from './token-url.js';

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
    const plan = planTokenUrl(url, servers);
    return {
      auth: { type: 'oauth2' as const, grantType, tokenUrl: plan.tokenUrl, ...scope },
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
