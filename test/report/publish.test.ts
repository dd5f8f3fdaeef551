/** publishReports: outputs that go elsewhere than a folder (classroom's), one failing without the others. */
import { publishReports, type Reporter } from '../../harness/report/reporter';
import { classResults } from './fixtures';

test('runs every publishing reporter in order; one that throws is named, the rest still publish', async () => {
  const seen: string[] = [];
  const ok = (name: string): Reporter => ({
    name,
    publish: async () => {
      seen.push(name);
      return [`${name}.out`];
    },
  });
  const broken: Reporter = {
    name: 'gradescope',
    publish: async () => {
      throw new Error('EACCES: permission denied');
    },
  };
  const fileOnly: Reporter = { name: 'html', render: async () => ['index.html'] };
  const outcome = await publishReports(classResults, [ok('console'), broken, fileOnly, ok('summary')]);
  expect(seen).toEqual(['console', 'summary']);
  expect(outcome.written).toEqual(['console.out', 'summary.out']);
  expect(outcome.failed.map((f) => [f.reporter, f.error.message])).toEqual([['gradescope', 'EACCES: permission denied']]);
});
