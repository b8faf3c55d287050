import { apexTypesCheck } from '../../../scripts/validate/checks/apex-types';
import { metadataRulesCheck } from '../../../scripts/validate/checks/metadata-rules';
import { D, metadata, MiniProject, withRule } from './mini-project';

const CLASS_META = metadata('ApexClass', '    <apiVersion>65.0</apiVersion>\n    <status>Active</status>');

function apexProject(name: string, source: string): MiniProject {
  return new MiniProject({ [`${D}/classes/${name}.cls`]: source, [`${D}/classes/${name}.cls-meta.xml`]: CLASS_META });
}

const action = (name: string, modifiers = 'public static') => `    @InvocableMethod(label='${name}')
    ${modifiers} List<String> ${name}(List<String> values) {
        return values;
    }
`;

describe('recall: Apex compile rules apex-ls does not check', () => {
  let project: MiniProject | undefined;
  afterEach(() => project?.dispose());

  it('apex-one-invocable-method: a second @InvocableMethod is an error at its line; one is accepted', async () => {
    project = apexProject('Actions', `public with sharing class Actions {\n${action('first')}${action('second')}}\n`);
    const problems = withRule(await project.run(metadataRulesCheck), 'apex-one-invocable-method');
    expect(problems).toEqual([
      expect.objectContaining({ file: `${D}/classes/Actions.cls`, line: 6, severity: 'error' })
    ]);
    expect(problems[0].message).toMatch(/second @InvocableMethod \(second, after first on line 2\)/);
    project.dispose();
    project = apexProject('Actions', `public with sharing class Actions {\n${action('first')}}\n`);
    expect(withRule(await project.run(metadataRulesCheck), 'apex-one-invocable-method')).toEqual([]);
  });

  it('apex-invocable-method-shape: not static, private, or in an inner class is an error; public static outer is accepted', async () => {
    project = apexProject(
      'Shapes',
      `public with sharing class Shapes {\n${action('notStatic', 'public')}    public class Inner {\n${action('inner')}    }\n}\n`
    );
    const messages = withRule(await project.run(metadataRulesCheck), 'apex-invocable-method-shape').map(
      (problem) => problem.message
    );
    expect(messages).toEqual([
      expect.stringMatching(/@InvocableMethod notStatic must be static/),
      expect.stringMatching(
        /@InvocableMethod inner must be declared in an outer class, not in inner class Shapes.Inner/
      )
    ]);
    project.dispose();
    project = apexProject('Shapes', `public with sharing class Shapes {\n${action('run', 'global static')}}\n`);
    expect(withRule(await project.run(metadataRulesCheck), 'apex-invocable-method-shape')).toEqual([]);
  });

  it('apex-final-reassigned: apex-ls\'s "can not be assigned to, it is final" is an error; assigning in the constructor is accepted', async () => {
    project = apexProject(
      'Counter',
      `public with sharing class Counter {
    private final Integer start;
    public Counter() {
        start = 1;
    }
    public void reset() {
        start = 0;
    }
}
`
    );
    const problems = await project.run(apexTypesCheck);
    expect(withRule(problems, 'apex-final-reassigned')).toEqual([
      expect.objectContaining({ file: `${D}/classes/Counter.cls`, line: 7, severity: 'error' })
    ]);
    expect(problems.filter((problem) => problem.line === 4)).toEqual([]);
  });
});
