import { readVariable } from './storage.ts';

/** A readable reason for a thrown value or a `pm.sendRequest` error (Newman's has a `code`, no `message`). */
export function describeError(error: unknown): string {
  const e: { message?: string; code?: string; address?: string; port?: number } = Object(error);
  return e.message || [e.code, e.address && `${e.address}:${e.port}`].filter(Boolean).join(' ') || String(error);
}

/** `message` without any stored secret (client secret, password, tokens), should a server echo one. */
export function redactSecrets(message: string): string {
  const { clientSecret, password, accessToken, refreshToken } = genCollection.vars;
  for (const secret of [clientSecret, password, accessToken, refreshToken].map(readVariable)) {
    // Shorter values are no real secrets and would garble the message.
    if (secret.length >= 4) message = message.split(secret).join('***');
  }
  return message;
}
