/** Secrets recognisable by their shape alone, wherever they appear (descriptions, scripts, bodies). */
const PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'private key', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/ },
  { what: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/ },
  { what: 'GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  { what: 'Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { what: 'Stripe secret key', pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}/ },
  { what: 'AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
];

/** Cheap pre-check: a fragment every pattern above contains. */
const ANY_PATTERN = /eyJ|-----BEGIN|gh[pousr]_|github_pat_|xox[abprs]-|k_live_|AKIA|ASIA|AIza/;

/** The first shaped secret in a string: what it is and the matched text (for masking only). */
export function shapedSecret(text: string): { what: string; secret: string } | undefined {
  if (text.length < 20 || !ANY_PATTERN.test(text)) return undefined;
  for (const { what, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { what, secret: match[0] };
  }
  return undefined;
}
