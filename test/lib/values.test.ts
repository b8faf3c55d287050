import { soqlList, soqlLiteral } from '../../scripts/lib/soql';
import { describeValue, sameValue } from '../../scripts/lib/values';

describe('sameValue: values compared as Salesforce stores them', () => {
  it.each([
    ['blank text and null', '', null],
    ['undefined and null', undefined, null],
    ['a number and its text', 5, '5'],
    ['currency with trailing zeros', 47.1, 47.1],
    ['a date-time in Z and in +0000', '2025-01-06T09:30:00Z', '2025-01-06T09:30:00.000+0000'],
    ['the same instant in two offsets', '2025-01-06T10:30:00.000+01:00', '2025-01-06T09:30:00.000+0000'],
    ['the triangle of △Cancelling', '△Cancelling', '△Cancelling']
  ])('%s are the same', (_label, wanted, seen) => {
    expect(sameValue(wanted, seen)).toBe(true);
  });

  it.each([
    ['a value and blank', 'Active', null],
    ['two numbers', 5, 6],
    ['two instants', '2025-01-06T09:30:00Z', '2025-01-06T09:31:00.000+0000'],
    ['a look-alike triangle', '△Cancelling', '▵Cancelling'],
    ['true and its text', true, 'true'],
    ['dates that are not date-times', '2025-01-06', '2025-01-07']
  ])('%s differ', (_label, wanted, seen) => {
    expect(sameValue(wanted, seen)).toBe(false);
  });

  it('describes values for messages', () => {
    expect([describeValue('x'), describeValue(null), describeValue(''), describeValue(3), describeValue(true)]).toEqual(
      ['"x"', '(blank)', '(blank)', '3', 'true']
    );
  });
});

describe('SOQL literals', () => {
  it('quotes text and escapes quotes and backslashes, so no value can change the query', () => {
    expect(soqlLiteral("O'Brien \\ Co")).toBe("'O\\'Brien \\\\ Co'");
    expect(soqlList(['a', 5, true, null])).toBe("('a', 5, true, null)");
  });
});
