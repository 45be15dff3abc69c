import * as runtime from '../runtime/runtime.ts';
import type { HttpRequest } from '../runtime/runtime.ts';
import { hooks } from './hooks.ts';

/** The grant-specific fields of a token request, `grant_type` first. */
export type Grant = Record<string, string>;

/**
 * The token request for a grant: what the features add (a signed assertion, a proof header), then the
 * configured parameters (scope, audience, …) resolved, then the client credentials where the resolved client
 * authentication sends them (`genCollection.client.sends`); empty values left out.
 */
export function tokenRequest(grant: Grant): HttpRequest {
  const { vars, params = {}, bodyFormat, client } = genCollection;
  const fields: Grant = { ...grant };
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': `application/${bodyFormat === 'json' ? 'json' : 'x-www-form-urlencoded'}`,
  };
  const url = runtime.replaceIn(genCollection.tokenUrl);
  for (const hook of hooks.tokenRequest) hook(fields, headers, url);
  // The config check keeps grant and client fields out of `params`.
  for (const name in params) fields[name] = runtime.replaceIn(params[name]!);
  const credentials = { client_id: runtime.read(vars.clientId), client_secret: runtime.read(vars.clientSecret) };
  const basic: string[] = [];
  for (const [key, value] of Object.entries(credentials)) {
    const place = client.sends[key as keyof typeof credentials];
    if (place === 'body') fields[key] = value;
    // RFC 6749 §2.3.1: id and secret urlencoded, joined by ':', then base64.
    if (place === 'basic') basic.push(encodeURIComponent(value));
  }
  if (basic.length) headers.Authorization = `Basic ${Buffer.from(basic.join(':')).toString('base64')}`;
  const sent = Object.keys(fields).filter((key) => fields[key]);
  return {
    url,
    method: 'POST',
    headers,
    body: bodyFormat === 'json' ? { raw: JSON.stringify(fields, sent) } : { form: sent.map((key) => [key, fields[key]!]) },
  };
}
