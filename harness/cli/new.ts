/**
 * `interleave new <problem-id>`: scaffolds a problem package that `verify` passes — problem.json,
 * statement.md, template.ts, checker.ts (against `interleave/checker`), one accepted solution and
 * one known-bad — in the problems folder (--problems DIR, interleave.config.json), or in
 * ./problems, with an interleave.config.json pointing at it, when none is set.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, findConfig } from '../judge/problems-config';
import { packageRoot } from '../paths';
import { EXIT_USAGE, UsageError, parse } from './args';

export const NEW_USAGE = `usage: npx interleave new <problem-id> [--class ClassName] [--title TITLE]

Scaffolds a problem package in the problems folder (--problems DIR or interleave.config.json;
else ./problems, and an interleave.config.json that points at it): problem.json, statement.md,
template.ts, checker.ts, solutions/accepted/events.ts and solutions/wrong_answer/no_sync.ts.
\`npx interleave verify <problem-id>\` passes on it as made; then make it your own problem
(docs/authoring.md in the package walks through it).
  --class NAME    the class a solution exports, and its file name (default: the id in PascalCase)
  --title TITLE   the title (default: the id in words)`;

export async function newCommand(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv, { class: { type: 'string' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      process.stdout.write(`${NEW_USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give the new problem an id, such as: npx interleave new ping-pong' : `one problem at a time, got ${positionals.join(' ')}`);
    const id = positionals[0];
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new UsageError(`"${id}" is not a problem id: use lower-case letters, digits and dashes (ping-pong)`);
    const className = values.class ?? id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
    if (!/^[A-Z][A-Za-z0-9_]*$/.test(className)) throw new UsageError(`--class must be a class name such as PingPong, got "${className}"`);
    const title = values.title ?? id.split('-').map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');

    const notes: string[] = [];
    let dir = process.env.INTERLEAVE_PROBLEMS;
    if (dir === undefined) {
      dir = path.resolve('problems');
      if (!findConfig(process.cwd())) {
        fs.writeFileSync(CONFIG_FILE, `${JSON.stringify({ problems: 'problems' }, null, 2)}\n`);
        notes.push(`wrote ${CONFIG_FILE}: every interleave command run in this folder (or below) uses the problems in ./problems`);
      }
    }
    const root = path.join(dir, id);
    if (fs.existsSync(root)) throw new UsageError(`${root} already exists; choose another id or remove it`);
    for (const [rel, text] of Object.entries(scaffold(id, className, title, root))) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    const shown = path.relative(process.cwd(), root) || root;
    process.stdout.write(
      [
        `made ${shown}/: problem.json, statement.md, template.ts, checker.ts, solutions/accepted/events.ts, solutions/wrong_answer/no_sync.ts`,
        ...notes,
        '',
        'next:',
        `  npx interleave verify ${id}          # every solution gets its folder's verdict`,
        `  npx interleave run ${id} ${path.join(shown, 'solutions', 'accepted', 'events.ts')}`,
        '  then write your own statement, threads, cases, checker and solutions (docs/authoring.md)',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`interleave new: ${e.message}\n\n${NEW_USAGE}\n`);
    return EXIT_USAGE;
  }
}

/** The files of a new package, by path relative to it. */
export function scaffold(id: string, className: string, title: string, root: string): Record<string, string> {
  const schema = path.join(packageRoot(), 'dist', 'harness', 'judge', 'problem.schema.json');
  const problem = {
    ...(fs.existsSync(schema) ? { $schema: path.relative(root, schema).split(path.sep).join('/') } : {}),
    id,
    title,
    className,
    constructorArgs: [],
    threads: [
      { name: 'first', method: 'first', args: [{ callback: 'printFirst', emits: 'first' }] },
      { name: 'second', method: 'second', args: [{ callback: 'printSecond', emits: 'second' }] },
    ],
    cases: [{ name: 'one call each', args: {}, points: 100 }],
    limits: { steps: 20000, wallClockMs: 10000, memoryMb: 256, schedules: 200 },
    checker: 'checker.ts',
  };
  return {
    'problem.json': `${JSON.stringify(problem, null, 2)}\n`,
    'statement.md': `# ${title}

Two threads share one instance of \`${className}\`: one calls \`first(printFirst)\`, the other
\`second(printSecond)\`. They start in any order, and the judge may switch between them at any
\`await\`. Make sure the output is always \`firstsecond\`: \`second\` prints only after \`first\` did.

\`\`\`ts
export class ${className} {
  async first(printFirst: () => void): Promise<void>;
  async second(printSecond: () => void): Promise<void>;
}
\`\`\`

Write your solution in \`${className}.ts\` with the primitives of \`interleave/sync\`, then:

\`\`\`sh
npx interleave run ${id} ${className}.ts
\`\`\`
`,
    'template.ts': `import { Event } from 'interleave/sync';

export class ${className} {
  constructor() {
    // TODO: create the synchronization you need
  }

  async first(printFirst: () => void): Promise<void> {
    // TODO: call printFirst() once
  }

  async second(printSecond: () => void): Promise<void> {
    // TODO: call printSecond() once, only after "first" was printed
  }
}
`,
    'checker.ts': `import { defineChecker, exactOutput } from 'interleave/checker';

/** "first" then "second", whatever order the threads start in. */
export default defineChecker(exactOutput(() => ['first', 'second']));
`,
    'solutions/accepted/events.ts': `import { Event } from 'interleave/sync';

/** An Event set once "first" is printed: second waits for it. */
export class ${className} {
  private firstDone = new Event();

  async first(printFirst: () => void): Promise<void> {
    printFirst();
    await this.firstDone.set();
  }

  async second(printSecond: () => void): Promise<void> {
    await this.firstDone.wait();
    printSecond();
  }
}
`,
    'solutions/wrong_answer/no_sync.ts': `/** No synchronization: when the second thread starts first, "second" is printed first. */
export class ${className} {
  async first(printFirst: () => void): Promise<void> {
    printFirst();
  }

  async second(printSecond: () => void): Promise<void> {
    printSecond();
  }
}
`,
  };
}
