/**
 * Secret checks that never print the secret: a failing assertion names where it was found and in
 * which form, not what (vitest would otherwise show the whole text, secret included, in its diff).
 */

/** The forms a client secret travels in: as is, URL-encoded, and inside an HTTP Basic header. */
export function secretForms(secret: string, clientId?: string): Record<string, string> {
  const forms: Record<string, string> = { raw: secret, 'url-encoded': encodeURIComponent(secret) };
  if (clientId !== undefined) {
    forms['basic header'] = Buffer.from(`${clientId}:${secret}`).toString('base64');
    forms['basic header (url-encoded pair)'] = Buffer.from(
      `${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`,
    ).toString('base64');
  }
  return forms;
}

/** Throws when any form of the secret occurs in any of the named texts; the message names form, place and offset only. */
export function assertNoSecret(forms: Record<string, string>, places: Record<string, string>): void {
  for (const value of Object.values(forms)) {
    if (value.length < 8) throw new Error('assertNoSecret needs a distinctive secret (8+ characters)');
  }
  const found: string[] = [];
  for (const [form, value] of Object.entries(forms)) {
    for (const [place, text] of Object.entries(places)) {
      const offset = text.indexOf(value);
      if (offset >= 0) found.push(`${form} in ${place} (offset ${offset})`);
    }
  }
  if (found.length > 0) throw new Error(`secret found: ${found.join(', ')}`);
}
