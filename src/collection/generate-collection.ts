import type { ResolvedConfig, ResolvedItem, ScriptRef } from '../config/resolved.js';
import type { Warnings } from '../warnings.js';
import { tokenScripts } from '../scripts/token-scripts.js';
import { bundleUserScriptBatches } from '../scripts/user-scripts.js';
import { authVariables, collectionAuth } from './auth.js';
import { environmentTemplates, environmentVariables, type PostmanEnvironment } from './environment.js';
import { events, skipOnReplay } from './events.js';
import { stableId } from './ids.js';
import { postmanItems, type BundledScripts } from './items.js';
import { variablesUsed } from './variables.js';

export const COLLECTION_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** What `build` writes: file names are relative to the output directory. */
export interface GeneratedOutputs {
  collection: PostmanCollection;
  collectionFile: string;
  environments: { name: string; file: string; json: PostmanEnvironment }[];
}

/** A Postman v2.1 collection as gen-collection writes it. */
export interface PostmanCollection {
  info: { _postman_id: string; name: string; description?: string; schema: string };
  item: object[];
  auth?: object;
  event?: object[];
  variable?: { key: string; value: string; type?: string }[];
}

/** Generates the collection and its environment templates from a resolved config. */
export async function generateCollection(config: ResolvedConfig, warnings: Warnings): Promise<GeneratedOutputs> {
  const auth = config.auth;
  const oauth2 = auth.type === 'oauth2' ? auth : undefined;
  const userScripts = await bundleAllUserScripts(config);
  const inheritedNoAuth: string[] = [];
  // The config checks allow profiles only beside an oauth2 auth.
  const profiles = oauth2 ? Object.entries(config.authProfiles) : [];
  const guardTests = [oauth2, ...profiles.map(([, profile]) => profile)].some((a) => a?.retryOn401);
  const profileRequestIds = Object.fromEntries(profiles.map(([name]) => [name, [] as string[]]));
  const item = postmanItems(config.items, {
    idRoot: config.slug,
    scripts: userScripts,
    guardTests,
    inheritedNoAuth,
    ...(profiles.length
      ? {
          profileTokens: Object.fromEntries(profiles.map(([name, profile]) => [name, profile.variables.accessToken])),
          profileRequestIds,
        }
      : {}),
  });

  const profileScripts = profiles.length
    ? {
        profiles: Object.fromEntries(
          profiles.map(([name, auth]) => [name, { auth, requestIds: profileRequestIds[name]! }]),
        ),
      }
    : {};
  const token = oauth2 ? await tokenScripts(oauth2, { skipRequestIds: inheritedNoAuth, ...profileScripts }) : undefined;
  const collectionCode = (kind: 'prerequest' | 'test') =>
    config.scripts[kind].map((ref) => userScripts[kind].get(ref.path) ?? '');
  const collectionTests = collectionCode('test').map((code) => (guardTests ? skipOnReplay(code) : code));
  const collectionEvents = events(
    [config.slug, 'collection'],
    [...(token ? [token.prerequest] : []), ...collectionCode('prerequest')],
    [...(token ? [token.test] : []), ...collectionTests],
  );

  // Each oauth2 auth's token variables, unless it stores its token in the environment only.
  const tokenState = [auth, ...profiles.map(([, profile]) => profile)].flatMap((a) =>
    a.type === 'oauth2' && a.storage !== 'environment' ? authVariables(a).tokenState : [],
  );
  const variable = [
    ...Object.entries(config.variables).map(([key, value]) => ({ key, value })),
    ...[...new Set(tokenState)].filter((key) => !(key in config.variables)).map((key) => ({ key, value: '' })),
  ];

  const collectionAuthJson = collectionAuth(auth);
  const collection: PostmanCollection = {
    info: {
      _postman_id: stableId(config.slug, 'collection'),
      name: config.name,
      ...(config.description ? { description: config.description } : {}),
      schema: COLLECTION_SCHEMA_V21,
    },
    item,
    ...(collectionAuthJson ? { auth: collectionAuthJson } : {}),
    ...(collectionEvents.length ? { event: collectionEvents } : {}),
    ...(variable.length ? { variable } : {}),
  };

  const profileAuths = profiles.map(([, profile]) => profile);
  const used = environmentVariables(
    variablesUsed(collection, auth, profileAuths),
    Object.keys(config.variables),
    auth,
    profileAuths,
  );

  const envNames = Object.keys(config.environments);
  if (envNames.length === 0 && used.length > 0) {
    warnings.add(
      `no "environments" in the config, so no environment template was written; the collection uses ${[...used]
        .sort()
        .map((v) => `{{${v}}}`)
        .join(', ')}. Add "environments": { "dev": { … } } or pass them with newman --env-var.`,
    );
  }
  const templates = environmentTemplates({
    collectionName: config.name,
    idRoot: config.slug,
    environments: config.environments,
    variables: used,
    secrets: config.secretVariables,
  });
  return {
    collection,
    collectionFile: `${config.slug}.postman_collection.json`,
    environments: templates.map((t) => ({ ...t, file: `${config.slug}.${t.name}.postman_environment.json` })),
  };
}

async function bundleAllUserScripts(config: ResolvedConfig): Promise<BundledScripts> {
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
  const codes = await bundleUserScriptBatches(batches);
  batches.forEach(({ event, refs: unique }, b) =>
    unique.forEach((ref, i) => bundled[event].set(ref.path, codes[b]![i]!)),
  );
  return bundled;
}
