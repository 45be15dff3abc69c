// Collection-level test script: what the features do with the resource's response, each guarded on its own.
import { describeError, failTest } from './error-message.ts';
import { hooks } from './hooks.ts';

for (const respond of hooks.respond) {
  try {
    if (respond()) break;
  } catch (thrown) {
    failTest('response handling', `token test script failed: ${describeError(thrown)}`);
  }
}
