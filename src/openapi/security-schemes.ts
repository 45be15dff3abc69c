import { childPointer } from '../json/pointer.js';
import { isObject, text, type JsonObject } from '../json/json-value.js';
import { isHeaderName } from './parameters.js';
import type { SpecContext } from './spec-context.js';

/** What a security scheme of the spec means for a Postman collection. */
export type SchemeMapping =
  | { kind: 'oauth2'; grantType: 'client_credentials' | 'password'; tokenUrl: string; otherFlows: string[] }
  /** OAuth2 with only browser flows (authorizationCode, implicit…): a token passed at run time. */
  | { kind: 'interactive'; flows: string[] }
  | { kind: 'oidc'; url: string }
  | { kind: 'bearer' }
  | { kind: 'basic' }
  | { kind: 'apikey'; name: string; in: 'header' | 'query' }
  | { kind: 'cookie'; name: string }
  | { kind: 'unsupported'; what: string };

/** A named security scheme, where it is declared and what it maps to. */
export interface Scheme {
  name: string;
  pointer: string;
  /** Declaration order, for deterministic ties. */
  index: number;
  mapping: SchemeMapping;
}

/** The declared schemes: 3.x `components.securitySchemes`, 2.0 `securityDefinitions`. */
export function readSchemes(ctx: SpecContext): Map<string, Scheme> {
  const [container, pointer] =
    ctx.version === '2.0'
      ? [ctx.spec.securityDefinitions, '/securityDefinitions']
      : [
          isObject(ctx.spec.components) ? ctx.spec.components.securitySchemes : undefined,
          '/components/securitySchemes',
        ];
  const schemes = new Map<string, Scheme>();
  if (!isObject(container)) return schemes;
  Object.keys(container).forEach((name, index) => {
    const located = ctx.refs.resolve(container[name], childPointer(pointer, name));
    const def = isObject(located.value) ? located.value : {};
    schemes.set(name, { name, pointer: located.pointer, index, mapping: mapScheme(def, ctx.version === '2.0') });
  });
  return schemes;
}

function mapScheme(def: JsonObject, swagger2: boolean): SchemeMapping {
  const type = typeof def.type === 'string' ? def.type : '';
  switch (type) {
    case 'oauth2':
      return swagger2 ? swaggerOAuth2(def) : openApiOAuth2(def);
    case 'openIdConnect': {
      const url = text(def.openIdConnectUrl);
      return url ? { kind: 'oidc', url } : { kind: 'unsupported', what: 'openIdConnect without openIdConnectUrl' };
    }
    case 'http': {
      const scheme = (text(def.scheme) ?? '').toLowerCase();
      if (scheme === 'bearer') return { kind: 'bearer' };
      if (scheme === 'basic') return { kind: 'basic' };
      return { kind: 'unsupported', what: `HTTP ${scheme || '(no scheme)'} authentication` };
    }
    case 'basic':
      return { kind: 'basic' };
    case 'apiKey': {
      const name = text(def.name);
      if (!name) return { kind: 'unsupported', what: 'apiKey without a name' };
      if (def.in === 'cookie') return { kind: 'cookie', name };
      if (def.in === 'header' && !isHeaderName(name))
        return { kind: 'unsupported', what: `apiKey in header '${name}', which is no HTTP header name` };
      if (def.in === 'header' || def.in === 'query') return { kind: 'apikey', name, in: def.in };
      return { kind: 'unsupported', what: `apiKey in ${String(def.in)}` };
    }
    case 'mutualTLS':
      return { kind: 'unsupported', what: 'mutual TLS (give Newman the client certificate with --ssl-client-cert)' };
    default:
      return { kind: 'unsupported', what: `security scheme type '${type}'` };
  }
}

function openApiOAuth2(def: JsonObject): SchemeMapping {
  const flows = isObject(def.flows) ? def.flows : {};
  const names = Object.keys(flows);
  for (const [flow, grantType] of [
    ['clientCredentials', 'client_credentials'],
    ['password', 'password'],
  ] as const) {
    const f = flows[flow];
    const tokenUrl = isObject(f) ? text(f.tokenUrl) : undefined;
    if (tokenUrl) return { kind: 'oauth2', grantType, tokenUrl, otherFlows: names.filter((n) => n !== flow) };
  }
  return { kind: 'interactive', flows: names };
}

function swaggerOAuth2(def: JsonObject): SchemeMapping {
  const flow = typeof def.flow === 'string' ? def.flow : '';
  const tokenUrl = text(def.tokenUrl);
  if (tokenUrl && flow === 'application')
    return { kind: 'oauth2', grantType: 'client_credentials', tokenUrl, otherFlows: [] };
  if (tokenUrl && flow === 'password') return { kind: 'oauth2', grantType: 'password', tokenUrl, otherFlows: [] };
  return { kind: 'interactive', flows: [flow || '(no flow)'] };
}

/** Preference for the collection-level auth; schemes without a rank cannot be collection auth. */
export function schemeRank(mapping: SchemeMapping): number | undefined {
  switch (mapping.kind) {
    case 'oauth2':
      return mapping.grantType === 'client_credentials' ? 0 : 1;
    case 'oidc':
      return 2;
    case 'bearer':
      return 3;
    case 'interactive':
      return 4;
    case 'apikey':
      return 5;
    case 'basic':
      return 6;
    default:
      return undefined;
  }
}

/** How a scheme is named in messages, e.g. `'oauth' (OAuth2 client credentials)`. */
export function describeScheme(scheme: Scheme): string {
  return `'${scheme.name}' (${mappingText(scheme.mapping)})`;
}

function mappingText(m: SchemeMapping): string {
  switch (m.kind) {
    case 'oauth2':
      return `OAuth2 ${m.grantType === 'password' ? 'password' : 'client credentials'}`;
    case 'interactive':
      return `OAuth2 ${m.flows.join('/')}`;
    case 'oidc':
      return 'OpenID Connect';
    case 'bearer':
      return 'HTTP bearer';
    case 'basic':
      return 'HTTP basic';
    case 'apikey':
      return `API key in ${m.in}`;
    case 'cookie':
      return 'API key in a cookie';
    case 'unsupported':
      return m.what;
  }
}
