// A local module shared by test scripts; esbuild inlines it into each bundle.

/** True when the response declares a JSON content type. */
export function isJsonResponse(): boolean {
  return /json/i.test(pm.response.headers.get('Content-Type') ?? '');
}
