// A collection-level test script, written in TypeScript and type-checked against the Postman sandbox API.
// gen-collection bundles it into the collection; it runs after every request.

const maxMillis = 2000;

pm.test(`responds within ${maxMillis} ms`, () => {
  pm.expect(pm.response.responseTime).to.be.below(maxMillis);
});

const contentType = pm.response.headers.get('Content-Type') ?? '';
if (contentType.includes('json')) {
  pm.test('JSON body parses', () => {
    pm.expect(() => pm.response.json()).to.not.throw();
  });
}
