import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { validateCommandLine } from '../../scripts/validate/bench';
import { GateReport } from '../../scripts/validate/gate';
import { formatGithubAnnotations } from '../../scripts/validate/output/github';
import { formatJson } from '../../scripts/validate/output/json';
import { formatSarif } from '../../scripts/validate/output/sarif';
import { FixtureCopy, fixturePath } from '../support/fixture';

const REPO = join(__dirname, '..', '..');

/** A report as the runner returns it: one deploy-fact check with an error and a house-policy warning, one skipped. */
const REPORT: GateReport = {
  root: '/work/project',
  deployOnly: false,
  seconds: 1.234,
  errorCount: 1,
  warningCount: 1,
  checks: [
    {
      id: 'metadata-xml',
      title: 'every -meta.xml matches the Metadata API types',
      basis: 'deploy-fact',
      seconds: 0.5,
      filesSeen: 3,
      problems: [
        {
          file: 'force-app/main/default/objects/A__c/fields/B__c.field-meta.xml',
          line: 4,
          message: 'Element lable invalid in type CustomField: no such element, did you mean label?',
          severity: 'error'
        },
        {
          file: 'force-app/x.cls-meta.xml',
          message: 'out of order\nsecond line',
          severity: 'warning',
          basis: 'house-policy'
        }
      ]
    },
    {
      id: 'apex-types',
      title: 'Apex compiles',
      basis: 'deploy-fact',
      seconds: 0,
      filesSeen: 0,
      problems: [],
      skipped: 'apex-syntax found 1 error'
    }
  ]
};

describe('--format json', () => {
  it('prints one JSON document with the verdict, each check and every finding with its basis', () => {
    const parsed = JSON.parse(formatJson(REPORT));
    expect(parsed).toMatchObject({ passed: false, errorCount: 1, warningCount: 1, deployOnly: false });
    expect(parsed.checks).toEqual([
      expect.objectContaining({ id: 'metadata-xml', basis: 'deploy-fact', errors: 1, warnings: 1, filesSeen: 3 }),
      expect.objectContaining({ id: 'apex-types', skipped: 'apex-syntax found 1 error' })
    ]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ check: 'metadata-xml', basis: 'deploy-fact', severity: 'error', line: 4 }),
      expect.objectContaining({ check: 'metadata-xml', basis: 'house-policy', severity: 'warning' })
    ]);
    expect(parsed.problems[1]).not.toHaveProperty('line');
  });
});

describe('--format sarif', () => {
  const sarif = JSON.parse(formatSarif(REPORT, '1.2.3'));
  const run = sarif.runs[0];

  it('is a SARIF 2.1.0 log with one run whose driver lists each check as a rule', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: expect.any(String), version: '1.2.3' });
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['metadata-xml', 'apex-types']);
    expect(run.tool.driver.rules[0]).toMatchObject({
      shortDescription: { text: 'every -meta.xml matches the Metadata API types' },
      properties: { basis: 'deploy-fact' }
    });
  });

  it('gives each finding ruleId, ruleIndex, level, a one-line message and a relative location with its line', () => {
    expect(run.results).toHaveLength(2);
    const [error, warning] = run.results;
    expect(error).toMatchObject({
      ruleId: 'metadata-xml',
      ruleIndex: 0,
      level: 'error',
      message: { text: expect.stringContaining('did you mean label?') },
      locations: [
        {
          physicalLocation: {
            artifactLocation: {
              uri: 'force-app/main/default/objects/A__c/fields/B__c.field-meta.xml',
              uriBaseId: '%SRCROOT%'
            },
            region: { startLine: 4 }
          }
        }
      ]
    });
    expect(warning.level).toBe('warning');
    expect(warning.message.text).toBe('out of order / second line');
    expect(warning.locations[0].physicalLocation).not.toHaveProperty('region');
    expect(warning.properties).toEqual({ basis: 'house-policy' });
  });

  it('anchors relative paths at the project root and notes skipped checks', () => {
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/project/');
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      { level: 'note', message: { text: 'apex-types skipped (apex-syntax found 1 error)' } }
    ]);
  });
});

describe('GitHub annotations', () => {
  it('prints one workflow command per finding, errors first, with file, line and escaped text', () => {
    expect(formatGithubAnnotations(REPORT).split('\n')).toEqual([
      '::error file=force-app/main/default/objects/A__c/fields/B__c.field-meta.xml,line=4,title=validate metadata-xml::' +
        'Element lable invalid in type CustomField: no such element, did you mean label?',
      '::warning file=force-app/x.cls-meta.xml,title=validate metadata-xml::out of order%0Asecond line'
    ]);
  });
});

describe('npm run validate on the command line', () => {
  // package.json's own command line (node with the swc hook), so what users run is what is tested.
  const [command, ...scriptArgs] = validateCommandLine();
  const runValidate = (args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> =>
    spawnSync(join(REPO, 'node_modules', '.bin', command), [...scriptArgs, ...args], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '', ...env }
    });

  it('keeps stdout one JSON document with --format json; progress goes to stderr', () => {
    // --no-cache: the fixture itself is validated, and a run after an earlier one would print the stored report.
    const result = runValidate([
      '--only',
      'METADATA-XML',
      '--root',
      fixturePath('clean-project'),
      '--format',
      'json',
      '--no-cache'
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      passed: true,
      checks: [expect.objectContaining({ id: 'metadata-xml' })]
    });
    expect(result.stderr).toContain('validate: [1/1] metadata-xml: 0 errors');
  });

  it('adds GitHub annotations when GITHUB_ACTIONS=true', () => {
    const copy = new FixtureCopy('clean-project');
    try {
      copy.replace(
        'force-app/main/default/objects/Invoice__c/fields/Amount__c.field-meta.xml',
        '<label>Amount</label>',
        '<lable>Amount</lable>'
      );
      const result = runValidate(['--only', 'metadata-xml', '--root', copy.root], { GITHUB_ACTIONS: 'true' });
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(
        /^::error file=force-app\/main\/default\/objects\/Invoice__c\/fields\/Amount__c\.field-meta\.xml,line=\d+,title=validate metadata-xml::Element lable invalid/m
      );
    } finally {
      copy.dispose();
    }
  });

  it('says in one line that a folder is no SFDX project', () => {
    const result = runValidate(['--root', join(REPO, 'docs')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      `error: ${join(REPO, 'docs')} is not an SFDX project: it has no sfdx-project.json`
    );
  });
});
