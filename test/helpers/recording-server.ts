// A loopback HTTP server that answers every request with `{}` and records what each carried: the static auths'
// e2e cases (test/bruno/static-auth.test.ts, test/postman-cli/static-auth.test.ts) read where a key or token went.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  /** The `key` query parameter, null when absent. */
  key: string | null;
  headers: IncomingHttpHeaders;
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
    seen.push({ path: url.pathname, key: url.searchParams.get('key'), headers: req.headers });
    res.setHeader('Content-Type', 'application/json');
    res.end('{}');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    reset: () => void seen.splice(0),
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
