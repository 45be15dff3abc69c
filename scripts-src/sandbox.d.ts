/**
 * What the Postman sandbox provides but its own typings (postman-sandbox/types/sandbox/*.d.ts) leave out or
 * get wrong, for type-checking scripts together with those typings and postman-collection's. Node's typings
 * (which the sandbox typings reference) must stay out of such a program (`noResolve`): the sandbox has no
 * `process`, `fs`, … and only what is declared here.
 */

/** The console the sandbox forwards to the runner (Newman prints it, the Postman app shows it). */
declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
  clear(): void;
};

/**
 * Sandbox modules (`lodash`, `crypto-js`, `uuid`, …). Returns `any` on purpose: without Node resolution
 * there are no typings for them, and scripts call into them freely.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare function require(name: string): any;

/** Sandbox timers; the handle is a number (the sandbox counts its timers). */
declare function setTimeout(handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number;
declare function clearTimeout(handle: number | undefined): void;
declare function setInterval(handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number;
declare function clearInterval(handle: number | undefined): void;
declare function setImmediate(handler: (...args: unknown[]) => void, ...args: unknown[]): number;
declare function clearImmediate(handle: number | undefined): void;

/** Global in both sandboxes; sandbox 4 (Newman) logs a deprecation warning and prefers `require('btoa')`. */
declare function btoa(data: string): string;
/** Global in both sandboxes; sandbox 4 (Newman) logs a deprecation warning and prefers `require('atob')`. */
declare function atob(data: string): string;

/** Text encodings of the sandbox's `Buffer` (its base64 decoding also takes base64url). */
declare type SandboxBufferEncoding = 'utf8' | 'base64' | 'hex' | 'latin1' | 'ascii';

/** The part of Node's `Buffer` the sandbox scope provides in sandbox 4 and 6 (a global there, without warning). */
declare const Buffer: {
  from(value: string, encoding?: SandboxBufferEncoding): { length: number; toString(encoding?: SandboxBufferEncoding): string };
};

/** A request as `pm.sendRequest` accepts it in plain-object form (postman-collection's request definition). */
declare interface SandboxRequestDefinition {
  url: string;
  method?: string;
  header?: { key: string; value: string }[] | Record<string, string>;
  body?:
    | { mode: 'raw'; raw: string; options?: { raw?: { language?: string } } }
    | { mode: 'urlencoded'; urlencoded: { key: string; value: string }[] }
    | { mode: 'formdata'; formdata: { key: string; value: string }[] };
}

/** Callback of `pm.sendRequest`: `error` is whatever the runner sends (Newman: a plain object without `message`). */
declare type SendRequestCallback = (error: unknown, response?: import('postman-collection').Response) => void;

declare interface Postman {
  /** The typings accept only a `Request` instance or a URL; the sandbox takes a plain definition too. */
  sendRequest(request: SandboxRequestDefinition, callback: SendRequestCallback): void;
}

declare module 'postman-collection' {
  interface RequestAuth {
    /** Missing from the typings: the selected auth type (`bearer`, `noauth`, `basic`, …). */
    type: string;
  }
}

/*
 * The sandbox's built-in modules, `any` where the project has no types for them. Written as patterns
 * (`"lodash*"`) on purpose: TypeScript consults a pattern declaration only when the import does not resolve
 * to typed code, so a project with `@types/lodash` (or a module shipping its own types) keeps those types,
 * in `build` and in `tsc -p scripts-src` alike. Keep in step with SANDBOX_MODULES (a test compares them).
 */
declare module "lodash*";
declare module "crypto-js*";
declare module "uuid*";
declare module "chai*";
declare module "moment*";
declare module "ajv*";
declare module "cheerio*";
declare module "tv4*";
declare module "xml2js*";
declare module "csv-parse/lib/sync*";
declare module "atob*";
declare module "btoa*";
declare module "buffer*";
declare module "url*";
declare module "util*";
declare module "events*";
declare module "stream*";
declare module "timers*";
declare module "querystring*";
declare module "string_decoder*";
declare module "path*";
declare module "assert*";
declare module "punycode*";
