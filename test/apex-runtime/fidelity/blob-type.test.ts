/**
 * A Blob is an instance of Blob (Apex Developer Guide, "Primitive Data Types": Blob is a primitive type; "Expressions
 * and Operators": `x instanceof T` is true when x's runtime type is T). So a call with a Blob argument picks the
 * overload taking a Blob over one taking an Object, as the compiler does with the argument's static type.
 * beyond-the-cloud-dev/http-mock-lib's HttpMockTest.blobBody (`body(Object)`, `body(String)`, `body(Blob)`) relies on it;
 * the runtime took the Object overload and JSON-serialised the Blob.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('Blob as a type', () => {
  const r = runSnippet(
    'Blob_Tests',
    `
    static String kind(Object o) { return 'Object'; }
    static String kind(String s) { return 'String'; }
    static String kind(Blob b) { return 'Blob'; }
    @IsTest static void blobIsInstanceOfBlob() {
      Object o = Blob.valueOf('x');
      Assert.isTrue(o instanceof Blob);
      Assert.isFalse(o instanceof String);
    }
    @IsTest static void blobArgumentPicksBlobOverload() {
      Assert.areEqual('Blob', kind(Blob.valueOf('Test Blob')));
      Assert.areEqual('String', kind('text'));
      Assert.areEqual('Object', kind(42));
    }
  `
  );

  it('is an instance of Blob and selects the Blob overload', () => {
    expect(outcomes(r, ['blobIsInstanceOfBlob', 'blobArgumentPicksBlobOverload'])).toEqual([
      ['blobIsInstanceOfBlob', 'PASS', undefined],
      ['blobArgumentPicksBlobOverload', 'PASS', undefined]
    ]);
  });
});
