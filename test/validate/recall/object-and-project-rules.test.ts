import { configSchemaCheck } from '../../../scripts/validate/checks/config-schema';
import { metadataRulesCheck } from '../../../scripts/validate/checks/metadata-rules';
import { Project } from '../../../scripts/validate/core/project';
import { projectConfigProblems } from '../../../scripts/validate/rules/project-config';
import { customObject, D, field, metadata, MiniProject, withRule } from './mini-project';

const OBJECT = `${D}/objects/Thing__c/Thing__c.object-meta.xml`;
const trio = (sharing: string, bulk: string, streaming: string): string =>
  `    <enableBulkApi>${bulk}</enableBulkApi>\n    <enableSharing>${sharing}</enableSharing>\n    <enableStreamingApi>${streaming}</enableStreamingApi>`;

describe('recall: object rules (metadata-rules)', () => {
  let project: MiniProject | undefined;
  afterEach(() => project?.dispose());

  async function rulesOf(files: Record<string, string>, ruleId: string) {
    project = new MiniProject(files);
    return withRule(await project.run(metadataRulesCheck), ruleId);
  }

  it('object-application-class: sharing on with Bulk and Streaming API off is an error at the first false setting', async () => {
    const problems = await rulesOf(
      { [OBJECT]: customObject(trio('true', 'false', 'false')) },
      'object-application-class'
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: OBJECT, severity: 'error' });
    expect(problems[0].message).toMatch(/enableSharing is true but enableBulkApi, enableStreamingApi are false/);
    expect(problems[0].line).toBe(11);
  });

  it.each([
    ['all true (Enterprise Application)', trio('true', 'true', 'true')],
    ['all false (Light Application)', trio('false', 'false', 'false')],
    ['none stated', '']
  ])('object-application-class: accepts %s', async (_case, settings) => {
    expect(await rulesOf({ [OBJECT]: customObject(settings) }, 'object-application-class')).toEqual([]);
  });

  it('object-external-sharing: external access more open than internal is an error; equal or closer is accepted', async () => {
    const open = customObject('    <externalSharingModel>ReadWrite</externalSharingModel>').replace(
      '<sharingModel>ReadWrite</sharingModel>',
      '<sharingModel>Read</sharingModel>'
    );
    const problems = await rulesOf({ [OBJECT]: open }, 'object-external-sharing');
    expect(problems).toHaveLength(1);
    expect(problems[0].severity).toBe('error');
    expect(problems[0].message).toMatch(/externalSharingModel ReadWrite is more open than sharingModel Read/);
    project?.dispose();
    const closed = customObject('    <externalSharingModel>Private</externalSharingModel>');
    expect(await rulesOf({ [OBJECT]: closed }, 'object-external-sharing')).toEqual([]);
  });

  it('list-view-queue: a Queue list view without <queue> is an error; with one it is accepted', async () => {
    const view = (queue: string) =>
      metadata(
        'ListView',
        `    <fullName>My_Queue</fullName>\n    <filterScope>Queue</filterScope>\n    <label>My queue</label>\n${queue}`
      );
    const file = `${D}/objects/Thing__c/listViews/My_Queue.listView-meta.xml`;
    const problems = await rulesOf({ [OBJECT]: customObject(), [file]: view('') }, 'list-view-queue');
    expect(problems).toEqual([expect.objectContaining({ file, severity: 'error', line: 4 })]);
    project?.dispose();
    expect(
      await rulesOf({ [OBJECT]: customObject(), [file]: view('    <queue>Thing_Queue</queue>') }, 'list-view-queue')
    ).toEqual([]);
  });

  it('list-view-scope: Mine on the detail of a master-detail relationship is a warning; on an owned object it is accepted', async () => {
    const file = `${D}/objects/Thing__c/listViews/Mine.listView-meta.xml`;
    const view = metadata(
      'ListView',
      '    <fullName>Mine</fullName>\n    <filterScope>Mine</filterScope>\n    <label>Mine</label>'
    );
    const master = field(
      'Parent__c',
      '    <referenceTo>Account</referenceTo>\n    <relationshipName>Things</relationshipName>\n    <type>MasterDetail</type>'
    );
    const problems = await rulesOf(
      { [OBJECT]: customObject(), [file]: view, [`${D}/objects/Thing__c/fields/Parent__c.field-meta.xml`]: master },
      'list-view-scope'
    );
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(problems[0].message).toMatch(/has no owner/);
    project?.dispose();
    expect(await rulesOf({ [OBJECT]: customObject(), [file]: view }, 'list-view-scope')).toEqual([]);
  });
});

