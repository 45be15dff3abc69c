// Collection-level test script: checks every response gen-collection's token logic let through.
import { isJsonResponse } from './lib/response';

pm.test('not a server error', () => {
  pm.expect(pm.response.code).to.be.below(500);
});

if (isJsonResponse()) {
  pm.test('JSON body parses', () => {
    pm.expect(() => pm.response.json()).to.not.throw();
  });
}
