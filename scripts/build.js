/**
 * The build's second step, after `tsc` (package.json's `build`): what makes `interleave run` start
 * fast, generated from dist/ so that it always matches the compiled judge.
 *
 * 1. problem.json's validator as plain code (ajv's standalone output): the CLI and every sandbox
 *    worker used to compile the schema with ajv at start-up, about 0.1 s each.
 * 1b. The same for results.schema.json (model/validate.ts): the grader checks every result a
 *    worker sends, and compiling that schema cost `interleave run` 0.2–0.5 s of CPU beside the worker.
 * 2. The sandbox worker's judge bundled into one file.
 * 3. The shipped problems' checkers bundled, each with the SHA-256 of every file that went in
 *    (used only while those files are unchanged): the CLI used to start esbuild for it.
 *
 * Everything here is an optimisation: without these files the judge does the same work at run
 * time (harness/judge/problem-schema.ts), which is what the tests do from the TypeScript sources.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'harness');

function problemValidator() {
  const { VALIDATOR_FILE, AJV_OPTIONS } = require(path.join(DIST, 'judge', 'problem-schema.js'));
  const { schemaHash } = require(path.join(DIST, 'model', 'sha256.js'));
  const Ajv2020 = require('ajv/dist/2020').default;
  const standalone = require('ajv/dist/standalone').default;
  const schema = JSON.parse(fs.readFileSync(path.join(DIST, 'judge', 'problem.schema.json'), 'utf8'));
  // The options the judge compiles with at run time (problem-schema.ts), plus the source to emit.
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(schema);
  const code = `${standalone(ajv, validate)}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(schema))};\n`;
  fs.writeFileSync(path.join(DIST, 'judge', VALIDATOR_FILE), code);
}

function resultsValidators() {
  const { RESULTS_VALIDATORS, RESULTS_AJV_OPTIONS } = require(path.join(DIST, 'model', 'validate.js'));
  const { schemaHash } = require(path.join(DIST, 'model', 'sha256.js'));
  const Ajv2020 = require('ajv/dist/2020').default;
  const standalone = require('ajv/dist/standalone').default;
  const schema = JSON.parse(fs.readFileSync(path.join(DIST, 'model', 'results.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ ...RESULTS_AJV_OPTIONS, code: { source: true } });
  ajv.addSchema(schema);
  const code = `${standalone(ajv, RESULTS_VALIDATORS)}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(schema))};\n`;
  fs.writeFileSync(path.join(DIST, 'model', 'results-schema.validate.js'), code);
}


/**
 * 2. The sandbox worker's judge as one file: a worker used to load about a hundred modules of
 * dist/ one by one, each read checked by Node's permission model. Same code, bundled by esbuild;
 * pool/paths.ts points workers at it when it is there.
 */
/**
 * A worker never compiles (the parent sends compiled code; the permission model refuses esbuild
 * the process it needs): the loader's `import 'esbuild'` gets a stand-in that says so if called,
 * instead of loading esbuild and with it child_process and net at every boot.
 */
const noCompilerInWorkers = {
  name: 'no-compiler-in-workers',
  setup(build) {
    build.onResolve({ filter: /^esbuild$/ }, () => ({ path: 'esbuild', namespace: 'no-compiler' }));
    build.onLoad({ filter: /.*/, namespace: 'no-compiler' }, () => ({
      contents: `const refuse = () => { throw new Error('esbuild does not run in a sandbox worker: the grader compiles'); };
module.exports = { build: refuse, buildSync: refuse, transform: refuse, transformSync: refuse, formatMessages: refuse, formatMessagesSync: refuse, context: refuse, initialize: refuse };`,
      loader: 'js',
    }));
  },
};

async function workerRunner() {
  const { RUNNER_BUNDLE } = require(path.join(DIST, 'pool', 'paths.js'));
  await require('esbuild').build({
    entryPoints: [path.join(DIST, 'pool', 'judge-runner.js')],
    outfile: path.join(DIST, 'pool', RUNNER_BUNDLE),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Names as the judge's code gives them (constructor names reach messages).
    keepNames: true,
    // ajv compiles problem.schema.json only when the generated validator is missing: it is not
    // loaded in a worker. ses and acorn are one file each already (bundling them made no
    // difference but size).
    external: ['ajv/dist/2020', 'ses', 'acorn'],
    plugins: [noCompilerInWorkers],
    logLevel: 'warning',
  });
  cheapNames(path.join(DIST, 'pool', RUNNER_BUNDLE));
}

