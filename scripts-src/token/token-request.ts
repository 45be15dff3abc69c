import { readVariable } from './storage.ts';

/** The grant-specific fields of a token request, `grant_type` first. */
export type Grant = Record<string, string>;

/**
 * The token request for a grant: URL and parameters resolved with `pm.variables.replaceIn`, the configured
 * parameters (scope, audience, …) and the client authentication added, empty values left out. The client
 * secret is sent only by `body` and `basic` client authentication.
 */
export function tokenRequest(grant: Grant): SandboxRequestDefinition {
  const { vars, params = {}, bodyFormat } = genCollection;
  const fields: Grant = { ...grant };
  // The config check keeps grant and client fields out of `params`.
  for (const name in params) fields[name] = pm.variables.replaceIn(params[name]!);
  const client = { client_id: readVariable(vars.clientId), client_secret: readVariable(vars.clientSecret) };
  const header: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': `application/${bodyFormat === 'json' ? 'json' : 'x-www-form-urlencoded'}`,
  };
  const { clientAuth } = genCollection;
  if (clientAuth === 'basic') {
    // RFC 6749 §2.3.1: id and secret urlencoded, joined by ':', then base64.
    const credentials = Object.values(client).map(encodeURIComponent).join(':');
    header.Authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
  } else if (clientAuth === 'body') {
    Object.assign(fields, client);
  } else {
    // A signed client assertion, or a public client: the id alone, the secret never leaves.
    fields.client_id = client.client_id;
  }
  const sent = Object.keys(fields).filter((key) => fields[key]);
  return {
    url: pm.variables.replaceIn(genCollection.tokenUrl),
    method: 'POST',
    header,
    body:
      bodyFormat === 'json'
        ? { mode: 'raw', raw: JSON.stringify(fields, sent) }
        : { mode: 'urlencoded', urlencoded: sent.map((key) => ({ key, value: fields[key]! })) },
  };
}
