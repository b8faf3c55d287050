import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_CHECKS } from '../../scripts/validate/checks';
import { formatReport, runGate } from '../../scripts/validate/gate';
import { assertSfdxProject, parseArgs } from '../../scripts/validate/index';
import { Check } from '../../scripts/validate/core/types';
import { FixtureCopy, fixturePath } from '../support/fixture';

const passing: Check = {
  id: 'passing',
  title: 'sees two files',
  basis: 'house-policy',
  run: async () => ({ filesSeen: 2, problems: [] })
};
const failing: Check = {
  id: 'failing',
  title: 'finds one error and one warning',
  run: async () => ({
    filesSeen: 1,
    problems: [
      { file: 'a.xml', message: 'style', severity: 'warning' },
      { file: 'b.xml', line: 7, message: 'bad element', severity: 'error' }
    ]
  })
};
const crashing: Check = {
  id: 'crashing',
  title: 'throws',
  run: async () => {
    throw new Error('java not found');
  }
};

describe('the gate runner', () => {
  const root = fixturePath('clean-project');

  it('counts errors and warnings of every check', async () => {
    const report = await runGate(root, [passing, failing]);
    expect(report.errorCount).toBe(1);
    expect(report.warningCount).toBe(1);
    expect(report.checks.map((check) => [check.id, check.filesSeen])).toEqual([
      ['passing', 2],
      ['failing', 1]
    ]);
  });

  it('turns a check that throws into an error of that check instead of crashing', async () => {
    const report = await runGate(root, [crashing, passing]);
    expect(report.errorCount).toBe(1);
    expect(report.checks[0].problems[0].message).toBe('check failed to run: java not found');
  });

  it('prints a summary table with each basis, errors before warnings, and "1 error" in the singular', async () => {
    const text = formatReport(await runGate(root, [passing, failing]));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^check\s+basis\s+files\s+errors\s+warnings\s+seconds$/);
    expect(lines.find((line) => line.startsWith('failing'))).toMatch(/^failing\s+deploy fact\s+1\s+1\s+1\s+\d+\.\d\d$/);
    expect(lines.find((line) => line.startsWith('passing'))).toMatch(
      /^passing\s+house policy\s+2\s+0\s+0\s+\d+\.\d\d$/
    );
    const errorLine = lines.indexOf('b.xml:7: error [failing] bad element');
    const warningLine = lines.indexOf('a.xml: warning [failing] style');
    expect(errorLine).toBeGreaterThan(0);
    expect(warningLine).toBeGreaterThan(errorLine);
    expect(lines[lines.length - 1]).toBe('validate: FAILED with 1 error and 1 warning');
  });

  it('says passed when there are no errors', async () => {
    const text = formatReport(await runGate(root, [passing]));
    expect(text.split('\n').pop()).toMatch(/^validate: passed \(0 warnings\) in \d+\.\d s$/);
  });

  it('prints identical findings once and makes absolute paths relative', async () => {
    const repeating: Check = {
      id: 'repeating',
      title: 'reports the same thing twice',
      run: async () => ({
        filesSeen: 1,
        problems: [
          { file: join(root, 'x/y.xml'), line: 3, message: 'same', severity: 'error' },
          { file: 'x/y.xml', line: 3, message: 'same', severity: 'error' }
        ]
      })
    };
    const report = await runGate(root, [repeating]);
    expect(report.checks[0].problems).toEqual([{ file: 'x/y.xml', line: 3, message: 'same', severity: 'error' }]);
    expect(report.errorCount).toBe(1);
  });

  it('skips a check whose prerequisite found errors, says why, and adds a missing prerequisite to the run', async () => {
    let ran = false;
    const dependent: Check = {
      id: 'dependent',
      title: 'needs failing to pass',
      prerequisites: ['failing'],
      run: async () => {
        ran = true;
        return { filesSeen: 1, problems: [{ file: 'c.xml', message: 'echo', severity: 'error' }] };
      }
    };
    const report = await runGate(root, [dependent], {}, [failing, dependent]);
    expect(ran).toBe(false);
    expect(report.checks.map((check) => [check.id, check.skipped])).toEqual([
      ['failing', undefined],
      ['dependent', 'failing found 1 error']
    ]);
    expect(report.errorCount).toBe(1);
    const text = formatReport(report);
    expect(text).toMatch(/^dependent\s+deploy fact\s+skipped \(failing found 1 error\)$/m);
    expect(text.split('\n').pop()).toBe('validate: FAILED with 1 error and 1 warning, 1 check skipped');
  });

  it('with deployOnly runs only deploy-fact checks and drops house-policy findings of the checks it runs', async () => {
    const mixed: Check = {
      id: 'mixed',
      title: 'a deploy check with one convention finding',
      run: async () => ({
        filesSeen: 1,
        problems: [
          { file: 'a.xml', message: 'rejected by the platform', severity: 'error' },
          { file: 'a.xml', message: 'retrieve order', severity: 'warning', basis: 'house-policy' }
        ]
      })
    };
    const report = await runGate(root, [passing, mixed], { deployOnly: true });
    expect(report.checks.map((check) => check.id)).toEqual(['mixed']);
    expect(report.checks[0].problems.map((problem) => problem.message)).toEqual(['rejected by the platform']);
    expect(formatReport(report).split('\n').pop()).toBe(
      'validate (deploy facts only): FAILED with 1 error and 0 warnings'
    );
  });

  it('reports progress for each check as it finishes', async () => {
    const seen: string[] = [];
    await runGate(root, [passing, failing], {
      onCheckDone: (check, done, total) => seen.push(`${done}/${total} ${check.id}`)
    });
    expect(seen.map((entry) => entry.split(' ')[0])).toEqual(['1/2', '2/2']);
    expect(seen.map((entry) => entry.split(' ')[1]).sort()).toEqual(['failing', 'passing']);
  });
});

