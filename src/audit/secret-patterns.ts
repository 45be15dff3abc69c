/**
 * Shapes gen-collection knows that the secretlint recommended preset does not (or knows only in a form
 * that misses what collections hold): JWTs (sample tokens in descriptions and scripts), a private key's
 * BEGIN line even when the key itself is cut short, Google API keys, Azure storage account keys in connection
 * strings; and the families the preset added in 13.x, which needs Node 22 (this package runs the 12.0.0 rules):
 * Stripe secret and restricted keys (live and test), Cloudflare API tokens and keys, Tailscale keys, with
 * 13.x's bounds. Everything else is the preset's (`secretlint-rules.ts`).
 */
const PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'private key', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/g },
  { what: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g },
  {
    what: 'Stripe secret key',
    pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}|(?<![A-Za-z])[sr]k_test_[A-Za-z0-9]{24,99}(?![A-Za-z0-9])/g,
  },
  { what: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { what: 'Azure storage account key', pattern: /(?<=AccountKey=)[A-Za-z0-9+/]{86}==/g },
  // {prefix}_{40 characters}{CRC32 as 8 lower-case hex digits}: developers.cloudflare.com, "token formats"
  {
    what: 'Cloudflare API token',
    pattern: /(?<![A-Za-z])(?:cfk|cfut|cfat)_[A-Za-z0-9]{40}[0-9a-f]{8}(?![A-Za-z0-9])/g,
  },
  // tskey-{type}-{id}-{secret}, type auth (pre-authentication), api, client, scim, webhook: tailscale.com key prefixes
  {
    what: 'Tailscale key',
    pattern: /(?<![A-Za-z])tskey-[a-z]{2,20}-[0-9A-Za-z_]{8,40}-[0-9A-Za-z_]{16,60}(?![0-9A-Za-z_])/g,
  },
];

/** Cheap pre-check: a fragment every pattern above contains. */
const ANY_PATTERN = /eyJ|-----BEGIN|k_live_|k_test_|AIza|AccountKey=|cfk_|cfut_|cfat_|tskey-/;

/** Every match of the patterns above in `text`: what it is and its range. */
export function ownShapeMatches(text: string): { what: string; start: number; end: number }[] {
  if (!ANY_PATTERN.test(text)) return [];
  return PATTERNS.flatMap(({ what, pattern }) =>
    Array.from(text.matchAll(pattern), (m) => ({ what, start: m.index, end: m.index + m[0].length })),
  );
}
