/**
 * `{ "htmlParser": "graph", "fetchMs": "fetchMs" }`: web-crawler's `HtmlParser`, one per run and
 * callable from any thread. `getUrls(url)` records the fetch for the checker and returns a promise
 * of the page's links (the case argument `graph`: url → links) that takes `fetchMs` of virtual
 * time. A fetch's end comes only when time passes anyway (a lazy timer): while some thread can go
 * on, no fetch finishes, so fetches overlap exactly when the solution starts them together.
 */
import { Blocking } from '../../sync/op';
import { handToLearner } from './owned';
import { argumentError } from '../../sync/errors';
import { harden } from '../../scheduler/harden';
import { resolveCount, type Count } from '../problem';
import { argKind } from './kind';

export const htmlParser = argKind<{ htmlParser: string; fetchMs: Count }>({
  key: 'htmlParser',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['htmlParser', 'fetchMs'],
    properties: { htmlParser: { type: 'string' }, fetchMs: { $ref: '#/$defs/count' } },
  },
  signature: () => 'htmlParser',
  make: (s, c) =>
    c.run.shared(`htmlParser:${s.htmlParser}`, () => {
      const { rt, run } = c;
      const graph = c.args[s.htmlParser] as Record<string, string[]>;
      const ms = resolveCount(s.fetchMs, c.args, '"htmlParser" fetchMs');
      return harden({
        getUrls(url: unknown): Promise<string[]> {
          if (typeof url !== 'string') throw argumentError(new TypeError(`htmlParser.getUrls(url): url must be a string, got ${typeof url}`));
          const thread = rt.currentThread ?? rt.threads[0];
          run.emit(thread, 'getUrls', url);
          const links = Object.prototype.hasOwnProperty.call(graph, url) ? graph[url] : [];
          const timer = rt.clock.after(ms, undefined, true);
          return handToLearner(
            rt,
            new Blocking<string[]>(rt, `htmlParser.getUrls(${JSON.stringify(url)})`, {
              canGo: () => rt.clock.now >= timer.time,
              go: () => harden([...links]),
              outcome: (v) => `${v.length} link(s)`,
            }),
          );
        },
      });
    }),
  check: (s, args) => (typeof args[s.htmlParser] === 'object' && args[s.htmlParser] !== null ? null : `case argument "${s.htmlParser}" must be an object: url → links`),
});
