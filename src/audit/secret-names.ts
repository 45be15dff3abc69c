/** Word stems that make a variable, parameter or field name a secret's name. */
const SECRET_STEMS = [
  'secret',
  'password',
  'passwd',
  'passphrase',
  'token',
  'apikey',
  'privatekey',
  'credential',
  'cookie',
  'authkey',
  'signature',
];
/** Whole words that do the same. */
const SECRET_WORDS = new Set(['pwd', 'pass', 'sig']);
/** A last word that makes the name about a secret rather than the secret: `token_url`, `token_expires_at`, `tokenType`. */
const NOT_SECRET_LAST = new Set([
  'url',
  'uri',
  'endpoint',
  'path',
  'name',
  'type',
  'expires',
  'expiry',
  'expiration',
  'at',
  'in',
  'ttl',
  'length',
  'prefix',
  'header',
  'location',
  'hint',
  'policy',
  'format',
  'mode',
  'method',
  'count',
  'id',
  'to',
  'enabled',
]);
/** Words that make a "token" something else: paging cursors (`nextToken`), CSRF tokens, tokenizers; `pass_through`. */
const NOT_SECRET_WORDS = new Set([
  'page',
  'next',
  'prev',
  'previous',
  'continuation',
  'cursor',
  'sync',
  'csrf',
  'xsrf',
  'tokenizer',
  'tokenize',
  'through',
]);

/**
 * True for names of secrets by pattern: `client_secret`, `password`, `access_token`, `apiKey`,
 * `X-API-Key`, `private_key`, `refreshToken`, … but not `token_url`, `token_expires_at` or `tokenType`.
 */
export function isSecretName(name: string): boolean {
  let known = verdicts.get(name);
  if (known === undefined) {
    known = judgeName(name);
    if (verdicts.size < 10_000) verdicts.set(name, known);
  }
  return known;
}

/** Names repeat across a collection (`name`, `raw`, `key`, …): judged once each. */
const verdicts = new Map<string, boolean>();

function judgeName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return false;
  if (NOT_SECRET_LAST.has(words[words.length - 1]!) || words.some((w) => NOT_SECRET_WORDS.has(w))) return false;
  // `Postman-Token` is the random id the Postman app stamps on each request (a cache-buster), not a credential.
  if (words.length >= 2 && words[words.length - 1] === 'token' && words[words.length - 2] === 'postman') return false;
  const joined = words.join('');
  return SECRET_STEMS.some((stem) => joined.includes(stem)) || words.some((w) => SECRET_WORDS.has(w));
}

/** Header names whose value is a credential. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** True for `Authorization`, `Proxy-Authorization`, cookie headers and secret-named ones (`X-API-Key`, `X-Auth-Token`). */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.trim().toLowerCase()) || isSecretName(name);
}
