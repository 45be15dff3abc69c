// The one door between the token code and the runner (`import * as runtime from '../runtime/runtime.ts'`). The
// bundler resolves `./postman.ts` below to the adapter of the runtime it builds for (src/scripts/token-scripts.ts),
// so a second runtime is an adapter, not a fork: a module exporting every member of `Runtime`.

/**
 * A token request in the plain shape `pm.sendRequest` takes (which the Postman adapter passes on as is):
 * headers as sent, form fields or a raw body.
 */
export interface HttpRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  body: { mode: 'urlencoded'; urlencoded: { key: string; value: string }[] } | { mode: 'raw'; raw: string };
}

/** An answer to `send`, shaped as postman-collection's `Response` is (which the Postman adapter passes on as is). */
export interface HttpResponse {
  code: number;
  text(): string | undefined;
  /** Header values by case-insensitive name. */
  headers: { get(name: string): string | undefined };
}

/** What the token scripts need of a runner; each adapter (postman.ts, bruno.ts) implements all of it. */
export interface Runtime {
  /** A variable as the request sees it (every scope, nested `{{…}}` resolved); '' when unset. */
  read(name: string): string;
  /** Whether any scope defines the variable (an empty value counts as defined). */
  defined(name: string): boolean;
  /** `template` with its `{{variables}}` resolved; unknown ones stay as written. */
  replaceIn(template: string): string;
  /** Run-local memory that lasts through a run, exported nowhere and kept when a request is skipped; '' when unset. */
  recall(key: string): string;
  remember(key: string, value: string): void;
  /** Stores token variables where the config's `storage` says (`auto`: the environment when one is selected). */
  store(values: Record<string, string>): void;
  /** Whether an environment is selected; undefined when this runtime cannot tell. */
  environmentSelected(): boolean | undefined;
  /** The command line fixes messages name: selecting an environment, passing a variable at run time. */
  fixes: { environment: string; variable(name: string, value: string): string };
  /** Sends `request`, then calls `callback` once; an adapter that sends asynchronously makes the script wait. */
  send(request: HttpRequest, callback: (error: unknown, response?: HttpResponse) => void): void;
  /**
   * For a runner that waits for no callback and passes a run whose only failure is a failing test (Bruno: an
   * awaited `bru.sendRequest`, a throw to fail): settles once every `send` callback ran, and rejects when
   * `skipRequest` was called, so that the script the entry awaits it in throws. Undefined where the runner
   * waits by itself and a failing test fails the run (Postman).
   */
  settled(): Promise<void> | undefined;
  /** Reports a failing test (on Bruno, which passes such a run, `settled` makes it fail). */
  failTest(title: string, problem: string): void;
  /** The current request is not sent. Never throws here: the token code calls it inside its own guards. */
  skipRequest(): void;
  /**
   * The current request: id; the token its own auth sends (a Bearer token, or an API key's value such as
   * `DPoP {{access_token}}`; undefined when it inherits the auth); method and URL as sent.
   */
  requestId(): string;
  requestToken(): string | undefined;
  requestMethod(): string;
  requestUrl(): string;
  /** Sets a header on the current request (a presentation that is not the collection's Bearer auth). */
  setRequestHeader(name: string, value: string): void;
  /** The resource's response (test script). */
  responseCode(): number;
  responseHeader(name: string): string | undefined;
  /** The request to run next (a replay: the current request's id). */
  setNextRequest(id: string): void;
}

export * from './postman.ts';

/** Fails the type check unless `Adapter` has every member of `Runtime`. */
type Implements<Adapter extends Runtime> = Adapter;
/** The Postman adapter, checked against the interface. */
export type PostmanAdapter = Implements<typeof import('./postman.ts')>;
/** The Bruno adapter, checked against the interface. */
export type BrunoAdapter = Implements<typeof import('./bruno.ts')>;
