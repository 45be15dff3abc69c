import { createRequire } from 'node:module';

/** The two sandboxes a script must run in: the Postman app's (6.x) and Newman 6's (4.7). */
export const SANDBOX_PACKAGES = ['postman-sandbox', 'postman-sandbox-4'] as const;
export type SandboxPackage = (typeof SANDBOX_PACKAGES)[number];

export interface SandboxRun {
  assertions: { name: string; passed: boolean; error?: string }[];
  console: string[];
  error?: string;
}

interface SandboxContext {
  on(event: string, listener: (...args: unknown[]) => void): void;
  removeListener(event: string, listener: (...args: unknown[]) => void): void;
  execute(target: unknown, options: unknown, callback: (error: Error | null) => void): void;
  dispose(): void;
}

/** A sandbox context of `pkg`, as Newman or the Postman app create it. */
export function sandboxContext(pkg: SandboxPackage): Promise<SandboxContext> {
  const Sandbox = createRequire(import.meta.url)(pkg) as {
    createContext(options: object, callback: (error: Error | null, context: SandboxContext) => void): void;
  };
  return new Promise((resolve, reject) =>
    Sandbox.createContext({ timeout: 10_000 }, (error, context) => (error ? reject(error) : resolve(context))),
  );
}

/** Runs `code` as a script of `event`, with a JSON response for test scripts; collects assertions and console lines. */
export function runInSandbox(
  context: SandboxContext,
  code: string,
  event: 'prerequest' | 'test',
  responseJson: unknown = {},
): Promise<SandboxRun> {
  const run: SandboxRun = { assertions: [], console: [] };
  const onAssertion = (_cursor: unknown, assertions: unknown): void => {
    for (const a of assertions as { name: string; passed: boolean; error?: { message?: string } }[]) {
      run.assertions.push({ name: a.name, passed: a.passed, error: a.error?.message });
    }
  };
  const onConsole = (_cursor: unknown, _level: unknown, ...args: unknown[]): void => {
    run.console.push(args.map(String).join(' '));
  };
  context.on('execution.assertion', onAssertion);
  context.on('console', onConsole);
  const response = {
    code: 200,
    status: 'OK',
    header: [{ key: 'Content-Type', value: 'application/json' }],
    body: JSON.stringify(responseJson),
  };
  const target = { listen: event, script: { exec: code.split('\n') } };
  const options = { timeout: 10_000, context: event === 'test' ? { response } : {} };
  return new Promise((resolve) =>
    context.execute(target, options, (error) => {
      context.removeListener('execution.assertion', onAssertion);
      context.removeListener('console', onConsole);
      if (error) run.error = error.message;
      resolve(run);
    }),
  );
}
