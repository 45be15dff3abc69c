/**
 * Small HTTP helpers shared by the e2e servers: listen on 127.0.0.1 port 0, read a body, answer
 * JSON, close without waiting for keep-alive sockets, and a URL whose port refuses connections.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Largest request body the test servers read (token and API requests are tiny). */
const BODY_LIMIT = 64 * 1024;

/** A running loopback server: its base URL (no trailing slash) and a close that never hangs. */
export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts `server` on 127.0.0.1 with an OS-chosen port. */
export async function listenLoopback(server: Server): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => closeServer(server),
  };
}

/** Stops accepting, drops idle and active sockets (Newman keeps connections alive) and resolves once closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Creates a server for `handler`; a handler that throws answers 500 instead of crashing the test worker. */
export function createJsonServer(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Server {
  return createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'test_server_bug', error_description: String(error) });
      else res.destroy();
    });
  });
}

/** Reads the whole request body (bounded by `BODY_LIMIT`). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > BODY_LIMIT) throw new Error('request body too large for a test server');
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

/** Answers `status` with a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Answers `status` with a non-JSON body. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The path of a request URL, without the query string. */
export function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
}

/** A loopback URL whose port was just released, so connecting to it is refused. */
export async function refusedUrl(path = '/token'): Promise<string> {
  const server = createServer();
  const { url, close } = await listenLoopback(server);
  await close();
  return url + path;
}

/** Resolves after `ms`, or at once when `signal` aborts (so closing a server never waits on a slow answer). */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
