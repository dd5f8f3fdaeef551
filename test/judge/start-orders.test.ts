import { ALL_ORDERS_UP_TO, startOrders } from '../../harness/judge/start-orders';

const key = (o: number[]): string => o.join(',');
const isPermutation = (o: number[], n: number): boolean => key([...o].sort((a, b) => a - b)) === key([...Array(n).keys()]);
const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

test.each([1, 2, 3, 4])('%i threads are started in every one of their orders, each once', (n) => {
  const orders = startOrders(n, 7);
  expect(orders).toHaveLength(factorial(n));
  expect(new Set(orders.map(key)).size).toBe(factorial(n));
  for (const o of orders) expect(isPermutation(o, n)).toBe(true);
});

test('the problem order comes first', () => {
  expect(startOrders(3, 7)[0]).toEqual([0, 1, 2]);
  expect(startOrders(6, 7)[0]).toEqual([0, 1, 2, 3, 4, 5]);
});

test('all orders are used up to four threads', () => {
  expect(ALL_ORDERS_UP_TO).toBe(4);
});

test.each([5, 6, 10])('%i threads get a sample: the problem order, its reverse, and distinct shuffles', (n) => {
  const orders = startOrders(n, 7);
  expect(orders.length).toBe(8);
  expect(orders[0]).toEqual([...Array(n).keys()]);
  expect(orders[1]).toEqual([...Array(n).keys()].reverse());
  expect(new Set(orders.map(key)).size).toBe(orders.length);
  for (const o of orders) expect(isPermutation(o, n)).toBe(true);
});

test('the sample is the same for the same seed', () => {
  expect(startOrders(7, 123)).toEqual(startOrders(7, 123));
});

test('another seed samples other orders', () => {
  expect(startOrders(7, 123)).not.toEqual(startOrders(7, 124));
});
