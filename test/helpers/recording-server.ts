// A loopback HTTP server that answers every request with `{}` and records what each carried: the static auths'
// e2e cases (test/bruno/static-auth.test.ts, test/postman-cli/static-auth.test.ts) read where a key or token went,
// the request-values cases (request-values.test.ts in test/e2e, test/bruno and test/postman-cli) the URL and body
// as sent.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** The request target as sent: path and query, still encoded. */
  url: string;
  path: string;
  /** The `key` query parameter, null when absent. */
  key: string | null;
  headers: IncomingHttpHeaders;
  /** The body as text (at most 1 MB kept). */
  body: string;
}

export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** The requests since the last `reset`, in order. */
  seen: RecordedRequest[];
  reset(): void;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1, port 0. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const seen: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      if (body.length < 1 << 20) body += chunk;
    });
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        path: url.pathname,
        key: url.searchParams.get('key'),
        headers: req.headers,
        body,
      });
      res.setHeader('Content-Type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    reset: () => void seen.splice(0),
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
