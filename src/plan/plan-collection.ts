import type { ResolvedConfig, ResolvedItem, ScriptRef } from '../config/resolved.js';
import type { Warnings } from '../warnings.js';
import { bundleUserScriptBatches } from '../scripts/user-scripts.js';
import { authVariables } from './auth-variables.js';
import { environmentTemplates, environmentVariables } from './environments.js';
import { planItems, planRequests, type BundledScripts } from './items.js';
import type { Plan, PlanToken } from './plan.js';
import { skipOnReplay } from './test-scripts.js';
import { planVariablesUsed } from './variables.js';

/**
 * Plans the collection of a resolved config: the one input of every renderer. Warnings go into `warnings`;
 * the user script files the plan read or looked for into `sources` (what `build --watch` watches).
 */
export async function planCollection(config: ResolvedConfig, warnings: Warnings, sources?: Set<string>): Promise<Plan> {
  const auth = config.auth;
  const oauth2 = auth.type === 'oauth2' ? auth : undefined;
  const userScripts = await bundleAllUserScripts(config, sources);
  // The config checks allow profiles only beside an oauth2 auth.
  const profiles = oauth2 ? config.authProfiles : {};
  const profileAuths = Object.values(profiles);
  const guardTests = [oauth2, ...profileAuths].some((a) => a?.retryOn401);
  const items = planItems(config.items, {
    idRoot: config.slug,
    scripts: userScripts,
    guardTests,
    profileTokens: Object.fromEntries(Object.entries(profiles).map(([name, p]) => [name, p.variables.accessToken])),
  });
  const collectionCode = (kind: 'prerequest' | 'test') =>
    config.scripts[kind].map((ref) => userScripts[kind].get(ref.path) ?? '');
  const collectionTests = collectionCode('test').map((code) => (guardTests ? skipOnReplay(code) : code));

  // Each oauth2 auth's token variables, unless it stores its token in the environment only.
  const tokenState = [auth, ...profileAuths].flatMap((a) =>
    a.type === 'oauth2' && a.storage !== 'environment' ? authVariables(a).tokenState : [],
  );
  const variables = [
    ...Object.entries(config.variables).map(([key, value]) => ({ key, value })),
    ...[...new Set(tokenState)].filter((key) => !(key in config.variables)).map((key) => ({ key, value: '' })),
  ];
  const used = planVariablesUsed([config.name, config.description, variables], items, auth, profileAuths);
  const envVariables = environmentVariables(used, Object.keys(config.variables), auth, profileAuths);
  if (Object.keys(config.environments).length === 0 && envVariables.length > 0) {
    warnings.add(
      `no "environments" in the config, so no environment template was written; the collection uses ${[...envVariables]
        .sort()
        .map((v) => `{{${v}}}`)
        .join(', ')}. Add "environments": { "dev": { … } } or pass them with newman --env-var.`,
    );
  }
  return {
    name: config.name,
    slug: config.slug,
    ...(config.description ? { description: config.description } : {}),
    ...(config.configFile ? { configFile: config.configFile } : {}),
    auth,
    profiles,
    ...(oauth2 ? { token: planToken(oauth2, items, Object.keys(profiles), guardTests) } : {}),
    scripts: { prerequest: collectionCode('prerequest'), test: collectionTests },
    items,
    variables,
    variablesUsed: used,
    environments: environmentTemplates({
      collectionName: config.name,
      idRoot: config.slug,
      environments: config.environments,
      variables: envVariables,
      secrets: config.secretVariables,
    }),
  };
}

/** The requests the token scripts must tell apart, found on the planned tree. */
function planToken(auth: PlanToken['auth'], items: Plan['items'], profiles: string[], guardTests: boolean): PlanToken {
  const requests = planRequests(items);
  return {
    auth,
    // Effective auth none: inherited from a folder, which no sandbox shows, or their own, which the Postman v3
    // runtime does not show either.
    skipRequestIds: requests.filter((r) => r.effectiveAuth.kind === 'none').map((r) => r.id),
    profileRequestIds: Object.fromEntries(
      profiles.map((name) => [
        name,
        requests.filter((r) => r.effectiveAuth.kind === 'profile' && r.effectiveAuth.profile === name).map((r) => r.id),
      ]),
    ),
    guardTests,
  };
}

async function bundleAllUserScripts(config: ResolvedConfig, sources?: Set<string>): Promise<BundledScripts> {
  const refs: Record<'prerequest' | 'test', ScriptRef[]> = {
    prerequest: [...config.scripts.prerequest],
    test: [...config.scripts.test],
  };
  const walk = (items: ResolvedItem[]): void => {
    for (const item of items) {
      refs.prerequest.push(...item.scripts.prerequest);
      refs.test.push(...item.scripts.test);
      if (item.kind === 'folder') walk(item.items);
    }
  };
  walk(config.items);
  const bundled: BundledScripts = { prerequest: new Map(), test: new Map() };
  const batches = (['prerequest', 'test'] as const)
    .map((event) => ({ event, refs: [...new Map(refs[event].map((r) => [r.path, r])).values()] }))
    .filter((batch) => batch.refs.length > 0);
  // both events in one go: a broken pre-request script does not hide a broken test script
  const codes = await bundleUserScriptBatches(batches, sources);
  batches.forEach(({ event, refs: unique }, b) =>
    unique.forEach((ref, i) => bundled[event].set(ref.path, codes[b]![i]!)),
  );
  return bundled;
}
