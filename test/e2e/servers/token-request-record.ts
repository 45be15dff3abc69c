/**
 * What an e2e token endpoint saw: one record per token request, parsed the same way for
 * oidc-provider (recorded in front of it) and for the test token server.
 */
import type { IncomingHttpHeaders } from 'node:http';

/**
 * How the client authenticated: HTTP Basic header, `client_secret` in the body, a client assertion (signed
 * with a private key, or HS* with the secret: `client_secret_jwt`), or none of them.
 */
export type ClientAuthMethod = 'basic' | 'body' | 'private_key_jwt' | 'client_secret_jwt' | 'none';

/** How the body was encoded, from the Content-Type header. */
export type BodyFormat = 'form' | 'json' | 'none' | 'other';

/** One token request as received. Values are kept as sent (secrets included): never print a record. */
export interface TokenRequestRecord {
  /** Epoch ms when the request arrived. */
  at: number;
  path: string;
  grantType: string | undefined;
  clientAuth: ClientAuthMethod;
  /** Client id from the Basic header, else from the body. */
  clientId: string | undefined;
  /** Client secret from the Basic header, else from the body. */
  clientSecret: string | undefined;
  bodyFormat: BodyFormat;
  contentType: string;
  /** Body parameters (form or JSON; non-string JSON values stringified). */
  params: Record<string, string>;
  /** Response status, filled in when the answer is sent (0 until then). */
  status: number;
  /** The request carried `Authorization: Bearer …` (a runner lending the collection's auth to the token request). */
  bearer: boolean;
  /** The `DPoP` header (a proof JWT), when the request carried one. */
  dpopProof?: string;
  /**
   * True when the answer was a DPoP nonce challenge (RFC 9449 §8: `400 use_dpop_nonce` with a `DPoP-Nonce`
   * header): such a request is a nonce retry's first half, counted apart from the token requests proper.
   */
  nonceChallenge?: boolean;
}

/** Parses a token request's headers and raw body into a record (status 0). */
export function parseTokenRequest(path: string, headers: IncomingHttpHeaders, body: Buffer): TokenRequestRecord {
  const contentType = headers['content-type'] ?? '';
  const bodyFormat = formatOf(contentType, body);
  const params = parseParams(bodyFormat, body);
  const basic = parseBasic(headers.authorization);
  const clientAuth: ClientAuthMethod = basic
    ? 'basic'
    : params.client_secret !== undefined
      ? 'body'
      : params.client_assertion !== undefined
        ? assertionMethod(params.client_assertion)
        : 'none';
  return {
    at: Date.now(),
    path,
    grantType: params.grant_type,
    clientAuth,
    clientId: basic?.id ?? params.client_id,
    clientSecret: basic?.secret ?? params.client_secret,
    bodyFormat,
    contentType,
    params,
    status: 0,
    bearer: /^Bearer\b/i.test(headers.authorization ?? ''),
    ...(typeof headers.dpop === 'string' ? { dpopProof: headers.dpop } : {}),
  };
}

/** `client_secret_jwt` for an HMAC-signed client assertion, else `private_key_jwt`. */
function assertionMethod(jwt: string): ClientAuthMethod {
  try {
    const header = JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as { alg?: string };
    return header.alg?.startsWith('HS') ? 'client_secret_jwt' : 'private_key_jwt';
  } catch {
    return 'private_key_jwt';
  }
}

function formatOf(contentType: string, body: Buffer): BodyFormat {
  if (/application\/x-www-form-urlencoded/i.test(contentType)) return 'form';
  if (/[/+]json/i.test(contentType)) return 'json';
  return body.length === 0 && !contentType ? 'none' : 'other';
}

function parseParams(format: BodyFormat, body: Buffer): Record<string, string> {
  const text = body.toString('utf8');
  if (format === 'form') return Object.fromEntries(new URLSearchParams(text));
  if (format !== 'json') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(
    Object.entries(parsed).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
}

/** RFC 6749 §2.3.1: `Basic base64(urlencode(id):urlencode(secret))`; plain (unencoded) pairs decode the same. */
export function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: safeDecode(decoded.slice(0, colon)), secret: safeDecode(decoded.slice(colon + 1)) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}
