/**
 * Local variable marking a response that will be replayed after a 401, so generated tests and bundled user
 * test scripts skip that attempt. Equal to `REPLAY_MARKER` in src/scripts/token-config.ts (this folder
 * ships without src/; a test keeps the two equal).
 */
export const REPLAY_MARKER = 'gen_collection_replaying';

// The id of the request being replayed. Collection variables last for the whole run in Newman and Postman
// CLI; local ones do in Newman too (measured), but the bound on replays must not rest on that.
const REPLAYED_REQUEST = 'gen_collection_replayed_request';

/** Whether the current request is the replay of one the API answered with 401. */
export function isReplay(): boolean {
  return pm.collectionVariables.get(REPLAYED_REQUEST) === pm.info.requestId;
}

/** Remembers that the current request is being replayed. */
export function rememberReplay(): void {
  pm.collectionVariables.set(REPLAYED_REQUEST, pm.info.requestId);
}

/** Forgets the replay, leaving no variable behind in the collection. */
export function forgetReplay(): void {
  pm.collectionVariables.unset(REPLAYED_REQUEST);
}
