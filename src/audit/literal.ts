const TEMPLATE = /\{\{[^{}]*\}\}/g;
/**
 * Obvious placeholders are not secrets: `<token>`, `***`, `xxx`, `...`, the type names converters fill
 * examples with (`"access_token": "string"`), `changeme`; nor are flag words (`hide_secret=true`).
 */
const PLACEHOLDER =
  /^(<[^<>]*>|\*+|x{3,}|\.{3}|…|string|example|redacted|change[-_ ]?me|true|false|null|enabled|disabled)$/i;
/** Auth scheme words in front of a credential in an `Authorization` header. */
const AUTH_SCHEME =
  /^(bearer|dpop|basic|token|digest|negotiate|ntlm|jwt|apikey|api-key|hawk|oauth|aws4-hmac-sha256|edgegrid-v1)\s+/i;

/**
 * The secret text when `value` is a literal (a string with something besides `{{variables}}` and
 * whitespace, or a number), else undefined: empty values, pure templates and placeholders are fine.
 */
export function literalSecret(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const rest = value.replace(TEMPLATE, '').trim();
  return rest === '' || PLACEHOLDER.test(rest) ? undefined : value.trim();
}

/**
 * The literal secret in a credential header's value: after the scheme word of `Authorization`
 * (`Bearer {{token}}` is fine), in the cookie values of `Cookie` (`a={{x}}; b=…`) and in the first
 * pair of `Set-Cookie` (its attributes are not secret), else the whole value.
 */
export function headerSecret(name: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return literalSecret(value);
  const header = name.trim().toLowerCase();
  if (header === 'authorization' || header === 'proxy-authorization')
    return literalSecret(value.trim().replace(AUTH_SCHEME, ''));
  if (header === 'cookie' || header === 'set-cookie') {
    const pairs = header === 'cookie' ? value.split(';') : value.split(';').slice(0, 1);
    return pairs.map((pair) => literalSecret(pair.slice(pair.indexOf('=') + 1))).find((secret) => secret !== undefined);
  }
  return literalSecret(value);
}

/**
 * A secret as findings show it: its first 4 characters and `…` when it has 8 or more, else `…` alone,
 * so no finding ever carries more than 4 characters of a secret, nor most of a short one.
 */
export function maskSecret(secret: string): string {
  const chars = Array.from(secret);
  return chars.length >= 8 ? `${chars.slice(0, 4).join('')}…` : '…';
}
