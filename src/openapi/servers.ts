import { childPointer } from '../json/pointer.js';
import { slugify } from '../slug.js';
import { isObject, text, type JsonObject } from '../json/json-value.js';
import type { SpecContext } from './spec-context.js';

/** One server of the spec: the environment it becomes and its `base_url`. */
export interface Server {
  /** Environment name: unique, matching the config's environment-name pattern. */
  name: string;
  /** `base_url` value: variables filled in, no trailing slash. */
  url: string;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The spec's servers (3.x `servers`, 2.0 `schemes`/`host`/`basePath`); never empty. */
export function specServers(ctx: SpecContext): Server[] {
  const found = ctx.version === '2.0' ? swaggerServers(ctx.spec) : openApiServers(ctx, ctx.spec.servers, '/servers');
  if (found.length === 0) {
    ctx.warnings.add(
      'the spec names no server, so base_url is empty: set it in an environment (newman --env-var base_url=https://…) or in a config given with -c',
      { file: ctx.file, pointer: ctx.version === '2.0' ? '' : '/servers' },
    );
    return [{ name: 'default', url: '' }];
  }
  for (const s of found.filter((f) => !ABSOLUTE.test(f.url))) {
    ctx.warnings.add(
      `server URL '${s.url || '/'}' is relative: set base_url to the absolute URL in an environment or in a config given with -c`,
      { file: ctx.file, pointer: s.pointer },
    );
  }
  return uniqueNames(found);
}

/** The first URL of a 3.x `servers` list (path- or operation-level), variables filled in. */
export function firstServerUrl(ctx: SpecContext, servers: unknown, pointer: string): string | undefined {
  return openApiServers(ctx, servers, pointer)[0]?.url;
}

/** A server as found in the spec: its label, URL, and where its URL is (for messages). */
interface FoundServer {
  label?: string;
  url: string;
  pointer: string;
}

function openApiServers(ctx: SpecContext, servers: unknown, pointer: string): FoundServer[] {
  if (!Array.isArray(servers)) return [];
  return servers.flatMap((server, i) => {
    if (!isObject(server) || typeof server.url !== 'string') return [];
    const url = fillVariables(ctx, server, childPointer(pointer, i));
    return [{ label: text(server.description) ?? hostLabel(url), url: trimSlash(url), pointer: `${pointer}/${i}/url` }];
  });
}

/** Server variables take their default (else their first enum value). */
function fillVariables(ctx: SpecContext, server: JsonObject, pointer: string): string {
  const variables = isObject(server.variables) ? server.variables : {};
  return (server.url as string).replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    if (isObject(variable)) {
      if (variable.default !== undefined) return String(variable.default);
      if (Array.isArray(variable.enum) && variable.enum.length) return String(variable.enum[0]);
    }
    ctx.warnings.add(`server variable '${name}' has no default: it is left as ${whole}`, {
      file: ctx.file,
      pointer: `${pointer}/url`,
    });
    return whole;
  });
}

function swaggerServers(spec: JsonObject): FoundServer[] {
  const host = text(spec.host);
  const basePath = typeof spec.basePath === 'string' ? spec.basePath : '';
  if (!host) return basePath && basePath !== '/' ? [{ url: trimSlash(basePath), pointer: '/basePath' }] : [];
  const schemes = Array.isArray(spec.schemes) && spec.schemes.length ? spec.schemes.map(String) : ['https'];
  return schemes.map((scheme) => ({
    label: schemes.length > 1 ? scheme : host,
    url: trimSlash(`${scheme}://${host}${basePath.startsWith('/') || basePath === '' ? '' : '/'}${basePath}`),
    pointer: '/host',
  }));
}

function hostLabel(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url);
  return match?.[1];
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Environment names: the label as a slug (dots kept for host names), made unique with -2, -3…. */
function uniqueNames(servers: FoundServer[]): Server[] {
  const used = new Set<string>();
  return servers.map(({ label, url }) => {
    const base = envName(label) ?? 'server';
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return { name, url };
  });
}

function envName(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const name = /^[A-Za-z0-9.-]+$/.test(label) ? label.toLowerCase().replace(/^[.-]+|[.-]+$/g, '') : slugify(label);
  return name ? name.slice(0, 60).replace(/[.-]+$/, '') : undefined;
}