describe('a project that does not load', () => {
  let copy: FixtureCopy;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
  });
  afterEach(() => copy.dispose());

  it('shows the checks that need package directories as skipped, with one error for the broken sfdx-project.json', async () => {
    copy.write('sfdx-project.json', '{ "packageDirectories": [ ');
    const checks = ALL_CHECKS.filter((check) => ['config-schema', 'metadata-xml', 'packaging'].includes(check.id));
    const report = await runGate(copy.root, checks);
    expect(report.checks.find((check) => check.id === 'metadata-xml')?.skipped).toBe(
      'sfdx-project.json is not valid JSON'
    );
    expect(report.checks.find((check) => check.id === 'packaging')?.skipped).toBe(
      'sfdx-project.json is not valid JSON'
    );
    expect(report.errorCount).toBe(1);
    expect(report.checks.flatMap((check) => check.problems).filter((p) => p.severity === 'error')[0]).toMatchObject({
      file: 'sfdx-project.json'
    });
  });

  it('still fails with one error when no check that reads sfdx-project.json was selected', async () => {
    copy.write('sfdx-project.json', '{ "packageDirectories": [] }');
    const checks = ALL_CHECKS.filter((check) => check.id === 'metadata-xml');
    const report = await runGate(copy.root, checks);
    expect(report.errorCount).toBe(1);
    expect(report.checks[0]).toMatchObject({
      id: 'project',
      problems: [expect.objectContaining({ file: 'sfdx-project.json' })]
    });
    expect(report.checks[1]).toMatchObject({
      id: 'metadata-xml',
      skipped: 'sfdx-project.json lists no package directory'
    });
  });
});

describe('one Apex typo is one error', () => {
  let copy: FixtureCopy;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
  });
  afterEach(() => copy.dispose());

  it('reports a missing semicolon once, at its line, and skips the Apex checks that would echo it', async () => {
    copy.replace(
      'force-app/main/default/classes/InvoiceDefaults.cls',
      "invoice.Status__c = 'Draft';",
      "invoice.Status__c = 'Draft'"
    );
    const apexChecks = ALL_CHECKS.filter((check) => check.id.startsWith('apex-'));
    const report = await runGate(copy.root, apexChecks);
    const errors = report.checks.flatMap((check) => check.problems.filter((problem) => problem.severity === 'error'));
    expect(errors).toEqual([
      expect.objectContaining({ file: 'force-app/main/default/classes/InvoiceDefaults.cls', line: 12 })
    ]);
    expect(report.checks.filter((check) => check.skipped).map((check) => [check.id, check.skipped])).toEqual([
      ['apex-format', 'apex-syntax found 1 error'],
      ['apex-types', 'apex-syntax found 1 error'],
      ['apex-pmd', 'apex-syntax found 1 error']
    ]);
  });
});

