// Feature `profiles`: first in the token scripts of a collection with auth profiles (the others drop it).
import * as runtime from '../runtime/runtime.ts';

/**
 * Makes `genCollection` the settings of the auth profile of the request being sent, when it has one, so the
 * other token modules fetch, cache, refresh and replay that profile's token as they do the default's. A
 * profile holds what differs from the default (`null`: a key it does not have); the skip list stays.
 */
export function selectProfile(): void {
  const { profiles } = genCollection;
  const id = runtime.requestId();
  for (const name in profiles) {
    const profile: Record<string, unknown> = profiles[name]!;
    if (!profiles[name]!.requestIds.includes(id)) continue;
    const settings = genCollection as unknown as Record<string, unknown>;
    for (const key in profile) {
      if (profile[key] === null) delete settings[key];
      else settings[key] = profile[key];
    }
    return;
  }
}
