/**
 * Two things query-builder libraries rely on, found by beyond-the-cloud-dev/sosl-lib's SOSL_Test and relied on the same
 * way by its sibling soql-lib, whose CI runs its tests in scratch orgs (SOQL.cls @009ff34: `FilterBuilder.buildNested`
 * returns `String.format(order, this.conditions)` over condition objects, and tests call
 * `SOQL.FilterGroup.add(SOQL.Filter...)` with the inner interfaces `FilterGroup` and `Filter` as overloads):
 * - a method's parameter types are resolved where the method is declared: `SOSL.FilterGroup.add(IFilter)` called
 *   from a test class takes SOSL's inner interface IFilter, so a filter picks add(IFilter), not add(IFilterGroup)
 *   (Apex Developer Guide, "Type Resolution and System Namespace for Types": a type name is looked up among the
 *   types defined locally, where the code that names it is written);
 * - String.format fills each placeholder with String.valueOf of its argument, and String.valueOf of an object whose
 *   class overrides toString() returns that toString() (salesforce.stackexchange.com/q/108763; sosl-lib expects
 *   `(Name = 'MyAccount' AND Industry = 'IT')` from String.format('{0} AND {1}', conditions)).
 */
import { outcomes, runSnippet } from './snippet-project';

const BUILDER = `public class Builder {
    public interface IGroup { Boolean hasValues(); }
    public interface IFilter { Boolean hasValue(); }
    public static IGroup newGroup() { return new GroupImpl(); }
    public static IFilter newFilter() { return new FilterImpl(); }
    public static String kind(IGroup g) { return 'group'; }
    public static String kind(IFilter f) { return 'filter'; }
    private class GroupImpl implements IGroup { public Boolean hasValues() { return true; } }
    private class FilterImpl implements IFilter { public Boolean hasValue() { return true; } }
}
`;

describe('library builders', () => {
  const r = runSnippet(
    'Builder_Tests',
    `
    class Piece {
      String text;
      Piece(String text) { this.text = text; }
      public override String toString() { return text; }
    }
    @IsTest static void overloadByInnerInterfaceOfAnotherClass() {
      Assert.areEqual('filter', Builder.kind(Builder.newFilter()));
      Assert.areEqual('group', Builder.kind(Builder.newGroup()));
    }
    @IsTest static void formatUsesToStringOverride() {
      List<Object> parts = new List<Object>{ new Piece('a = 1'), new Piece('b = 2') };
      Assert.areEqual('(a = 1 OR b = 2)', String.format('({0} OR {1})', parts));
    }
  `,
    { 'classes/Builder.cls': BUILDER }
  );

  it('resolves parameter types where the method is declared and formats objects by their toString()', () => {
    expect(outcomes(r, ['overloadByInnerInterfaceOfAnotherClass', 'formatUsesToStringOverride'])).toEqual([
      ['overloadByInnerInterfaceOfAnotherClass', 'PASS', undefined],
      ['formatUsesToStringOverride', 'PASS', undefined]
    ]);
  });
});
