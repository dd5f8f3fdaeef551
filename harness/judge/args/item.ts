/**
 * `{ "item": "cars", "field": "roadId" }`: this thread's element of an array among the case's
 * arguments (thread k of its kind gets element k − 1), or one field of it: per-thread data such
 * as traffic-light's cars.
 */
import { learnerCopy } from '../copies';
import { argKind } from './kind';

export const item = argKind<{ item: string; field?: string }>({
  key: 'item',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['item'],
    properties: { item: { type: 'string' }, field: { type: 'string' } },
  },
  signature: (s) => s.field ?? s.item,
  make: (s, c) => {
    const list = c.args[s.item] as unknown[];
    const el = list[c.thread.number - 1];
    return learnerCopy(s.field === undefined ? el : (el as Record<string, unknown>)[s.field]);
  },
  check: (s, args) => (Array.isArray(args[s.item]) ? null : `case argument "${s.item}" must be an array (one element per thread)`),
});
