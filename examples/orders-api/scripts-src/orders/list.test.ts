// Request-level test script for "List orders".
interface Order {
  id: string;
  sku: string;
  qty: number;
}

pm.test('returns a list of orders', () => {
  const body = pm.response.json() as { orders: Order[] };
  pm.expect(body.orders).to.be.an('array');
  if (body.orders.length > 0) pm.environment.set('order_id', body.orders[0]!.id);
});
