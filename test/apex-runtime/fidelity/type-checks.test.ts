/**
 * Apex Developer Guide, "Using the instanceof Keyword" and "Interfaces": an object is an instance of every
 * interface its class or a superclass implements, built-in ones (Comparable, Queueable, Database.Batchable) included.
 * The runtime answered false for a built-in interface implemented by a superclass or named through an interface.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('apex runtime fidelity: instanceof built-in interfaces', () => {
  const r = runSnippet(
    'TypeChecks_Tests',
    `
    @IsTest static void inheritedBuiltInInterfacesCount() {
      Object square = new Square();
      Assert.isTrue(square instanceof Comparable);
      Assert.isTrue(square instanceof Shape);
      Assert.isFalse(square instanceof Queueable);
      Object job = new Job();
      Assert.isTrue(job instanceof Queueable);
      Assert.isTrue(job instanceof Database.AllowsCallouts);
      Assert.isTrue(job instanceof Step);
    }
  `,
    {
      'classes/Shape.cls':
        'public abstract class Shape implements Comparable { public Integer compareTo(Object o) { return 0; } }',
      'classes/Square.cls': 'public class Square extends Shape {}',
      'classes/Step.cls': 'public interface Step extends Queueable {}',
      'classes/Job.cls':
        'public class Job implements Step, Database.AllowsCallouts { public void execute(QueueableContext c) {} }'
    }
  );

  it('counts interfaces a superclass or an interface implements', () => {
    expect(outcomes(r, ['inheritedBuiltInInterfacesCount'])).toEqual([
      ['inheritedBuiltInInterfacesCount', 'PASS', undefined]
    ]);
  });
});
