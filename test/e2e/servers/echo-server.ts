/**
 * An echo server for the e2e tests: answers every request 200 with a small JSON body and keeps what it
 * received (method, URL, headers, body), so a test can compare what two runs of a collection sent.
 */
import { createJsonServer, listenLoopback, readBody, sendJson } from './http-util.js';

/** One request as the server received it. */
export interface EchoRecord {
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** Header names lower-cased, in the order received. */
  headers: Record<string, string>;
  body: string;
}

export interface EchoServer {
  url: string;
  /** `127.0.0.1:<port>`, for URLs that carry userinfo. */
  host: string;
  received: EchoRecord[];
  close(): Promise<void>;
}

/** Starts the echo server on 127.0.0.1 (port 0). */
export async function startEchoServer(): Promise<EchoServer> {
  const received: EchoRecord[] = [];
  const server = createJsonServer(async (req, res) => {
    const body = (await readBody(req)).toString('utf8');
    const headers: Record<string, string> = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers[req.rawHeaders[i]!.toLowerCase()] = req.rawHeaders[i + 1]!;
    received.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers, body });
    sendJson(res, 200, { ok: true });
  });
  const listening = await listenLoopback(server);
  return { url: listening.url, host: `127.0.0.1:${listening.port}`, received, close: listening.close };
}
