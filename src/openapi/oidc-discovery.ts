import { GenCollectionError } from '../errors.js';
import { isObject, text } from '../json/json-value.js';

/** What gen-collection reads from an OpenID Connect discovery document. */
export interface OpenIdConfiguration {
  tokenEndpoint: string;
  grantTypes?: string[];
}

const TIMEOUT_MS = 10_000;

/** Fetches an OpenID Connect discovery document and reads its `token_endpoint`. */
export async function discoverOpenIdConfiguration(
  url: string,
  where: { file: string; pointer: string },
): Promise<OpenIdConfiguration> {
  const fail = (reason: string) =>
    new GenCollectionError('spec-read', `OpenID Connect discovery at ${url} failed: ${reason}`, {
      ...where,
      fix: 'check that the URL serves the discovery document, or run without --discover',
    });
  let body: unknown;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw fail(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    if (error instanceof GenCollectionError) throw error;
    throw fail(
      error instanceof SyntaxError
        ? 'the response is not JSON'
        : error instanceof Error
          ? error.message
          : String(error),
    );
  }
  const tokenEndpoint = isObject(body) ? text(body.token_endpoint) : undefined;
  if (!tokenEndpoint || !isObject(body)) throw fail('the document has no token_endpoint');
  const grantTypes = Array.isArray(body.grant_types_supported)
    ? body.grant_types_supported.filter((g): g is string => typeof g === 'string')
    : undefined;
  return { tokenEndpoint, ...(grantTypes ? { grantTypes } : {}) };
}
