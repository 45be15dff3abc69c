/** The servers of one Bruno case (token server and protected API on 127.0.0.1), and its collection rendered for Bruno. */
import { renderBruno } from '../../src/render/bruno.js';
import type { RenderedFile } from '../../src/render/render.js';
import { startProtectedApi, type ProtectedApi } from '../e2e/servers/protected-api.js';
import { startTokenServer, type TokenServer, type TokenServerOptions } from '../e2e/servers/token-server.js';
import { runBru, type BruResult, type RunBruOptions } from './bru.js';
import { planFromConfig } from './plan-from-config.js';

export interface Rig {
  ts: TokenServer;
  api: ProtectedApi;
}

/** A case: the servers, the config made for them, the run options (the client secret passed unless `envVars` says otherwise). */
export interface BruCase {
  server?: TokenServerOptions;
  config: (rig: Rig) => Record<string, unknown>;
  files?: Record<string, string>;
  envVars?: (rig: Rig) => Record<string, string>;
  run: Omit<RunBruOptions, 'envVars'>;
  /** Run before bru starts (e.g. arm a one-off 401). */
  arm?: (rig: Rig) => void;
}

/** Starts the servers, renders the config with the bruno renderer, runs `bru run`, closes the servers. */
export async function runCase(spec: BruCase): Promise<{ rig: Rig; result: BruResult; files: RenderedFile[] }> {
  const ts = await startTokenServer(spec.server);
  const api = await startProtectedApi({ validate: ts.validateToken });
  const rig = { ts, api };
  try {
    const files = await renderBruno(await planFromConfig(spec.config(rig), spec.files));
    spec.arm?.(rig);
    const envVars = spec.envVars ? spec.envVars(rig) : { client_secret: ts.client.secret, password: ts.user.password };
    const result = await runBru(files, { ...spec.run, envVars });
    return { rig, result, files };
  } finally {
    await Promise.all([ts.close(), api.close()]);
  }
}
