/**
 * Shapes gen-collection knows that the secretlint recommended preset does not (or knows only in a form
 * that misses what collections hold): JWTs (sample tokens in descriptions and scripts), a private key's
 * BEGIN line even when the key itself is cut short, Stripe and Google API keys, Azure storage account keys
 * in connection strings. Everything else is the preset's (`secretlint-rules.ts`).
 */
const PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'private key', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/g },
  { what: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g },
  { what: 'Stripe secret key', pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}/g },
  { what: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { what: 'Azure storage account key', pattern: /(?<=AccountKey=)[A-Za-z0-9+/]{86}==/g },
];

/** Cheap pre-check: a fragment every pattern above contains. */
const ANY_PATTERN = /eyJ|-----BEGIN|k_live_|AIza|AccountKey=/;

/** Every match of the patterns above in `text`: what it is and its range. */
export function ownShapeMatches(text: string): { what: string; start: number; end: number }[] {
  if (!ANY_PATTERN.test(text)) return [];
  return PATTERNS.flatMap(({ what, pattern }) =>
    Array.from(text.matchAll(pattern), (m) => ({ what, start: m.index, end: m.index + m[0].length })),
  );
}
