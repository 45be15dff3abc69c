import { authParams } from '../postman/auth-params.js';
import { isObject, type JsonObject } from '../json/json-value.js';
import { headerSecret, literalSecret } from './literal.js';
import { isSecretName } from './secret-names.js';

/** The secret params of each Postman auth type; other params (`username`, `key`, `algorithm`, …) are not secrets. */
const SECRET_PARAMS: Record<string, readonly string[]> = {
  bearer: ['token'],
  basic: ['password'],
  digest: ['password'],
  ntlm: ['password'],
  apikey: ['value'],
  oauth1: ['consumerSecret', 'token', 'tokenSecret', 'privateKey'],
  oauth2: ['accessToken', 'refreshToken', 'idToken', 'clientSecret', 'password'],
  awsv4: ['secretKey', 'sessionToken'],
  hawk: ['authKey'],
  akamai: ['accessToken', 'clientToken', 'clientSecret'],
  edgegrid: ['accessToken', 'clientToken', 'clientSecret'],
  jwt: ['secret', 'privateKey'],
  asap: ['privateKey'],
};

/** oauth2 params that hold lists of extra request params, e.g. a `client_secret` sent to the token URL. */
const NESTED_PARAM_LISTS = new Set(['tokenRequestParams', 'authRequestParams', 'refreshRequestParams']);

/** A literal secret in an auth block: its path inside the block, which param it is, the value. */
export interface AuthSecret {
  path: (string | number)[];
  what: string;
  secret: string;
}

/**
 * Literal secrets of an auth block, in v2.0 object and v2.1 array form, for every auth type it holds
 * (the Postman app keeps the params of types that are not selected too). Unknown types are judged by
 * their param names.
 */
export function authSecrets(auth: JsonObject): AuthSecret[] {
  const found: AuthSecret[] = [];
  for (const type of Object.keys(auth)) {
    if (type === 'type') continue;
    // own keys only: an auth member named `constructor` or `toString` is no known type (found by the fuzzer)
    const known = Object.hasOwn(SECRET_PARAMS, type) ? SECRET_PARAMS[type] : undefined;
    const params = authParams(auth, type);
    // An apikey auth sending a header is judged as that header (`Authorization: DPoP {{access_token}}` is fine).
    const header = type === 'apikey' ? params.find((p) => p.key === 'key')?.value : undefined;
    for (const param of params) {
      const secret = (known ? known.includes(param.key) : isSecretName(param.key))
        ? typeof header === 'string' && param.key === 'value'
          ? headerSecret(header, param.value)
          : literalSecret(param.value)
        : undefined;
      if (secret) found.push({ path: param.path, what: `${type} ${param.key}`, secret });
      if (NESTED_PARAM_LISTS.has(param.key) && Array.isArray(param.value)) {
        param.value.forEach((entry, i) => {
          if (!isObject(entry) || typeof entry.key !== 'string' || !isSecretName(entry.key)) return;
          const nested = literalSecret(entry.value);
          if (nested)
            found.push({
              path: [...param.path, i, 'value'],
              what: `${type} ${param.key} "${entry.key}"`,
              secret: nested,
            });
        });
      }
    }
  }
  return found;
}
