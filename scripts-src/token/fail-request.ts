import { redactSecrets } from './error-message.ts';

let reported = false;

/**
 * Reports why the request cannot be sent as a failing test (runners count it), then skips the request.
 * Once per script run: a second call, after a throw while reporting, changes nothing.
 */
export function failRequest(message: string): void {
  if (reported) return;
  reported = true;
  const text = redactSecrets(message);
  pm.test(text, () => {
    throw new Error(text);
  });
  pm.execution.skipRequest();
}
