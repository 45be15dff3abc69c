import { readVariable } from './storage.ts';

/**
 * A readable reason for a thrown value or a `pm.sendRequest` error. The code comes first: Newman's network
 * errors have only a `code`, the Postman CLI's also a `message`, and both runners must report the same.
 */
export function describeError(error: unknown): string {
  const e: { message?: string; code?: string } = Object(error);
  return e.code || e.message || String(error);
}

/**
 * Reports `gen-collection: <problem>` as a failing test (runners count it), without any stored secret should
 * a server echo one.
 */
export function failTest(problem: string): void {
  let message = `gen-collection: ${problem}`;
  const { vars } = genCollection;
  for (const name of [vars.clientSecret, vars.password, vars.accessToken, vars.refreshToken]) {
    const secret = readVariable(name);
    // Shorter values are no real secrets and would garble the message.
    if (secret.length >= 4) message = message.split(secret).join('***');
  }
  pm.test(message, () => {
    throw new Error(message);
  });
}