/**
 * keepNames makes esbuild name every function it makes, at every evaluation: each closure the
 * judge creates per operation (`{ canGo: () => …, go: () => … }`) went through
 * Object.defineProperty, which also gives each one a map of its own: a job took 9–20% longer
 * in a worker (measured on bench:batch's class). Where JavaScript already gives a function that
 * very name (a function or arrow assigned to a property or variable of the name, a declaration
 * naming itself), the call goes; where it does not (esbuild's `var Lock = class _Lock`), it
 * stays. The build test checks that the bundle judges word for word as the modules do.
 */
function cheapNames(file) {
  const acorn = require('acorn');
  const code = fs.readFileSync(file, 'utf8');
  const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  const cuts = []; // [start, end) ranges to drop
  const nameCall = (n) =>
    n && n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === '__name' &&
    n.arguments.length === 2 && n.arguments[1].type === 'Literal' && typeof n.arguments[1].value === 'string';
  const anonymous = (f) => (f.type === 'ArrowFunctionExpression' || f.type === 'FunctionExpression') && !f.id;
  const visit = (node, parent) => {
    if (!node || typeof node.type !== 'string') return;
    if (nameCall(node)) {
      const [target, { value }] = node.arguments;
      const inferred =
        (parent?.type === 'Property' && !parent.computed && parent.value === node && parent.key.type === 'Identifier' && parent.key.name === value) ||
        (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier' && parent.id.name === value);
      if (anonymous(target) && inferred) {
        // `/* @__PURE__ */ __name(<fn>, "v")` → `<fn>` (the comment, if any, goes with it).
        const pure = code.lastIndexOf('/* @__PURE__ */', node.start);
        const from = pure >= 0 && code.slice(pure + 15, node.start).trim() === '' ? pure : node.start;
        cuts.push([from, target.start], [target.end, node.end]);
      } else if (target.type === 'Identifier' && target.name === value && parent?.type === 'ExpressionStatement') {
        cuts.push([parent.start, parent.end]);
      }
    }
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (Array.isArray(child)) for (const c of child) visit(c, node);
      else if (child && typeof child.type === 'string') visit(child, node);
    }
  };
  visit(ast, null);
  if (cuts.length === 0) throw new Error(`build: no __name calls in ${file} (is esbuild the pinned version, with keepNames?); update cheapNames in ${__filename}`);
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of cuts) {
    out += code.slice(at, from);
    at = to;
  }
  fs.writeFileSync(file, out + code.slice(at));
}


/** 3. Each shipped problem's checker, bundled as problems.ts bundles it at run time. */
function shippedCheckers() {
  const { checkerBuildOptions, PREBUNDLED_DIR } = require(path.join(DIST, 'judge', 'problems.js'));
  const { sha256 } = require(path.join(DIST, 'model', 'sha256.js'));
  const out = path.join(DIST, 'judge', PREBUNDLED_DIR);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const problems = path.join(ROOT, 'problems');
  for (const id of fs.readdirSync(problems).sort()) {
    const file = path.join(problems, id, 'checker.ts');
    if (!fs.existsSync(file)) continue;
    const built = require('esbuild').buildSync({ ...checkerBuildOptions(file), absWorkingDir: ROOT, metafile: true });
    const inputs = {};
    for (const input of Object.keys(built.metafile.inputs).sort()) {
      inputs[input] = sha256(fs.readFileSync(path.join(ROOT, input)));
    }
    const entry = path.relative(ROOT, file).split(path.sep).join('/');
    fs.writeFileSync(path.join(out, `${id}.json`), JSON.stringify({ entry, inputs, code: built.outputFiles[0].text }));
  }
}

async function main() {
  problemValidator();
  resultsValidators();
  await workerRunner();
  shippedCheckers();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
