/**
 * `new List<T>(Integer size)` holds `size` null elements, as the array notation `new T[size]` does (Apex Developer
 * Guide, "Lists": `new Integer[6]` has six elements). The List Class reference lists only the copy constructors, so
 * this is inferred from a suite that passes in orgs: codefriar/ApexKit's ULID fills `new List<Integer>(16)` by index
 * (`retString[l] = ...` for l in 0..15), which would throw "List index out of bounds" on an empty list.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('List size constructor', () => {
  const r = runSnippet(
    'ListSize_Tests',
    `
    @IsTest static void sizedListHoldsNulls() {
      Integer[] codes = new List<Integer>(3);
      Assert.areEqual(3, codes.size());
      Assert.isNull(codes[2]);
      codes[2] = 65;
      Assert.areEqual('A', String.fromCharArray(new List<Integer>{ codes[2] }));
      Assert.areEqual(new String[2], new List<String>(2));
    }
    @IsTest static void negativeSizeIsUnsupported() {
      List<String> none = new List<String>(-1);
    }
  `
  );

  it('makes a list of nulls and reports what no document gives', () => {
    expect(outcomes(r, ['sizedListHoldsNulls'])).toEqual([['sizedListHoldsNulls', 'PASS', undefined]]);
    expect(r.get('negativeSizeIsUnsupported')).toMatchObject({
      outcome: 'UNSUPPORTED',
      message: 'new List with a negative size (-1)'
    });
  });
});
