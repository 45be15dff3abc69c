import { readVariable } from './storage.ts';

/** The grant-specific fields of a token request, `grant_type` first. */
export type Grant = Record<string, string>;

/** The configured grant: `client_credentials`, or `password` with the username and password variables. */
export function primaryGrant(): Grant {
  const { username, password } = genCollection.vars;
  return genCollection.grantType === 'password'
    ? { grant_type: 'password', username: readVariable(username), password: readVariable(password) }
    : { grant_type: 'client_credentials' };
}

/**
 * The token request for a grant: URL and parameters resolved with `pm.variables.replaceIn`, the configured
 * parameters (scope, audience, …) and the client authentication added, empty values left out.
 */
export function tokenRequest(grant: Grant): SandboxRequestDefinition {
  const { vars, params, clientAuth, bodyFormat } = genCollection;
  const fields: Grant = { ...grant };
  for (const name of Object.keys(params)) {
    if (!(name in fields)) fields[name] = pm.variables.replaceIn(params[name]!);
  }
  const clientId = readVariable(vars.clientId);
  const clientSecret = readVariable(vars.clientSecret);
  const json = bodyFormat === 'json';
  const header = [
    { key: 'Accept', value: 'application/json' },
    { key: 'Content-Type', value: json ? 'application/json' : 'application/x-www-form-urlencoded' },
  ];
  if (clientAuth === 'basic') {
    // RFC 6749 §2.3.1: id and secret urlencoded, joined by ':', then base64.
    const credentials = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`);
    header.push({ key: 'Authorization', value: `Basic ${credentials.toString('base64')}` });
  } else {
    Object.assign(fields, { client_id: clientId, client_secret: clientSecret });
  }
  const sent = Object.keys(fields).filter((key) => fields[key] !== '');
  return {
    url: pm.variables.replaceIn(genCollection.tokenUrl),
    method: 'POST',
    header,
    body: json
      ? { mode: 'raw', raw: JSON.stringify(fields, sent) }
      : { mode: 'urlencoded', urlencoded: sent.map((key) => ({ key, value: fields[key]! })) },
  };
}
