/** Checks of auth profiles the schema cannot express: an item naming no profile, profiles without an oauth2 auth. */
import { closest } from './did-you-mean.js';
import type { GenCollectionConfig, Item } from './config-types.generated.js';
import { childPointer } from '../json/pointer.js';
import type { Problem } from './problems.js';
import type { ResolvedAuths } from './resolve-auth.js';
import type { ResolvedAuth } from './resolved.js';

/** Every item `auth` that names no profile, and profiles the collection cannot serve. */
export function profileProblems(config: GenCollectionConfig, auths: ResolvedAuths): Problem[] {
  const profiles = Object.keys(config.authProfiles ?? {});
  const problems: Problem[] = [];
  if (profiles.length > 0 && config.auth?.type !== 'oauth2') {
    problems.push({
      pointer: '/authProfiles',
      problem: "auth profiles need an oauth2 auth: its token scripts fetch every profile's token",
      fix: 'set "auth": { "type": "oauth2", … } (the default profile), or move one profile there',
    });
  }
  for (const name of profiles.filter((p) => p === 'inherit' || p === 'none')) {
    problems.push({
      pointer: childPointer('/authProfiles', name),
      problem: `"${name}" cannot name an auth profile: an item's "auth": "${name}" already means ${name === 'none' ? 'no auth' : "the folder's or collection's auth"}`,
      fix: 'give the profile another name, e.g. "admin"',
    });
  }
  problems.push(...algorithmProblems(auths, 'assertion'), ...algorithmProblems(auths, 'dpop'));
  const walk = (items: Item[], pointer: string): void => {
    items.forEach((item, index) => {
      const itemPointer = childPointer(pointer, index);
      const auth = item.auth ?? 'inherit';
      if (auth !== 'inherit' && auth !== 'none' && !profiles.includes(auth))
        problems.push(unknownProfile(auth, childPointer(itemPointer, 'auth'), profiles));
      if ('items' in item) walk(item.items, childPointer(itemPointer, 'items'));
    });
  };
  walk(config.items ?? [], '/items');
  return problems;
}

function unknownProfile(name: string, pointer: string, profiles: string[]): Problem {
  const guess = closest(name, profiles);
  const known = profiles.length
    ? `the profiles are ${profiles.map((p) => `"${p}"`).join(', ')}`
    : 'the config has no authProfiles';
  return {
    pointer,
    problem: `"${name}" is no auth profile (${known})`,
    fix: guess
      ? `did you mean "${guess}"?`
      : `use "inherit", "none" or a name from authProfiles${profiles.length ? '' : ' (add "authProfiles": { "' + name + '": { "type": "oauth2", … } })'}`,
  };
}

/**
 * One collection script holds one JWT signer and one DPoP proof maker, each for one algorithm: the profiles
 * that sign assertions (`what` = assertion) or DPoP proofs (`dpop`) must agree on it.
 */
function algorithmProblems({ auth, profiles }: ResolvedAuths, what: 'assertion' | 'dpop'): Problem[] {
  const auths: [string, string | undefined][] = [['/auth', algorithmOf(auth, what)]];
  for (const [name, profile] of Object.entries(profiles))
    auths.push([childPointer('/authProfiles', name), algorithmOf(profile, what)]);
  const signing = auths.filter(([, algorithm]) => algorithm);
  const first = signing[0];
  const signs = what === 'assertion' ? 'signs its JWT' : 'signs its DPoP proofs';
  return signing
    .filter(([, algorithm]) => algorithm !== first![1])
    .map(([pointer, algorithm]) => ({
      pointer: `${pointer}/${what}/algorithm`,
      problem: `this auth ${signs} with ${algorithm}, ${first![0]} with ${first![1]}: one collection ${what === 'assertion' ? 'signs' : signs} with one algorithm`,
      fix: `use ${first![1]} here too, or put the two in separate collections`,
    }));
}

function algorithmOf(auth: ResolvedAuth, what: 'assertion' | 'dpop'): string | undefined {
  return auth.type === 'oauth2' ? auth[what]?.algorithm : undefined;
}
