/**
 * A Plan from a config for the Bruno tests, built from the real generator's pieces (validation, resolution, the
 * Postman items' ids and bundled scripts, the environment templates). A bridge until the planner of the structure
 * issue (`planCollection`) is on main: then the tests call it instead and this file goes.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateCollection } from '../../src/collection/generate-collection.js';
import { skipOnReplay } from '../../src/collection/events.js';
import type { ResolvedItem, ResolvedItemAuth } from '../../src/config/resolved.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { validateConfig } from '../../src/config/validate.js';
import type { Plan, PlanEffectiveAuth, PlanItem, PlanItemAuth } from '../../src/plan/plan.js';
import { bundleUserScripts } from '../../src/scripts/user-scripts.js';
import { Warnings } from '../../src/warnings.js';

interface PostmanItem {
  id: string;
  name: string;
  item?: PostmanItem[];
  event?: { listen: 'prerequest' | 'test'; script: { exec: string[] } }[];
}

/** The plan of `config`; `files` (path relative to the project → content) are written next to the config first. */
export async function planFromConfig(config: object, files: Record<string, string> = {}): Promise<Plan> {
  const baseDir = await mkdtemp(join(tmpdir(), 'gen-collection-bruno-project-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(baseDir, path)), { recursive: true });
      await writeFile(join(baseDir, path), content);
    }
    const file = join(baseDir, 'gen-collection.config.json');
    const warnings = new Warnings();
    const resolved = resolveConfig(validateConfig(config, file, undefined, warnings), { file, baseDir });
    const out = await generateCollection(resolved, warnings);
    const oauth2 = resolved.auth.type === 'oauth2' ? resolved.auth : undefined;
    const guardTests = [oauth2, ...Object.values(resolved.authProfiles)].some((a) => a?.retryOn401);
    const collectionCode = async (kind: 'prerequest' | 'test') => {
      const refs = resolved.scripts[kind];
      const code = refs.length ? await bundleUserScripts(refs, kind) : [];
      return kind === 'test' && guardTests ? code.map(skipOnReplay) : code;
    };
    const items = planItems(resolved.items, out.collection.item as PostmanItem[], { kind: 'collection' }, resolved);
    return {
      name: resolved.name,
      slug: resolved.slug,
      ...(resolved.description ? { description: resolved.description } : {}),
      auth: resolved.auth,
      profiles: resolved.authProfiles,
      ...(oauth2 ? { token: { auth: oauth2, skipRequestIds: [], profileRequestIds: {}, guardTests } } : {}),
      scripts: { prerequest: await collectionCode('prerequest'), test: await collectionCode('test') },
      items,
      variables: out.collection.variable?.map(({ key, value }) => ({ key, value })) ?? [],
      variablesUsed: [],
      environments: out.environments.map(({ name, json }) => ({
        name,
        title: json.name,
        id: json.id,
        values: json.values.map((v) => ({ key: v.key, value: v.value, secret: v.type === 'secret' })),
      })),
    };
  } finally {
    await rm(baseDir, { recursive: true, force: true });
  }
}

function planItems(
  items: ResolvedItem[],
  postman: PostmanItem[],
  parent: PlanEffectiveAuth,
  resolved: { authProfiles: Record<string, { variables: { accessToken: string } }> },
): PlanItem[] {
  return items.map((item, index) => {
    const made = postman[index]!;
    const code = (listen: 'prerequest' | 'test') =>
      (made.event ?? []).filter((e) => e.listen === listen).map((e) => e.script.exec.join('\n'));
    const effective = effectiveOf(item.auth, parent);
    const base = {
      id: made.id,
      idPath: [],
      name: item.name,
      ...(item.description ? { description: item.description } : {}),
      auth: itemAuth(item.auth, resolved),
      scripts: { prerequest: code('prerequest'), test: code('test') },
    };
    if (item.kind === 'folder')
      return { ...base, kind: 'folder', items: planItems(item.items, made.item ?? [], effective, resolved) };
    return {
      ...base,
      kind: 'request',
      method: item.method,
      url: item.url,
      pathVariables: item.pathVariables,
      query: item.query,
      headers: item.headers,
      ...(item.body ? { body: item.body } : {}),
      effectiveAuth: effective,
      expectStatus: item.expectStatus,
    };
  });
}

function effectiveOf(auth: ResolvedItemAuth, parent: PlanEffectiveAuth): PlanEffectiveAuth {
  if (auth === 'inherit') return parent;
  return auth === 'none' ? { kind: 'none' } : { kind: 'profile', profile: auth };
}

function itemAuth(
  auth: ResolvedItemAuth,
  resolved: { authProfiles: Record<string, { variables: { accessToken: string } }> },
): PlanItemAuth {
  if (auth === 'inherit') return { kind: 'inherit' };
  if (auth === 'none') return { kind: 'none' };
  return { kind: 'profile', profile: auth, tokenVariable: resolved.authProfiles[auth]!.variables.accessToken };
}
