/**
 * index.html: the class report in one self-contained file (inline CSS, JS and SVG, no requests,
 * works from file://), rendered with handlebars from harness/report/templates.
 *
 * Why the details are a blob: a class of 300 students × 10 problems has thousands of traces;
 * drawn as markup they weigh tens of megabytes. The overview is plain markup (first paint, no
 * script needed); each student's details are rendered here too, with the same templates, then
 * gzip'd and embedded as base64, and the page inflates one student when it is opened.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import Handlebars from 'handlebars';
import { studentDetail } from './html-details';
import { pageView } from './html-view';
import type { ClassResults } from '../model/class-results';
import { templatesDir } from './templates-dir';
import type { Reporter } from './reporter';
import { writeFileAtomic } from './write-file';

export const HTML_FILE = 'index.html';

interface Templates {
  page: Handlebars.TemplateDelegate;
  student: Handlebars.TemplateDelegate;
  css: string;
  js: string;
}

const cache = new Map<string, Templates>();

/** Compiles the templates of `dir` once per process; a bench or a test renders many times. */
function load(dir: string): Templates {
  let t = cache.get(dir);
  if (t) return t;
  const hbs = Handlebars.create();
  // Text with `code` in backticks, as the judge writes its messages: escaped, then the code spans marked up.
  hbs.registerHelper('prose', (text: unknown) =>
    new hbs.SafeString(hbs.escapeExpression(String(text)).replace(/`([^`\n]+)`/g, '<code>$1</code>')),
  );
  const partials = path.join(dir, 'partials');
  for (const f of readdirSync(partials)) {
    if (f.endsWith('.hbs')) hbs.registerPartial(f.slice(0, -4), read(partials, f));
  }
  // strict: a field the view lacks is an error here, not an empty hole in someone's report.
  const compile = (f: string) => hbs.compile(read(dir, f), { strict: true });
  t = { page: compile('index.hbs'), student: compile('student.hbs'), css: read(dir, 'style.css'), js: read(dir, 'app.js') };
  cache.set(dir, t);
  return t;
}

function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

export interface HtmlOptions {
  /** Where the templates are; defaults to harness/report/templates of this package. */
  templatesDir?: string;
}

/** The whole page as a string, from results that were already validated. */
export function renderHtml(results: ClassResults, opts: HtmlOptions = {}): string {
  const t = load(opts.templatesDir ?? templatesDir());
  const blobs = results.students.map((s, i) => gzipSync(t.student(studentDetail(results, s, i)), { level: 9 }).toString('base64'));
  return t.page({ ...pageView(results), css: t.css, js: t.js, details: scriptSafeJson(blobs) });
}

/**
 * JSON that cannot end its <script> element early or confuse the HTML parser, whatever the
 * strings hold; U+2028/9 are escaped for engines that predate JSON ⊂ ECMAScript.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes index.html. */
export function htmlReporter(opts: HtmlOptions = {}): Reporter {
  return {
    name: 'html',
    async render(results: ClassResults, outDir: string): Promise<string[]> {
      const file = path.join(outDir, HTML_FILE);
      await writeFileAtomic(file, renderHtml(results, opts));
      return [file];
    },
  };
}
