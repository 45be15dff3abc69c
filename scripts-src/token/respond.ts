// Collection-level test script: what the features do with the resource's response, each guarded on its own. A
// statement labelled with a feature's name is the feature's: the bundler drops it from the scripts of configs
// without that feature (src/scripts/token-scripts.ts), so they carry none of its code.
import { answerNonceChallenge } from './dpop-nonce-replay.ts';
import { describeError, failTokenTest } from './error-message.ts';
import { retryOn401 } from './retry-on-401.ts';
import { selectProfile } from './select-profile.ts';

profiles: selectProfile();
respond();

function respond(): void {
  // Ahead of retry-on-401: a nonce challenge is answered here and never drops the token.
  dpop: if (guarded(answerNonceChallenge)) return;
  retryOn401: guarded(retryOn401);
}

/** Runs one feature's step; a throw is reported as a failing test, and the next feature still runs. */
function guarded(step: () => boolean | void): boolean | void {
  try {
    return step();
  } catch (thrown) {
    failTokenTest('response handling', `token test script failed: ${describeError(thrown)}`);
  }
}
