import type { ResolvedItem, ResolvedItemAuth, ScriptRef } from '../config/resolved.js';
import { effectiveAuth } from './effective-auth.js';
import { stableId, uniqueNames } from './ids.js';
import type { PlanEffectiveAuth, PlanItem, PlanItemAuth, PlanRequest, PlanScripts } from './plan.js';
import { skipOnReplay, statusTest } from './test-scripts.js';

/** Bundled user script code by kind and absolute path. */
export type BundledScripts = Record<'prerequest' | 'test', Map<string, string>>;

export interface ItemContext {
  /** Id namespace: the collection slug. */
  idRoot: string;
  scripts: BundledScripts;
  /** Wrap test code so a request replayed after a 401 fails no test on its first attempt. */
  guardTests: boolean;
  /** Auth profile name → the variable its token lives in (`access_token_<profile>`). */
  profileTokens: Record<string, string>;
}

/** Plans config items: ids from the unique names on the way, own and effective auth, script code per event. */
export function planItems(
  items: ResolvedItem[],
  ctx: ItemContext,
  parentPath: string[] = [],
  parentAuth: ResolvedItemAuth = 'inherit',
): PlanItem[] {
  const names = uniqueNames(items.map((i) => i.name));
  return items.map((item, index): PlanItem => {
    const idPath = [ctx.idRoot, ...parentPath, names[index]!];
    const common = {
      id: stableId(...idPath),
      idPath,
      name: item.name,
      ...(item.description ? { description: item.description } : {}),
      auth: itemAuth(item.auth, ctx),
      scripts: itemScripts(item.scripts, ctx, item.kind === 'request' ? item.expectStatus : []),
    };
    const effective = effectiveAuth(item.auth, parentAuth);
    if (item.kind === 'folder') {
      return { kind: 'folder', ...common, items: planItems(item.items, ctx, idPath.slice(1), effective) };
    }
    return {
      kind: 'request',
      ...common,
      method: item.method,
      url: item.url,
      pathVariables: item.pathVariables,
      query: item.query,
      headers: item.headers,
      ...(item.body ? { body: item.body } : {}),
      effectiveAuth: planEffectiveAuth(effective),
      expectStatus: item.expectStatus,
    };
  });
}

function itemAuth(auth: ResolvedItemAuth, ctx: ItemContext): PlanItemAuth {
  if (auth === 'inherit') return { kind: 'inherit' };
  if (auth === 'none') return { kind: 'none' };
  const tokenVariable = ctx.profileTokens[auth];
  if (tokenVariable === undefined) throw new Error(`unknown auth profile "${auth}" (the config checks let it through)`);
  return { kind: 'profile', profile: auth, tokenVariable };
}

function planEffectiveAuth(auth: ResolvedItemAuth): PlanEffectiveAuth {
  if (auth === 'inherit') return { kind: 'collection' };
  if (auth === 'none') return { kind: 'none' };
  return { kind: 'profile', profile: auth };
}

function itemScripts(scripts: ResolvedItem['scripts'], ctx: ItemContext, expectStatus: number[]): PlanScripts {
  const code = (kind: 'prerequest' | 'test', refs: ScriptRef[]) =>
    refs.map((ref) => ctx.scripts[kind].get(ref.path) ?? '');
  const tests = [...(expectStatus.length ? [statusTest(expectStatus)] : []), ...code('test', scripts.test)];
  return { prerequest: code('prerequest', scripts.prerequest), test: ctx.guardTests ? tests.map(skipOnReplay) : tests };
}

/** Every request of a plan, depth first. */
export function planRequests(items: readonly PlanItem[]): PlanRequest[] {
  return items.flatMap((item) => (item.kind === 'folder' ? planRequests(item.items) : [item]));
}
