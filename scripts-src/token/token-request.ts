import * as runtime from '../runtime/runtime.ts';
import type { HttpRequest } from '../runtime/runtime.ts';
import { addTokenRequestProof } from './dpop.ts';
import { signTokenRequest } from './signed.ts';

/** The grant-specific fields of a token request, `grant_type` first. */
export type Grant = Record<string, string>;

/**
 * The token request for a grant: what the features add (signed assertions, a proof header), then the
 * configured parameters (scope, audience, …) resolved, then the client credentials where the resolved client
 * authentication sends them (`genCollection.client.sends`); empty values left out.
 */
export function tokenRequest(grant: Grant): HttpRequest {
  const { vars, params = {}, bodyFormat, client } = genCollection;
  const fields: Grant = { ...grant };
  const type = bodyFormat === 'json' ? 'json' : 'x-www-form-urlencoded';
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': `application/${type}` };
  const url = runtime.replaceIn(genCollection.tokenUrl);
  signed: signTokenRequest(fields);
  dpop: addTokenRequestProof(headers, url);
  // The config check keeps grant and client fields out of `params`.
  for (const name in params) fields[name] = runtime.replaceIn(params[name]!);
  const credentials = { client_id: runtime.read(vars.clientId), client_secret: runtime.read(vars.clientSecret) };
  // HTTP Basic takes both or neither; RFC 6749 §2.3.1: id and secret urlencoded, joined by ':', then base64.
  if (client.sends.client_id === 'basic') {
    const pair = `${encodeURIComponent(credentials.client_id)}:${encodeURIComponent(credentials.client_secret)}`;
    headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else for (const key in client.sends) fields[key] = credentials[key as keyof typeof credentials];
  const sent = Object.keys(fields).filter((key) => fields[key]);
  return {
    url,
    method: 'POST',
    header: headers,
    body:
      bodyFormat === 'json'
        ? { mode: 'raw', raw: JSON.stringify(fields, sent) }
        : { mode: 'urlencoded', urlencoded: sent.map((key) => ({ key, value: fields[key]! })) },
  };
}
