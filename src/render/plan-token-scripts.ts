import type { Plan } from '../plan/plan.js';
import { tokenScripts, type TokenScripts } from '../scripts/token-scripts.js';

/**
 * The collection-level token scripts of a plan (one script for every runtime), or undefined without oauth2;
 * `authOnItems` when the format puts the collection's auth on its top-level items instead.
 */
export async function planTokenScripts(plan: Plan, authOnItems = false): Promise<TokenScripts | undefined> {
  const token = plan.token;
  if (!token) return undefined;
  const names = Object.keys(plan.profiles);
  const profiles = Object.fromEntries(
    names.map((name) => [name, { auth: plan.profiles[name]!, requestIds: token.profileRequestIds[name] ?? [] }]),
  );
  return tokenScripts(token.auth, {
    skipRequestIds: token.skipRequestIds,
    ...(names.length ? { profiles } : {}),
    ...(authOnItems ? { authOnItems } : {}),
  });
}
