/**
 * Apex Developer Guide, "Primitive Data Types": a Double is a 64-bit floating-point number, and an arithmetic
 * expression with a Double operand is a Double ("Expression Operators"; Decimal's scale rules apply to Decimals only).
 * Math.random() "returns a positive Double that is greater than or equal to 0.0 and less than 1.0" (Math class), so
 * `Math.floor(Math.random() * n)` is an index below n, a common way to pick a random list element
 * (trailheadapps/coral-cloud's SampleBookingBatch does it).
 */
import { outcomes, runSnippet } from './snippet-project';

describe('Double arithmetic', () => {
  const r = runSnippet(
    'DoubleMath_Tests',
    `
    @IsTest static void doubleTimesIntegerKeepsTheFraction() {
      Double d = 0.3;
      Double product = d * 4;
      Assert.isTrue(product > 1.19 && product < 1.21, 'got ' + product);
    }
    @IsTest static void doubleTimesDoubleKeepsTheFraction() {
      Double d = 2.5;
      Assert.isTrue(d * d == 6.25, 'got ' + (d * d));
    }
    @IsTest static void doubleTimesDecimalIsADouble() {
      Double d = 0.5;
      Decimal x = 0.25;
      Double product = d * x;
      Assert.isTrue(product == 0.125, 'got ' + product);
    }
    @IsTest static void randomTimesSizeStaysBelowTheSize() {
      for (Integer i = 0; i < 200; i++) {
        Integer index = Math.floor(Math.random() * 3).intValue();
        Assert.isTrue(index >= 0 && index < 3, 'index ' + index);
      }
    }
    @IsTest static void decimalTimesDecimalKeepsBothScales() {
      Decimal a = 1.10;
      Decimal b = 2.5;
      Assert.areEqual('2.750', String.valueOf(a * b));
    }
  `
  );

  it('keeps the fraction of a product with a Double operand', () => {
    const names = [
      'doubleTimesIntegerKeepsTheFraction',
      'doubleTimesDoubleKeepsTheFraction',
      'doubleTimesDecimalIsADouble',
      'randomTimesSizeStaysBelowTheSize',
      'decimalTimesDecimalKeepsBothScales'
    ];
    expect(outcomes(r, names)).toEqual(names.map((n) => [n, 'PASS', undefined]));
  });
});
