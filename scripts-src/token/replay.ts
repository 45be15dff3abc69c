import * as runtime from '../runtime/runtime.ts';

/**
 * Local variable marking a response that will be replayed after a 401, so generated tests and bundled user
 * test scripts skip that attempt. Equal to `REPLAY_MARKER` in src/scripts/token-config.ts (this folder
 * ships without src/; a test keeps the two equal).
 */
export const REPLAY_MARKER = 'gen_collection_replaying';

// The id of the request being replayed, in run-local memory: nothing is left behind in the collection.
const REPLAYED_REQUEST = 'gen_collection_replayed_request';

/** Whether the current request is the replay of one the API answered with 401. */
export function isReplay(): boolean {
  return runtime.recall(REPLAYED_REQUEST) === runtime.requestId();
}

/** Remembers that the current request is being replayed. */
export function rememberReplay(): void {
  runtime.remember(REPLAYED_REQUEST, runtime.requestId());
}

/** Forgets the replay. */
export function forgetReplay(): void {
  if (runtime.recall(REPLAYED_REQUEST)) runtime.remember(REPLAYED_REQUEST, '');
}
