/** A URL split the way Postman stores it in a v2.1 collection. */
export interface PostmanUrlParts {
  raw: string;
  protocol?: string;
  auth?: { user: string; password: string };
  host?: string[];
  port?: string;
  path?: string[];
  query?: { key: string; value: string | null }[];
  hash?: string;
}

/**
 * Splits a URL template (`{{base_url}}/orders/:id?limit=10`) into Postman's parts, as postman-collection's
 * `Url.parse` does (a test compares the two), without loading that library: it costs more start-up time
 * than a whole build of a small config. `{{variables}}` are opaque: dots, colons and slashes inside them
 * never split anything.
 */
export function splitUrl(raw: string): PostmanUrlParts {
  const parts: PostmanUrlParts = { raw };
  let rest = raw;
  const hashAt = indexOutsideVariables(rest, '#');
  if (hashAt !== -1) {
    parts.hash = rest.slice(hashAt + 1);
    rest = rest.slice(0, hashAt);
  }
  const queryAt = indexOutsideVariables(rest, '?');
  let query: string | undefined;
  if (queryAt !== -1) {
    query = rest.slice(queryAt + 1);
    rest = rest.slice(0, queryAt);
  }
  const protocol = /^([^:/?#]+):\/\//.exec(rest);
  if (protocol) {
    parts.protocol = protocol[1];
    rest = rest.slice(protocol[0].length);
  }
  const pathAt = indexOutsideVariables(rest, '/');
  let authority = pathAt === -1 ? rest : rest.slice(0, pathAt);
  const path = pathAt === -1 ? '' : rest.slice(pathAt + 1);
  const at = authority.lastIndexOf('@');
  if (at !== -1) {
    const [user = '', ...password] = authority.slice(0, at).split(':');
    parts.auth = { user, password: password.join(':') };
    authority = authority.slice(at + 1);
  }
  const colons = splitOutsideVariables(authority, ':');
  const port = colons.length > 1 ? colons[colons.length - 1]! : undefined;
  if (port !== undefined && !port.includes(']')) {
    parts.port = port;
    authority = authority.slice(0, authority.length - port.length - 1);
  }
  if (authority) parts.host = splitOutsideVariables(authority, '.');
  if (pathAt !== -1) parts.path = splitOutsideVariables(path, '/');
  if (query !== undefined) {
    parts.query = splitOutsideVariables(query, '&').map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? { key: pair, value: null } : { key: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
  }
  return parts;
}

/** Where the URL's own query starts (its `?`, outside `{{variables}}` and before any fragment), or -1. */
export function queryStart(raw: string): number {
  const hashAt = indexOutsideVariables(raw, '#');
  return indexOutsideVariables(hashAt === -1 ? raw : raw.slice(0, hashAt), '?');
}

/** Index of the first `char` at or after `from` that is not inside `{{…}}` (scanning from `from` on), or -1. */
function indexOutsideVariables(text: string, char: string, from = 0): number {
  // no `{{`: nothing is inside a variable (a `}}` alone closes nothing), and the first `char` is the one
  if (!text.includes('{{', from)) return text.indexOf(char, from);
  // character codes, not one-character strings: this runs over every URL of a collection
  const target = char.charCodeAt(0);
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b && text.charCodeAt(i + 1) === 0x7b) {
      depth++;
      i++;
    } else if (depth > 0 && c === 0x7d && text.charCodeAt(i + 1) === 0x7d) {
      depth--;
      i++;
    } else if (depth === 0 && c === target) {
      return i;
    }
  }
  return -1;
}

function splitOutsideVariables(text: string, separator: string): string[] {
  // the common case, most path and host parts: no `{{`, nothing is inside a variable
  if (!text.includes('{{')) return text.split(separator);
  // each scan goes on from the last separator, where no variable is open: the text is read once
  const pieces: string[] = [];
  let start = 0;
  for (let at = indexOutsideVariables(text, separator); at !== -1; at = indexOutsideVariables(text, separator, start)) {
    pieces.push(text.slice(start, at));
    start = at + 1;
  }
  pieces.push(text.slice(start));
  return pieces;
}
