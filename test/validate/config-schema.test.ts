import { configSchemaCheck } from '../../scripts/validate/checks/config-schema';
import { FixtureCopy } from '../support/fixture';
import { errorsOf, problemsOf } from '../support/run-check';

describe('config-schema check', () => {
  let fixture: FixtureCopy;
  beforeEach(() => (fixture = new FixtureCopy('clean-project')));
  afterEach(() => fixture.dispose());

  it('passes the clean fixture', async () => {
    expect(await problemsOf(configSchemaCheck, fixture)).toEqual([]);
  });

  it('fails an unknown key in sfdx-project.json and names its line', async () => {
    fixture.replace('sfdx-project.json', '"namespace": ""', '"namespace": "",\n  "packageDirectory": []');
    const errors = await errorsOf(configSchemaCheck, fixture);
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'sfdx-project.json',
        message: expect.stringContaining("'packageDirectory' property is not expected to be here")
      })
    ]);
    expect(errors[0].line).toBe(5);
    expect(errors[0].message).toContain("Did you mean property 'packageDirectories'?");
  });

  it('explains a package directory that matches no allowed shape by the closest shape, in one sentence', async () => {
    // The schema's anyOf has a plain directory and a package directory; Ajv reports both branches (five errors).
    fixture.replace('sfdx-project.json', '"default": true', '"defualt": true');
    expect(await errorsOf(configSchemaCheck, fixture)).toEqual([
      {
        file: 'sfdx-project.json',
        line: 2,
        severity: 'error',
        message:
          "packageDirectories[0]: 'defualt' property is not expected to be here. Did you mean property 'default'?"
      }
    ]);
  });

  it('names every type a value may have when the schema allows several', async () => {
    fixture.replace(
      'sfdx-project.json',
      '[{ "path": "force-app", "default": true }]',
      '[{ "path": "force-app", "default": true, "package": "P", "versionNumber": "1.0.0.NEXT",\n' +
        '    "apexTestAccess": { "permissionSets": 5, "permissionSetLicenses": [] } }]'
    );
    expect((await errorsOf(configSchemaCheck, fixture)).map((problem) => [problem.line, problem.message])).toEqual([
      [3, "packageDirectories[0].apexTestAccess: 'permissionSets' property type must be array or string"]
    ]);
  });

  it('reports one missing key for a replacement that matches none of its four shapes', async () => {
    fixture.replace(
      'sfdx-project.json',
      '"sourceApiVersion": "65.0"',
      '"sourceApiVersion": "65.0",\n  "replacements": [{ "filename": "x", "stringToReplace": "a" }]'
    );
    expect((await errorsOf(configSchemaCheck, fixture)).map((problem) => problem.message)).toEqual([
      "replacements[0]: must have required property 'replaceWithFile'"
    ]);
  });

  it('fails sfdx-project.json that is not JSON', async () => {
    fixture.replace('sfdx-project.json', '"namespace": "",', '"namespace": "",,');
    const errors = await errorsOf(configSchemaCheck, fixture);
    expect(errors).toEqual([
      expect.objectContaining({ file: 'sfdx-project.json', message: expect.stringContaining('not valid JSON') })
    ]);
  });

  it('fails a package directory that does not exist', async () => {
    fixture.replace('sfdx-project.json', '"path": "force-app"', '"path": "force-ap"');
    const errors = await errorsOf(configSchemaCheck, fixture);
    expect(errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('"force-ap" does not exist') })
    ]);
  });

  it('fails a missing or malformed sourceApiVersion', async () => {
    fixture.replace('sfdx-project.json', '"sourceApiVersion": "65.0"', '"sourceApiVersion": "65"');
    const errors = await errorsOf(configSchemaCheck, fixture);
    expect(errors.map((problem) => problem.message).join('\n')).toContain('sourceApiVersion must be pinned');
  });

  it('fails a scratch definition with an invalid edition and names the file and line', async () => {
    fixture.replace('config/project-scratch-def.json', '"edition": "Developer"', '"edition": "Developper"');
    const errors = await errorsOf(configSchemaCheck, fixture);
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'config/project-scratch-def.json',
        line: 3,
        message: expect.stringMatching(
          /^'edition' property must be equal to one of the allowed values \(Developer, .*\)\. Did you mean 'Developer'\?$/
        )
      })
    ]);
  });

  it('warns, without failing, about a scratch org feature the schema does not list', async () => {
    fixture.replace('config/project-scratch-def.json', '"features": []', '"features": ["EnableSetPasswordInApii"]');
    const problems = await problemsOf(configSchemaCheck, fixture);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('EnableSetPasswordInApii') })
    ]);
  });

  it('fails a scratch setting that is not a Metadata API settings type, suggesting the right one', async () => {
    fixture.replace('config/project-scratch-def.json', '"lightningExperienceSettings"', '"lightningExperienceSetting"');
    expect(await errorsOf(configSchemaCheck, fixture)).toEqual([
      expect.objectContaining({
        file: 'config/project-scratch-def.json',
        line: 6,
        message: expect.stringMatching(
          /"lightningExperienceSetting" is not a Metadata API settings type.*lightningExperienceSettings/
        )
      })
    ]);
  });

  it('fails an unknown element and a wrong value kind inside a scratch setting', async () => {
    fixture.replace(
      'config/project-scratch-def.json',
      '"enableS1DesktopEnabled": true',
      '"enableS1DesktopEnabled": "yes",\n      "enableOrderz": true'
    );
    const messages = (await errorsOf(configSchemaCheck, fixture)).map((problem) => problem.message);
    expect(messages).toEqual([
      expect.stringContaining('LightningExperienceSettings.enableS1DesktopEnabled must be true or false'),
      expect.stringContaining('LightningExperienceSettings has no element "enableOrderz"')
    ]);
  });
});
