/**
 * The proof of DESIGN.md 2d, run in a fresh Node by boundary-walk.test.ts. It loads the compiled
 * judge, hardens the realm exactly as a sandbox worker does (hardenRealm(): SES lockdown), judges
 * the collector (fixtures/walk/FooBar.ts) through the real loader and a real run, takes the
 * collection the learner returned (the judge records return values in run events; a checker of
 * this script's own sees them), and walks every object reachable from it: own properties
 * (symbols too; accessors by their getter and setter functions, never called), prototypes, the
 * `.prototype` of functions, Map and Set contents. A violation is an object that is not frozen,
 * or that is an instance or the prototype of a class exported by any module under
 * dist/harness/{scheduler,judge,strategies} (found by listing the folders). Prints one JSON line:
 * { entries, walked, violations: [{ path, reasons }] }.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const DIST = process.argv[2];
const LEARNER = process.argv[3];

// 1. The judge's classes, from every module of the judge's folders.
const judgeClasses = [];
for (const folder of ['scheduler', 'judge', 'strategies']) {
  const dir = path.join(DIST, folder);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
    let mod;
    try {
      mod = require(path.join(dir, file));
    } catch (e) {
      continue;
    }
    for (const [key, value] of Object.entries(mod)) {
      if (typeof value === 'function' && value.prototype && typeof value.prototype === 'object') {
        judgeClasses.push({ name: `${folder}/${file.replace(/\.js$/, '')}.${key}`, C: value });
      }
    }
  }
}

const { hardenRealm } = require(path.join(DIST, 'loader', 'evaluate.js'));
const { loadSubmission } = require(path.join(DIST, 'loader', 'index.js'));
const { compileSubmission } = require(path.join(DIST, 'loader', 'compile.js'));
const { judgeSubmission } = require(path.join(DIST, 'judge', 'judge.js'));

(async () => {
  // 2. Harden as a sandbox worker does: the judge loaded, then lockdown, then learner code.
  const compiled = await compileSubmission(LEARNER);
  // Checkers get a plain copy of what a method returned; the walk needs the learner's own
  // objects, so it keeps each collection as the method's task settles with it (a test's wrap of
  // the judge's class, made before lockdown).
  const { TaskResult } = require(path.join(DIST, 'scheduler', 'task.js'));
  const settle = TaskResult.prototype.settle;
  const collections = [];
  TaskResult.prototype.settle = function (ok, value) {
    if (ok && value && typeof value === 'object' && Array.isArray(value.entries)) collections.push(value);
    return settle.call(this, ok, value);
  };
  hardenRealm();
  // The real loader, once on its own (a CE or a throw at load would end the proof here).
  await loadSubmission(LEARNER, undefined, compiled);

  // 3. One real run of a FooBar-shaped problem whose checker keeps what the methods return.
  const spec = JSON.parse(fs.readFileSync(path.join(path.dirname(DIST), '..', 'problems', 'foobar', 'problem.json'), 'utf8'));
  spec.cases = [{ ...spec.cases[0], points: 100 }];
  spec.limits = { ...spec.limits, schedules: 1 };
  const returned = [];
  const { defineChecker } = require(path.join(DIST, 'judge', 'checker.js'));
  const checker = defineChecker({
    onEvent(ev) {
      if (ev.kind === 'return') returned.push({ method: ev.method, value: collections.shift() });
      return null;
    },
    final: () => null,
  });
  const result = await judgeSubmission({ spec, dir: path.join(path.dirname(DIST), '..', 'problems', 'foobar'), checker }, LEARNER, { compiled, seed: 1 });

  // 4. The walk.
  const mine = new Set();
  const roots = [];
  for (const r of returned) {
    const v = r.value;
    if (!v || !Array.isArray(v.entries)) continue;
    mine.add(v);
    mine.add(v.entries);
    if (Array.isArray(v.mine)) {
      mine.add(v.mine);
      for (const m of v.mine) if (m !== null && (typeof m === 'object' || typeof m === 'function')) mine.add(m);
    }
    for (const e of v.entries) {
      mine.add(e);
      roots.push([`${r.method}(): ${e[0]}`, e[1]]);
    }
  }

  const seen = new Set();
  const violations = [];
  const queue = roots.map(([p, v]) => ({ path: p, value: v }));
  const isObj = (v) => v !== null && (typeof v === 'object' || typeof v === 'function');
  for (let i = 0; i < queue.length; i++) {
    const { path: where, value: o } = queue[i];
    if (!isObj(o) || seen.has(o) || mine.has(o)) continue;
    seen.add(o);
    const reasons = [];
    // An error the engine threw at the learner's own call (calling a number, say) is the
    // learner's; one the judge threw starts in the judge's code and must be frozen.
    const topFrame = (String(Object.getOwnPropertyDescriptor(o, 'stack')?.value ?? '').match(/^\s+at .*$/m) ?? [''])[0];
    const learnersOwnError = o instanceof Error && !topFrame.includes('dist/harness/');
    // A Date the learner constructs (on the virtual clock) is its own value too.
    const learnersOwnDate = o instanceof Date;
    if (!Object.isFrozen(o) && !learnersOwnError && !learnersOwnDate) reasons.push('not frozen');
    for (const { name, C } of judgeClasses) {
      // A class of the judge made to be handed out (an operation, the endowed Promise) is fine
      // when it and its prototype are frozen and its instances hold nothing of their own: their
      // state is in #private fields no walk can reach.
      const madeForLearners = Object.isFrozen(C) && Object.isFrozen(C.prototype);
      const isAPrototype = typeof o.constructor === 'function' && Object.getOwnPropertyDescriptor(o, 'constructor')?.value?.prototype === o;
      const holdsNothing = Object.isFrozen(o) && (Reflect.ownKeys(o).length === 0 || isAPrototype);
      if (o === C.prototype) {
        if (!madeForLearners) reasons.push(`is ${name}.prototype`);
      } else if (o === C) {
        if (!madeForLearners) reasons.push(`is the judge class ${name}`);
      } else {
        let inst = false;
        try {
          inst = o instanceof C;
        } catch {
          inst = false;
        }
        if (inst && !(madeForLearners && holdsNothing)) reasons.push(`is an instance of ${name}`);
      }
    }
    if (reasons.length > 0) violations.push({ path: where, reasons });
    const push = (p, v) => {
      if (isObj(v) && !seen.has(v) && !mine.has(v)) queue.push({ path: p, value: v });
    };
    push(`${where} → [[Prototype]]`, Object.getPrototypeOf(o));
    for (const k of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (!d) continue;
      const name = typeof k === 'symbol' ? `[${String(k)}]` : `.${k}`;
      if ('value' in d) push(`${where} → ${name}`, d.value);
      else {
        push(`${where} → get ${name}`, d.get);
        push(`${where} → set ${name}`, d.set);
      }
    }
    if (typeof o === 'function') {
      // `.prototype` is an own property and walked above; nothing else hides on a function.
    }
    try {
      if (o instanceof Map) {
        let n = 0;
        for (const [k, v] of o) {
          push(`${where} → <map key ${n}>`, k);
          push(`${where} → <map value ${n}>`, v);
          n++;
        }
      } else if (o instanceof Set) {
        let n = 0;
        for (const v of o) push(`${where} → <set item ${n++}>`, v);
      }
    } catch {
      // not a real one
    }
  }
  process.stdout.write(
    `\n${JSON.stringify({ verdict: result.verdict, message: result.cases[0]?.failure?.message, returned: returned.length, entries: roots.length, walked: seen.size, judgeClasses: judgeClasses.map((c) => c.name), violations })}\n`,
  );
})().catch((e) => {
  process.stdout.write(`\n${JSON.stringify({ crash: String(e && e.stack) })}\n`);
});
