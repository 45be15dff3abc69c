/**
 * What an item actually uses, given what it sets and what its parent uses: `inherit` takes the parent's.
 * The one rule behind the planner's effective auth and inject's walk over an existing collection.
 */
export function effectiveAuth<T>(own: T | 'inherit', parent: T): T {
  return own === 'inherit' ? parent : own;
}
