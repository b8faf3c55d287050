import { metadataRulesCheck } from '../../../scripts/validate/checks/metadata-rules';
import { Problem } from '../../../scripts/validate/core/types';
import { D, metadata, PlantedChange, runOnce, withPlanted, withRule } from './mini-project';

const CLASS = `${D}/classes/GreetAction.cls`;

/** An invocable action whose request and result classes have public and global invocable variables. */
function correctFiles(): Record<string, string> {
  return {
    [CLASS]: `global with sharing class GreetAction {
    @InvocableMethod(label='Greet')
    global static List<Result> greet(List<Request> requests) {
        return new List<Result>();
    }

    global class Request {
        @InvocableVariable(label='Name' required=true)
        global String name;
    }

    public class Result {
        @InvocableVariable(label='Greeting')
        public String greeting;
        private String notInvocable;
    }
}
`,
    [`${CLASS}-meta.xml`]: metadata('ApexClass', '    <apiVersion>65.0</apiVersion>\n    <status>Active</status>')
  };
}

async function run(change?: PlantedChange): Promise<Problem[]> {
  return withRule(
    await runOnce(metadataRulesCheck, withPlanted(correctFiles(), change)),
    'apex-invocable-variable-shape'
  );
}

describe('recall: @InvocableVariable members (metadata-rules)', () => {
  it('accepts public and global instance variables', async () => {
    expect(await run()).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['private', '        private String greeting;', 'must be public or global'],
    ['without access modifier (private)', '        String greeting;', 'must be public or global'],
    ['protected', '        protected String greeting;', 'must be public or global'],
    ['static', '        public static String greeting;', 'cannot be static'],
    ['final', "        public final String greeting = 'Hi';", 'cannot be final']
  ])('reports a %s invocable variable [apex-invocable-variable-shape]', async (_what, declaration, text) => {
    const problems = await run([CLASS, '        public String greeting;', declaration]);
    expect(problems).toEqual([expect.objectContaining({ file: CLASS, line: 13, severity: 'error' })]);
    expect(problems[0].message).toContain(text);
  });
});
