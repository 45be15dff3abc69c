import { slugify } from '../slug.js';
import type { Requirement } from './scheme-choice.js';
import type { Scheme } from './security-schemes.js';

/** Which OAuth2 schemes of a spec become the default auth and which become auth profiles: pure choices, no I/O. */
export interface ProfileChoice {
  /** The scheme the collection auth uses. */
  chosen: Scheme;
  /** Scheme name → auth profile name, for the other OAuth2 token-flow schemes the operations use. */
  profiles: Map<string, string>;
}

/**
 * When the collection auth is an OAuth2 token flow (client credentials or password), every OAuth2 token-flow
 * scheme the operations use takes part: the one most operations use (declaration order on a tie) is the
 * default auth, each other one an auth profile named by the `<slug>` rule (`adminAuth` → `adminauth`, made
 * unique with -2, -3…). Otherwise the choice stays as it was, without profiles.
 */
export function chooseProfiles(
  chosen: Scheme,
  schemes: Map<string, Scheme>,
  perOperation: Requirement[][],
): ProfileChoice {
  if (chosen.mapping.kind !== 'oauth2') return { chosen, profiles: new Map() };
  const usage = new Map<string, number>();
  for (const reqs of perOperation)
    for (const name of new Set(reqs.flatMap((r) => Object.keys(r)))) usage.set(name, (usage.get(name) ?? 0) + 1);
  const tokenSchemes = [...schemes.values()].filter((s) => s.mapping.kind === 'oauth2' && usage.has(s.name));
  tokenSchemes.sort((a, b) => usage.get(b.name)! - usage.get(a.name)! || a.index - b.index);
  const [first, ...others] = tokenSchemes;
  const taken = new Set(['inherit', 'none']);
  const profiles = new Map<string, string>();
  for (const scheme of others) {
    const base = slugify(scheme.name) || 'profile';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    profiles.set(scheme.name, name);
  }
  return { chosen: first ?? chosen, profiles };
}
