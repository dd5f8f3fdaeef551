import { csvCell, formatGradesCsv } from '../../harness/report/csv';
import { classResults } from './fixtures';

describe('grades.csv', () => {
  test('student, a score column per problem, total; CRLF line ends', () => {
    expect(formatGradesCsv(classResults)).toMatchSnapshot();
    expect(formatGradesCsv(classResults).split('\r\n')[0]).toBe('student,print-in-order,foobar,pipeline,total');
  });

  test('leaves a problem that was not submitted empty, not 0', () => {
    expect(formatGradesCsv(classResults).split('\r\n')[2]).toBe('ben,4,10,,14');
  });

  test('quotes fields as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Doe, Jane')).toBe('"Doe, Jane"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  test.each(['=1+1', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'])('defuses %j, which a spreadsheet would run as a formula', (v) => {
    expect(csvCell(v).replace(/^"/, '')).toMatch(/^'/);
  });

  test('keeps numbers as numbers', () => {
    expect(csvCell('-1.5')).toBe('-1.5');
    expect(csvCell('2.5')).toBe('2.5');
  });

  test('a student named like a formula cannot run one', () => {
    expect(formatGradesCsv(classResults).split('\r\n')[6]).toBe(`"'=HYPERLINK(""http://x"")",,0,,0`);
  });
});
