/** `{ "message": true }`: a message unique to this thread and call, `producer-1#0`. */
import { argKind } from './kind';

export const message = argKind<{ message: true }>({
  key: 'message',
  schema: { type: 'object', additionalProperties: false, required: ['message'], properties: { message: { const: true } } },
  signature: () => 'message',
  make: (_s, c) => `${c.thread.name}#${c.call}`,
});
