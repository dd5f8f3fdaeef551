/**
 * `{ "threadNumber": true, "from": 0 }`: this thread's number among the threads of its kind,
 * counted from `from` (1 by default): dining philosophers are 0 to 4.
 */
import { argKind } from './kind';

export const threadNumber = argKind<{ threadNumber: true; from?: number; name?: string }>({
  key: 'threadNumber',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['threadNumber'],
    properties: { threadNumber: { const: true }, from: { type: 'integer' }, name: { type: 'string' } },
  },
  signature: (s) => s.name ?? 'name',
  make: (s, c) => c.thread.number - 1 + (s.from ?? 1),
});
