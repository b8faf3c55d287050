import { metadataRulesCheck } from '../../../scripts/validate/checks/metadata-rules';
import { Problem } from '../../../scripts/validate/core/types';
import { D, metadata, PlantedChange, runOnce, withPlanted, withRule } from './mini-project';

const CLASS = `${D}/classes/Later.cls`;

/** @future methods of every accepted shape: primitives, arrays, nested collections, `System.` types, callouts. */
function correctFiles(): Record<string, string> {
  return {
    [CLASS]: `public with sharing class Later {
    @future
    public static void byIds(Set<Id> ids, final String reason) {
    }

    @Future(callout=true)
    public static void fetch(String url, Map<Id, List<System.String>> bodies, Integer[] codes) {
    }

    public static Integer notFuture(Account account) {
        return 1;
    }
}
`,
    [`${CLASS}-meta.xml`]: metadata('ApexClass', '    <apiVersion>65.0</apiVersion>\n    <status>Active</status>')
  };
}

async function run(change?: PlantedChange): Promise<Problem[]> {
  return withRule(await runOnce(metadataRulesCheck, withPlanted(correctFiles(), change)), 'apex-future-method-shape');
}

describe('recall: @future method shape (metadata-rules)', () => {
  it('accepts static void methods with primitive and collection parameters', async () => {
    expect(await run()).toEqual([]);
  });

  it.each<[string, PlantedChange, string]>([
    [
      'a return value',
      [CLASS, 'public static void byIds', 'public static Integer byIds'],
      'must return void, not Integer'
    ],
    ['an instance method', [CLASS, 'public static void byIds', 'public void byIds'], 'must be static'],
    ['an sObject parameter', [CLASS, 'Set<Id> ids', 'Account record'], 'takes Account'],
    ['a list of sObjects', [CLASS, 'Set<Id> ids', 'List<Contact> contacts'], 'takes List<Contact>']
  ])('reports %s [apex-future-method-shape]', async (_what, change, text) => {
    const problems = await run(change);
    expect(problems).toEqual([expect.objectContaining({ file: CLASS, line: 2, severity: 'error' })]);
    expect(problems[0].message).toContain(text);
  });
});
