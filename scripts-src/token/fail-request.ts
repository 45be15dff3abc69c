import * as runtime from '../runtime/runtime.ts';
import { describeError, failTokenTest } from './error-message.ts';
import { forgetReplay } from './replay.ts';

let reported = false;

/**
 * Reports why the request cannot be sent as a failing test, then skips the request. A skipped request gets
 * no test script to end its replay, so the replay is forgotten here. Once per script run: a second call,
 * after a throw while reporting, changes nothing.
 */
export function failRequest(problem: string): void {
  if (reported) return;
  reported = true;
  retryOn401: forgetReplay();
  failTokenTest('no access token, request skipped', problem);
  runtime.skipRequest();
}

/**
 * Runs `step`, failing the request should it throw: never a bare throw, which Newman loses and after which
 * Postman CLI calls a send callback a second time.
 */
export function runGuarded(step: () => void): void {
  try {
    step();
  } catch (thrown) {
    failRequest(`token script failed: ${describeError(thrown)}`);
  }
}