describe('recall: sfdx-project.json rules (config-schema)', () => {
  let project: MiniProject | undefined;
  afterEach(() => project?.dispose());

  const classFile = { [`${D}/classes/A.cls`]: 'public class A {}' };

  it('project-default-package-directory: none, two, or a lone "default": false are errors; exactly one is accepted', async () => {
    const cases: Array<[object[], RegExp | undefined]> = [
      [[{ path: 'force-app' }, { path: 'other' }], /no package directory is marked "default": true/],
      [
        [
          { path: 'force-app', default: true },
          { path: 'other', default: true }
        ],
        /"other" is a second default/
      ],
      [[{ path: 'force-app', default: false }], /the only package directory is marked "default": false/],
      [
        [
          { path: 'force-app', default: true },
          { path: 'other', default: false }
        ],
        undefined
      ],
      [[{ path: 'force-app' }], undefined]
    ];
    for (const [packageDirectories, expected] of cases) {
      project = new MiniProject({ ...classFile, 'other/x.txt': 'x' }, { packageDirectories, sourceApiVersion: '65.0' });
      const problems = withRule(await project.run(configSchemaCheck), 'project-default-package-directory');
      if (expected) {
        expect(problems).toEqual([expect.objectContaining({ file: 'sfdx-project.json', severity: 'error' })]);
        expect(problems[0].message).toMatch(expected);
      } else {
        expect(problems).toEqual([]);
      }
      project.dispose();
    }
    project = undefined;
  });

  const withReplacement = (replacement: object) => ({
    packageDirectories: [{ path: 'force-app', default: true }],
    sourceApiVersion: '65.0',
    replacements: [{ filename: `${D}/classes/A.cls`, stringToReplace: '__X__', ...replacement }]
  });

  it('project-replacement-env-unset: an unset replaceWithEnv on a deployed file stops the deploy', () => {
    project = new MiniProject(classFile, withReplacement({ replaceWithEnv: 'RECALL_UNSET_VARIABLE' }));
    const problems = projectConfigProblems(new Project(project.root), {});
    expect(problems).toEqual([expect.objectContaining({ file: 'sfdx-project.json', severity: 'error', line: 13 })]);
    expect(problems[0].message).toMatch(
      /"RECALL_UNSET_VARIABLE" is in sfdx-project.json as a value for "replaceWithEnv"/
    );
    expect(problems[0].message).toMatch(/\[project-replacement-env-unset\]$/);
  });

  it.each([
    ['allowUnsetEnvVariable is true', { replaceWithEnv: 'RECALL_UNSET_VARIABLE', allowUnsetEnvVariable: true }, {}],
    ['the variable is set', { replaceWithEnv: 'RECALL_SET_VARIABLE' }, { RECALL_SET_VARIABLE: '' }],
    [
      'replaceWhenEnv does not hold',
      { replaceWithEnv: 'RECALL_UNSET_VARIABLE', replaceWhenEnv: [{ env: 'STAGE', value: 'prod' }] },
      {}
    ],
    ['no deployed file matches', { replaceWithEnv: 'RECALL_UNSET_VARIABLE', filename: 'force-app-optional/B.cls' }, {}],
    ['the value comes from a file', { replaceWithFile: 'config/x.txt' }, {}]
  ])('project-replacement-env-unset: accepted when %s', (_case, replacement, environment) => {
    project = new MiniProject(classFile, withReplacement(replacement));
    expect(projectConfigProblems(new Project(project.root), environment)).toEqual([]);
  });

  it('project-replacement-env-unset: a glob replacement is matched the way the CLI matches it', () => {
    project = new MiniProject(classFile, {
      packageDirectories: [{ path: 'force-app', default: true }],
      sourceApiVersion: '65.0',
      replacements: [{ glob: '**/*.cls', stringToReplace: '__X__', replaceWithEnv: 'RECALL_UNSET_VARIABLE' }]
    });
    expect(projectConfigProblems(new Project(project.root), {})).toHaveLength(1);
  });
});
