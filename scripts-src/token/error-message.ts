import * as runtime from '../runtime/runtime.ts';

/**
 * A readable reason for a thrown value or a send error. The code comes first: Newman's network errors have
 * only a `code`, the Postman CLI's also a `message`, and both runners must report the same.
 */
export function describeError(error: unknown): string {
  const e: { message?: string; code?: string } = Object(error);
  return e.code || e.message || String(error);
}

/**
 * Reports a failing test (runners count it) named `gen-collection: <title>` whose error is `problem`, without
 * any stored secret should a server echo one. Name and error differ, so that Newman's CLI and JUnit reports,
 * which print both, show the problem once.
 */
export function failTokenTest(title: string, problem: string): void {
  const { vars, client } = genCollection;
  for (const key of [...client.secretInputs, 'accessToken', 'refreshToken'] as const) {
    const secret = runtime.read(vars[key]!);
    // Shorter values are no real secrets and would garble the message.
    if (secret.length >= 4) problem = problem.split(secret).join('***');
  }
  runtime.failTest(`gen-collection: ${title}`, problem);
}
