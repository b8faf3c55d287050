/**
 * Apex Developer Guide, "Expression Operators": `x + y` / `x - y` with x a Date and y an Integer returns a new Date
 * incremented / decremented by y days; with x a Datetime and y an Integer or Double, a new Datetime moved by y days,
 * the fractional part being a portion of a day. Other operand kinds (Date - Date, Time arithmetic) are not in that
 * table and stay UNSUPPORTED.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('Date and Datetime arithmetic with + and -', () => {
  const r = runSnippet(
    'DateMath_Tests',
    `
    @IsTest static void dateMinusIntegerSubtractsDays() {
      Date d = Date.newInstance(2024, 3, 1);
      Assert.areEqual(Date.newInstance(2024, 2, 28), d - 2);
      Assert.areEqual(Date.newInstance(2024, 3, 31), d + 30);
      Integer back = 1;
      Assert.areEqual(Date.newInstance(2023, 12, 31), Date.newInstance(2024, 1, 1) - back);
    }
    @IsTest static void compoundAssignmentOnDate() {
      Date d = Date.newInstance(2024, 12, 30);
      d += 3;
      Assert.areEqual(Date.newInstance(2025, 1, 2), d);
      d -= 2;
      Assert.areEqual(Date.newInstance(2024, 12, 31), d);
    }
    @IsTest static void datetimePlusFractionalDays() {
      Datetime t = Datetime.newInstanceGmt(2024, 1, 1, 0, 0, 0);
      Assert.areEqual(Datetime.newInstanceGmt(2024, 1, 2, 12, 0, 0), t + 1.5);
      Assert.areEqual(Datetime.newInstanceGmt(2023, 12, 31, 0, 0, 0), t - 1);
      Assert.areEqual(Datetime.newInstanceGmt(2023, 12, 31, 18, 0, 0), t - 0.25);
    }
    @IsTest static void nullOperandThrows() {
      Date d = null;
      Date e = d + 1;
    }
    @IsTest static void dateMinusDateIsUnsupported() {
      Date d = Date.newInstance(2024, 3, 1);
      Object x = d - Date.newInstance(2024, 2, 1);
    }
  `
  );

  it('adds and subtracts days as the platform does', () => {
    const names = ['dateMinusIntegerSubtractsDays', 'compoundAssignmentOnDate', 'datetimePlusFractionalDays'];
    expect(outcomes(r, names)).toEqual(names.map((n) => [n, 'PASS', undefined]));
  });

  it('throws NullPointerException on a null Date operand', () => {
    expect(r.get('nullOperandThrows')).toMatchObject({
      outcome: 'FAIL',
      exceptionType: 'System.NullPointerException'
    });
  });

  it('keeps operand kinds outside the documented table UNSUPPORTED', () => {
    expect(r.get('dateMinusDateIsUnsupported')?.outcome).toBe('UNSUPPORTED');
  });
});
