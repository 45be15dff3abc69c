import { slugify } from '../slug.js';

/** Where an extracted secret was, as far as its variable's name goes. */
export interface NameContext {
  kind: 'auth' | 'header' | 'cookie' | 'field' | 'collection variable' | 'url password';
  /** The param, header, cookie, field or variable name (may be empty when the place has none). */
  name: string;
  /** The auth type, for `auth`. */
  authType?: string;
  /** The request or folder it was in, to tell apart two values the same name would fit. */
  itemName?: string;
}

/**
 * A readable, deterministic variable name for a secret from where it was: `basic_password`,
 * `oauth1_consumer_secret`, `awsv4_secret_key`, `authorization_header`, `session_cookie`, `client_secret`,
 * `url_password`. When that name is taken it is prefixed with the request's name (`echo_client_secret`),
 * then numbered (`…_2`); `taken` holds every name in use.
 */
export function secretVariableName(context: NameContext, taken: ReadonlySet<string>): string {
  const base = baseName(context);
  const candidates = [base];
  const item = words(
    snake(context.itemName ?? (context.kind === 'collection variable' ? 'collection' : '')),
    ITEM_CHARS,
  );
  if (item) candidates.push(`${item}_${base}`);
  const free = candidates.find((name) => !taken.has(name));
  if (free) return free;
  const last = candidates[candidates.length - 1]!;
  let n = 2;
  while (taken.has(`${last}_${n}`)) n++;
  return `${last}_${n}`;
}

function baseName(context: NameContext): string {
  const name = snake(context.name);
  switch (context.kind) {
    case 'auth':
      return `${snake(context.authType ?? 'auth')}_${name || 'secret'}`;
    case 'header':
      return `${name || 'secret'}_header`;
    case 'cookie':
      return name ? `${name}_cookie` : 'cookie';
    case 'url password':
      return 'url_password';
    default:
      return name || 'secret';
  }
}

/**
 * At most this many characters of the request's name go in front of a taken name: exported collections name
 * requests with whole sentences (openapi-to-postmanv2 uses an operation's description when it has no summary).
 */
const ITEM_CHARS = 40;

/** A snake_case name cut to its whole words within `max` characters (the first word, cut, when it alone is longer). */
function words(name: string, max: number): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max + 1).lastIndexOf('_');
  return cut > 0 ? name.slice(0, cut) : name.slice(0, max);
}

/** `consumerSecret` → `consumer_secret`, `X-API-Key` → `x_api_key`; a name Postman and every shell read as one word. */
function snake(name: string): string {
  const words = slugify(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2')).replace(/-/g, '_');
  return /^[0-9]/.test(words) ? `v_${words}` : words;
}
