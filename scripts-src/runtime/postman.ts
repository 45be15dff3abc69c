// The runtime adapter for Postman: the v2.1 sandboxes (Newman 6: sandbox 4.7; the Postman app and CLI: 6.x) and
// the v3 runtime (`postman collection run` on a v3 folder). Where v3 differs, the modules it re-exports say so.
// Plain exports, not an object: the bundler leaves out what a script does not call.
export { recall, remember } from './postman-memory.ts';
export { send } from './postman-send.ts';
export { environmentSelected, store } from './postman-storage.ts';

// The test script's `pm` has `response`, the pre-request script's has `skipRequest`: one adapter serves both.
type AnyPm = typeof pm & {
  response: { code: number; headers: { get(name: string): string | undefined } };
  execution: { skipRequest(): void };
};

export const read = (name: string): string => replaceIn(String(pm.variables.get(name) ?? ''));
export const defined = (name: string): boolean => pm.variables.has(name);
export const replaceIn = (template: string): string => pm.variables.replaceIn(template);
export const fixes = {
  environment: 'newman run … -e <environment file>',
  variable: (name: string, value: string) =>
    `newman run … --env-var ${name}=${value}, or its current value in the Postman app`,
};
// The runners wait for `pm.sendRequest` callbacks by themselves.
export const settled = (): undefined => undefined;
export const failTest = (title: string, problem: string): void =>
  pm.test(title, () => {
    throw new Error(problem);
  });
export const skipRequest = (): void => (pm as AnyPm).execution.skipRequest();
export const requestId = (): string => pm.info.requestId;
export const requestToken = (): string | undefined => {
  const auth = pm.request.auth;
  return auth && String(auth.parameters().get(auth.type === 'bearer' ? 'token' : 'value') ?? '');
};
export const requestMethod = (): string => pm.request.method;
export const requestUrl = (): string => pm.variables.replaceIn(pm.request.url.toString());
export const setRequestHeader = (key: string, value: string): void => {
  pm.request.headers.upsert({ key, value });
};
export const responseCode = (): number => (pm as AnyPm).response.code;
export const responseHeader = (name: string): string | undefined => (pm as AnyPm).response.headers.get(name);
export const setNextRequest = (id: string): void => pm.execution.setNextRequest(id);
