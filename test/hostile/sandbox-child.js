/**
 * Runs in a fresh Node (jest cannot load tinypool): judges jobs in real sandbox workers (SES
 * lockdown, permission model) and prints one JSON line. Input: the JSON in argv[2]:
 *   { dist, fresh: [job…], shared: [job…], limits: { memoryMb, wallMs } }
 * `fresh` jobs each get a new worker (judgeIsolated); `shared` jobs run one after another in ONE
 * sandbox with one worker, so each sees whatever the jobs before it left in that worker.
 */
'use strict';
const input = JSON.parse(process.argv[2]);
const { Sandbox, judgeIsolated, limitsFor } = require(`${input.dist}/pool/index.js`);

function summary(r) {
  const s = {
    verdict: r.verdict,
    score: r.score,
    cases: r.cases.map((c) => ({ verdict: c.verdict, points: c.points, ...(c.failure ? { message: c.failure.message } : {}) })),
  };
  if (r.replay !== undefined) s.replay = r.replay;
  if (r.error) s.error = r.error.message;
  return s;
}

(async () => {
  const limits = limitsFor(input.limits.memoryMb, input.limits.wallMs);
  const out = { fresh: {}, shared: {}, pids: [] };
  for (const job of input.fresh ?? []) out.fresh[job.key] = summary(await judgeIsolated(job, limits));
  if ((input.shared ?? []).length > 0) {
    const pids = new Set();
    const sandbox = await Sandbox.create({ workers: 1, limits, onWorker: (pid) => pids.add(pid) });
    try {
      for (const job of input.shared) out.shared[job.key] = summary(await sandbox.run(job));
    } finally {
      await sandbox.close();
    }
    out.pids = [...pids];
  }
  process.stdout.write(`\n${JSON.stringify(out)}\n`);
})().catch((e) => {
  process.stdout.write(`\n${JSON.stringify({ crash: String(e && e.stack) })}\n`);
});
