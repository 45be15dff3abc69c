// User test scripts for the retry-on-401 case (issue 4, case 6), shared by the Newman and Postman CLI suites:
// both would fail on the rejected first attempt if gen-collection did not skip them there.
export const REPLAY_TEST_FILES: Record<string, string> = {
  'scripts-src/orders-shape.test.ts': [
    "pm.test('orders body has an orders array', function () {",
    '  const body = pm.response.json() as { orders?: unknown };',
    '  pm.expect(Array.isArray(body.orders)).to.equal(true);',
    '});',
    '',
  ].join('\n'),
  'scripts-src/no-error.test.ts': [
    "pm.test('response has no error field', function () {",
    '  const body = pm.response.json() as { error?: unknown };',
    '  pm.expect(body.error).to.equal(undefined);',
    '});',
    '',
  ].join('\n'),
};
