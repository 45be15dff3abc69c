import type { Server } from './servers.js';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Where the token URL of the collection comes from. */
export interface TokenUrlPlan {
  /** `tokenUrl` of the config: absolute, `{{base_url}}/…`, or `{{token_url}}`. */
  tokenUrl: string;
  /** With `{{token_url}}`: its value for each server, in server order. */
  perServer?: string[];
}

/**
 * A relative URL of the spec (token or discovery URL) resolved against each server, the server URL taken as
 * a directory. When every server gives `server + same suffix`, the URL follows `{{base_url}}`; when every
 * server gives the same URL, it is written as is; otherwise each environment gets its own `token_url`.
 */
export function planTokenUrl(url: string, servers: Server[]): TokenUrlPlan {
  if (ABSOLUTE.test(url)) return { tokenUrl: url };
  const resolved = servers.map((s) => resolveAgainst(s.url, url));
  const suffixes = resolved.map((r, i) => {
    const base = servers[i]!.url;
    return r === base || r.startsWith(`${base}/`) ? r.slice(base.length) : undefined;
  });
  if (suffixes.every((s) => s !== undefined && s === suffixes[0])) return { tokenUrl: `{{base_url}}${suffixes[0]}` };
  if (resolved.every((r) => r === resolved[0])) return { tokenUrl: resolved[0]! };
  return { tokenUrl: '{{token_url}}', perServer: resolved };
}

/** `url` resolved against the first absolute server URL, or undefined when there is none. */
export function absoluteUrl(url: string, servers: Server[]): string | undefined {
  if (ABSOLUTE.test(url)) return url;
  const base = servers.find((s) => ABSOLUTE.test(s.url));
  return base ? resolveAgainst(base.url, url) : undefined;
}

function resolveAgainst(base: string, url: string): string {
  if (ABSOLUTE.test(base) && URL.canParse(`${base}/`)) return new URL(url, `${base}/`).href;
  // A relative server (or none), or a server whose origin the URL parser refuses (a `{region}` variable without
  // a default, an odd default): resolve the path on a placeholder origin, then put the server's origin back.
  const origin = ORIGIN.exec(base)?.[0] ?? '';
  const placeholder = 'http://relative.invalid';
  const path = base.slice(origin.length).startsWith('/') ? base.slice(origin.length) : `/${base.slice(origin.length)}`;
  const baseUrl = `${placeholder}${path === '/' ? '' : path}/`;
  // a URL the parser refuses even so (a protocol-relative `//[`) stays as the spec wrote it
  return URL.canParse(url, baseUrl) ? origin + new URL(url, baseUrl).href.slice(placeholder.length) : url;
}

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
