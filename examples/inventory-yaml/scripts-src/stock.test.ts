// Request-level test script for "List stock": typed against the sandbox's test-script API.
import _ from 'lodash';

interface StockLine {
  sku: string;
  quantity: number;
}

pm.test('every stock line has a non-negative quantity', () => {
  const lines = (pm.response.json() as { items: StockLine[] }).items;
  pm.expect(_.every(lines, (line: StockLine) => line.quantity >= 0)).to.equal(true);
});
