import { childPointer } from '../json/pointer.js';
import { GenCollectionError } from '../errors.js';
import { isObject } from '../json/json-value.js';
import { schemeRank, type Scheme } from './security-schemes.js';
import type { SpecContext } from './spec-context.js';

/** Which security scheme and which alternative of each requirement list a collection follows: pure choices, no I/O. */

/** Scheme name → required scopes: one alternative of a security requirement list. */
export type Requirement = Record<string, string[]>;

/** A security requirement list (undefined when absent), scopes trimmed and blank ones dropped. */
export function requirements(ctx: SpecContext, value: unknown, pointer: string): Requirement[] | undefined {
  if (value === undefined) return undefined;
  const invalid = (at: string) =>
    new GenCollectionError('spec-invalid', 'a security requirement must be a list of {scheme: [scopes]} objects', {
      file: ctx.file,
      pointer: at,
      fix: 'write security: [{ schemeName: [] }], or security: [] for no auth',
    });
  if (!Array.isArray(value)) throw invalid(pointer);
  return value.map((alternative, i) => {
    if (!isObject(alternative)) throw invalid(childPointer(pointer, i));
    const requirement: Requirement = {};
    for (const [name, scopes] of Object.entries(alternative)) {
      if (!Array.isArray(scopes)) throw invalid(childPointer(childPointer(pointer, i), name));
      requirement[name] = scopes.flatMap((s) => (typeof s === 'string' ? s.split(/\s+/) : [])).filter((s) => s !== '');
    }
    return requirement;
  });
}

/** The scheme the collection authenticates with: best rank, then most used, then declaration order. */
export function chooseScheme(schemes: Map<string, Scheme>, perOperation: Requirement[][]): Scheme | undefined {
  const usage = new Map<string, number>();
  for (const reqs of perOperation) {
    for (const name of new Set(reqs.flatMap((r) => Object.keys(r)))) usage.set(name, (usage.get(name) ?? 0) + 1);
  }
  const candidates = [...schemes.values()].filter((s) => usage.has(s.name) && schemeRank(s.mapping) !== undefined);
  candidates.sort(
    (a, b) =>
      schemeRank(a.mapping)! - schemeRank(b.mapping)! || usage.get(b.name)! - usage.get(a.name)! || a.index - b.index,
  );
  return candidates[0];
}

/**
 * The alternative of a requirement list the request follows: none when auth is optional (`{}`) or not
 * required; else the first with the collection scheme, else the first with an auth profile's scheme, else
 * the first that cookies alone satisfy, else the first.
 */
export function pickAlternative(
  reqs: Requirement[],
  chosen: Scheme | undefined,
  schemes: Map<string, Scheme>,
  profiles: ReadonlyMap<string, string> = new Map(),
): Requirement | undefined {
  if (reqs.length === 0 || reqs.some((r) => Object.keys(r).length === 0)) return undefined;
  const cookiesOnly = (r: Requirement) => Object.keys(r).every((n) => schemes.get(n)?.mapping.kind === 'cookie');
  return (
    reqs.find((r) => chosen !== undefined && chosen.name in r) ??
    reqs.find((r) => Object.keys(r).some((n) => profiles.has(n))) ??
    reqs.find(cookiesOnly) ??
    reqs[0]
  );
}
