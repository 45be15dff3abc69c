import { isV3 } from './postman-memory.ts';
import type { HttpRequest, HttpResponse } from './runtime.ts';

/**
 * Sends a token request with `pm.sendRequest`'s callback form (Newman 6 has no promise form) and hands the
 * answer on once: the Postman CLI calls a callback that threw a second time.
 */
export function send(request: HttpRequest, callback: (error: unknown, response?: HttpResponse) => void): void {
  // The v3 runtime gives `pm.sendRequest` the collection's auth unless the request has an Authorization header
  // (`auth: noauth` does not stop it): an empty one does, which a server that takes a client assertion may refuse
  // (oidc-provider: one client authentication only). The postman-v3 format puts no auth on the collection, so
  // nothing is inherited there; a migrated v2.1 collection keeps its collection Bearer and gets the empty header.
  // The v2.1 runtimes add none.
  const lent = isV3() && !genCollection.authOnItems && !request.header.Authorization;
  let answered = false;
  pm.sendRequest(lent ? { ...request, header: { ...request.header, Authorization: '' } } : request, (error, response) => {
    if (answered) return;
    answered = true;
    callback(error, response);
  });
}
