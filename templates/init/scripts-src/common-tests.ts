// A collection-level test script, written in TypeScript and type-checked against the Postman sandbox's
// test-script API (scripts-src/tsconfig.json; pre-request scripts go in scripts-src/prerequest/).
// gen-collection bundles it into the collection; it runs after every request.

const maxMillis = 2000;

// A request that got no response at all (connection refused, unknown host, timeout) is already reported by
// Newman or the Postman CLI as a request error: checking the missing response would only add failures.
const gotResponse = typeof pm.response.code === 'number' && pm.response.code > 0;

if (gotResponse) {
  pm.test(`responds within ${maxMillis} ms`, () => {
    pm.expect(pm.response.responseTime).to.be.below(maxMillis);
  });

  const contentType = pm.response.headers.get('Content-Type') ?? '';
  if (contentType.includes('json')) {
    pm.test('JSON body parses', () => {
      pm.expect(() => pm.response.json()).to.not.throw();
    });
  }
}