describe('a class without its -meta.xml is one error', () => {
  let copy: FixtureCopy;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
  });
  afterEach(() => copy.dispose());

  it('is reported by packaging, and apex-ls saying the same of that class is not printed again', async () => {
    copy.remove('force-app/main/default/classes/InvoiceDefaults.cls-meta.xml');
    const report = await runGate(
      copy.root,
      ALL_CHECKS.filter((check) => ['packaging', 'apex-syntax', 'apex-types'].includes(check.id))
    );
    const errors = report.checks.flatMap((check) =>
      check.problems.filter((problem) => problem.severity === 'error').map((problem) => [check.id, problem.file])
    );
    expect(errors).toEqual([['packaging', 'force-app/main/default/classes/InvoiceDefaults.cls']]);
  });

  it('is still reported by apex-types when packaging does not run', async () => {
    copy.remove('force-app/main/default/classes/InvoiceDefaults.cls-meta.xml');
    const report = await runGate(
      copy.root,
      ALL_CHECKS.filter((check) => ['apex-syntax', 'apex-types'].includes(check.id))
    );
    expect(report.checks.find((check) => check.id === 'apex-types')?.problems).toEqual([
      expect.objectContaining({
        file: 'force-app/main/default/classes/InvoiceDefaults.cls',
        severity: 'error',
        message: expect.stringContaining('meta file is missing')
      })
    ]);
  });
});

describe('one broken XML tag is one error', () => {
  let copy: FixtureCopy;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
  });
  afterEach(() => copy.dispose());

  it('reports the malformed file once and skips the checks that would call its field missing', async () => {
    const field = 'force-app/main/default/objects/Invoice__c/fields/Amount__c.field-meta.xml';
    copy.replace(field, '</label>', '</labl>');
    const ids = ['metadata-xml', 'metadata-rules', 'cross-references', 'docs-reference'];
    const report = await runGate(
      copy.root,
      ALL_CHECKS.filter((check) => ids.includes(check.id))
    );
    const errors = report.checks.flatMap((check) => check.problems.filter((problem) => problem.severity === 'error'));
    expect(errors).toEqual([
      expect.objectContaining({
        file: field,
        message: expect.stringMatching(/^malformed XML: <label> is never closed/)
      })
    ]);
    expect(report.checks.filter((check) => check.skipped).map((check) => check.id)).toEqual(ids.slice(1));
    expect(report.checks[2].skipped).toBe('metadata-xml found 1 malformed XML file');
  });
});

describe('validate command line', () => {
  it('reads --only, --root, --deploy-only and --format', () => {
    expect(parseArgs(['--only', 'packaging,eslint', '--root', '/tmp/x'])).toEqual({
      only: ['packaging', 'eslint'],
      deployOnly: false,
      changed: false,
      cache: true,
      root: '/tmp/x',
      format: 'text',
      help: false
    });
    expect(parseArgs(['--deploy-only', '--format', 'sarif'])).toMatchObject({ deployOnly: true, format: 'sarif' });
  });

  it('matches check ids without regard to letter case', () => {
    expect(parseArgs(['--only', 'METADATA-XML,Packaging']).only).toEqual(['metadata-xml', 'packaging']);
  });

  it('rejects an unknown check id with the list of ids', () => {
    expect(() => parseArgs(['--only', 'packagin'])).toThrow(/unknown check id: packagin[\s\S]*ids: config-schema/);
  });

  it('rejects an unknown format', () => {
    expect(() => parseArgs(['--format', 'xml'])).toThrow('unknown --format "xml": use text, json, sarif');
  });

  it('rejects an unknown argument and a missing value', () => {
    expect(() => parseArgs(['--fast'])).toThrow('unknown argument "--fast"');
    expect(() => parseArgs(['--root'])).toThrow('--root needs a value');
  });

  it('says in one line that a folder without sfdx-project.json is no SFDX project', () => {
    const empty = mkdtempSync(join(tmpdir(), 'not-sfdx-'));
    try {
      expect(() => assertSfdxProject(empty)).toThrow(`${empty} is not an SFDX project: it has no sfdx-project.json`);
      expect(() => assertSfdxProject(join(empty, 'missing'))).toThrow('is not a folder');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
