import { formatJunitXml } from '../../harness/report/junit';
import { classResults } from './fixtures';
import { parseXml, type XmlElement } from './xml';

const xml = formatJunitXml(classResults);
const root = parseXml(xml);
const all = (el: XmlElement, name: string): XmlElement[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];

describe('junit.xml', () => {
  test('reads as the class does', () => {
    expect(xml).toMatchSnapshot();
  });

  test('is well-formed XML with a testsuites root', () => {
    expect(root.name).toBe('testsuites');
  });

  test('has one testsuite per student and one testcase per judged case, classname student.problem', () => {
    const suites = all(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(classResults.students.map((s) => s.student));
    const ben = suites[1];
    expect(all(ben, 'testcase').map((t) => [t.attrs.classname, t.attrs.name])).toEqual([
      ['ben.print-in-order', 'one round'],
      ['ben.print-in-order', 'all start orders'],
      ['ben.foobar', 'n=1'],
      ['ben.foobar', 'n=3'],
      ['ben.foobar', 'n=10'],
    ]);
  });

  test('counts tests, failures, errors and time per suite and in total', () => {
    for (const suite of all(root, 'testsuite')) {
      const cases = all(suite, 'testcase');
      expect(Number(suite.attrs.tests)).toBe(cases.length);
      expect(Number(suite.attrs.failures)).toBe(all(suite, 'failure').length);
      expect(Number(suite.attrs.errors)).toBe(all(suite, 'error').length);
      expect(Number(suite.attrs.time)).toBeCloseTo(cases.reduce((a, c) => a + Number(c.attrs.time), 0), 2);
    }
    expect(root.attrs).toMatchObject({ tests: '22', failures: '7', errors: '0' });
  });

  test('a failure carries verdict and message, and a short text trace with the replay command', () => {
    const failure = all(root, 'failure').find((f) => f.attrs.type === 'DL')!;
    expect(failure.attrs.message).toBe('DL: deadlock: foo and bar both wait on an Event nobody will set');
    expect(failure.text).toContain('fooTurn.wait() → blocks');
    expect(failure.text).toContain('foo  waits in Event.wait() on fooTurn  FooBar.ts:12');
    expect(failure.text).toContain('npx interleave run foobar submissions/cleo/FooBar.ts --replay v1.foobar.AQEAAQ.7Hc2');
  });

  test('a compile error is one `compile` case with the code frame', () => {
    const eve = all(root, 'testsuite').find((s) => s.attrs.name === 'eve')!;
    const [tc] = all(eve, 'testcase');
    expect(tc.attrs).toMatchObject({ name: 'compile', classname: 'eve.foobar' });
    expect(tc.children[0].attrs).toMatchObject({ type: 'CE', message: "CE: ';' expected" });
    expect(tc.children[0].text).toContain('> 12 |     await this.lock.acquire()');
  });

  test('a judge error is an error, not a failure', () => {
    const data = structuredClone(classResults);
    data.students[0].problems[0].cases[0].verdict = 'JE';
    const suite = parseXml(formatJunitXml(data)).children[0];
    expect(suite.attrs).toMatchObject({ errors: '1', failures: '0' });
    expect(all(suite, 'error')[0].attrs.type).toBe('JE');
  });

  test('escapes markup and quotes, and replaces characters XML forbids', () => {
    const hostile = all(root, 'testsuite').find((s) => s.attrs.name.startsWith('=HYPERLINK'))!;
    const f = all(hostile, 'failure')[0];
    expect(f.attrs.message).toBe('WA: printed "<b>foo</b>" & then "bar"');
    expect(f.text).toContain('</script><script>alert(1)</script>');
    expect(xml).not.toContain('\u0007');
  });

  test('carries what the Ant schema requires of every suite', () => {
    for (const s of all(root, 'testsuite')) {
      expect(Object.keys(s.attrs)).toEqual(expect.arrayContaining(['name', 'tests', 'failures', 'errors', 'time', 'timestamp', 'hostname', 'id', 'package']));
      expect(s.attrs.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      expect(s.children.map((c) => c.name).filter((n) => n !== 'testcase')).toEqual(['properties', 'system-out', 'system-err']);
    }
  });
});
