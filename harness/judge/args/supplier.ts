/**
 * `{ "supplier": "nextMessage" }`: a function owned by the calling thread that returns a fresh
 * message each time it is called (`producer#1`, `producer#2`, …) and records it for the checker.
 */
import { argKind } from './kind';
import { ownedFunction } from './owned';

export const supplier = argKind<{ supplier: string }>({
  key: 'supplier',
  schema: { type: 'object', additionalProperties: false, required: ['supplier'], properties: { supplier: { type: 'string' } } },
  signature: (s) => s.supplier,
  make: (s, c) => {
    const n = c.run.shared(`supplier:${s.supplier}:${c.thread.name}`, () => ({ next: 1 }));
    return ownedFunction(c, s.supplier, () => {
      const value = `${c.thread.name}#${n.next++}`;
      return { value, shown: c.rt.tracing ? `${s.supplier}() → ${JSON.stringify(value)}` : undefined, result: value };
    });
  },
});
