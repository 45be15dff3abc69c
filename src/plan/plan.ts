import type { OAuth2Resolved, ResolvedAuth, ResolvedRequest } from '../config/resolved.js';

/**
 * A collection as gen-collection means it, before any output format: the folders and requests with their
 * ids, each request's effective auth, the script code of each event, the collection variables, the
 * variables used and the environment templates with their secret flags. One plan, several renderers
 * (`src/render/`): Postman v2.1, Postman collection v3, Bruno's OpenCollection. No format's type lives here.
 */
export interface Plan {
  name: string;
  /** File-name slug of `name`. */
  slug: string;
  description?: string;
  /** The collection-level auth: what requests that inherit (directly or through folders) send. */
  auth: ResolvedAuth;
  /** Further OAuth2 auths by profile name; empty when none (only beside an oauth2 `auth`). */
  profiles: Record<string, OAuth2Resolved>;
  /** The token flow the collection-level scripts run; absent when `auth` is not oauth2. */
  token?: PlanToken;
  /** Collection-level user script code per event, after the token scripts (already bundled, guarded). */
  scripts: PlanScripts;
  items: PlanItem[];
  /** Collection variables with their default values: the config's `variables`, then token state kept there. */
  variables: { key: string; value: string }[];
  /** Every variable the collection uses (requests, auth, token requests), sorted and unique. */
  variablesUsed: string[];
  /** One environment template per configured environment. */
  environments: PlanEnvironment[];
}

/**
 * What the token scripts need to know about the collection besides the resolved auths, for every runtime:
 * the runtime-specific scripts are built from this by `src/scripts/token-scripts.ts`.
 */
export interface PlanToken {
  /** The default profile (the collection's oauth2 auth). */
  auth: OAuth2Resolved;
  /** Ids of requests whose effective auth is `none` (a runtime may show them as inheriting, or show no auth at all). */
  skipRequestIds: string[];
  /** Per auth profile, the ids of the requests that send its token (directly or from a folder). */
  profileRequestIds: Record<string, string[]>;
  /** Whether generated and bundled user tests must skip an attempt replayed after a 401 (some auth retries). */
  guardTests: boolean;
}

/** Script code pieces per event, in order; each piece is sandbox JavaScript using the `pm` API. */
export interface PlanScripts {
  prerequest: string[];
  test: string[];
}

export type PlanItem = PlanFolder | PlanRequest;

/**
 * How an item's auth is set: `inherit` (from its parent), `none`, or an auth profile's token by name, with
 * the variable that token lives in.
 */
export type PlanItemAuth =
  { kind: 'inherit' } | { kind: 'none' } | { kind: 'profile'; profile: string; tokenVariable: string };

/** What a request actually sends: the collection auth, none, or a profile's token. */
export type PlanEffectiveAuth = { kind: 'collection' } | { kind: 'none' } | { kind: 'profile'; profile: string };

interface PlanItemBase {
  /** Deterministic id (UUID-shaped) from the collection slug and the unique names on the way. */
  id: string;
  /** The path the id is derived from: the slug, then the item names made unique among siblings. */
  idPath: string[];
  name: string;
  description?: string;
  auth: PlanItemAuth;
  scripts: PlanScripts;
}

export interface PlanFolder extends PlanItemBase {
  kind: 'folder';
  items: PlanItem[];
}

/** A request: what the resolved config says it sends (method upper-cased, URL as written), and how it is planned. */
export interface PlanRequest
  extends PlanItemBase, Pick<ResolvedRequest, 'method' | 'url' | 'pathVariables' | 'query' | 'headers' | 'body'> {
  kind: 'request';
  effectiveAuth: PlanEffectiveAuth;
  /** Accepted statuses from `expect.status` (the generated test is already in `scripts.test`). */
  expectStatus: number[];
}

/** An environment template: the configured values, then every other variable used, secrets empty. */
export interface PlanEnvironment {
  /** The environment's name in the config (`dev`). */
  name: string;
  /** `<collection name> - <env>`. */
  title: string;
  /** Deterministic id. */
  id: string;
  values: { key: string; value: string; secret: boolean }[];
}
