/**
 * Newman's JSON reporter copies run inputs verbatim, whatever the collection does: the final
 * environment (so every `--env-var` value) and the full request of a `pm.sendRequest` that errored
 * (refused, timed out), body and headers included. These helpers set exactly those copies aside,
 * counting them, so a secret check can cover everything else in the report.
 */

/** What was set aside. */
export interface NewmanCopies {
  /** Environment entries for the `--env-var` keys. */
  envVars: number;
  /** Request objects of the token endpoint (executions and failure sources). */
  tokenRequests: number;
}

/** A copy of the parsed JSON report without Newman's verbatim copies of `--env-var` values and token requests. */
export function withoutNewmanCopies(
  report: unknown,
  opts: { envVarKeys: string[]; tokenUrl: string },
): { rest: unknown; copies: NewmanCopies } {
  const copies: NewmanCopies = { envVars: 0, tokenRequests: 0 };
  const walk = (value: unknown, key: string | undefined, parentKey: string | undefined): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, undefined, key));
    if (!value || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    if (parentKey === 'values' && typeof object.key === 'string' && opts.envVarKeys.includes(object.key)) {
      copies.envVars += 1;
      return { ...object, value: '[--env-var value copied by Newman]' };
    }
    if (key === 'request' && requestUrl(object) === opts.tokenUrl) {
      copies.tokenRequests += 1;
      return '[token request copied by Newman]';
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, walk(v, k, key)]));
  };
  return { rest: walk(report, undefined, undefined), copies };
}

/** `protocol://host:port/path` of a serialised postman-collection Request (its url is an object or a string). */
function requestUrl(request: Record<string, unknown>): string | undefined {
  const url = request.url;
  if (typeof url === 'string') return url;
  if (!url || typeof url !== 'object') return undefined;
  const { protocol, host, port, path } = url as { protocol?: string; host?: string[]; port?: string; path?: string[] };
  if (!protocol || !Array.isArray(host)) return undefined;
  return `${protocol}://${host.join('.')}${port ? `:${port}` : ''}/${Array.isArray(path) ? path.join('/') : ''}`;
}
