import { formatReport, runGate } from '../../scripts/validate/gate';
import { parseArgs } from '../../scripts/validate/index';
import { Check } from '../../scripts/validate/core/types';
import { fixturePath } from '../support/fixture';

const passing: Check = { id: 'passing', title: 'sees two files', run: async () => ({ filesSeen: 2, problems: [] }) };
const failing: Check = {
  id: 'failing',
  title: 'finds one error and one warning',
  run: async () => ({
    filesSeen: 1,
    problems: [
      { file: 'b.xml', line: 7, message: 'bad element', severity: 'error' },
      { file: 'a.xml', message: 'style', severity: 'warning' }
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

  it('prints a summary table, then every problem as path:line: message, then the verdict', async () => {
    const text = formatReport(await runGate(root, [passing, failing]));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^check\s+files\s+errors\s+warnings\s+seconds$/);
    expect(lines.find((line) => line.startsWith('failing'))).toMatch(/^failing\s+1\s+1\s+1\s+\d+\.\d\d$/);
    expect(text).toContain('a.xml: warning [failing] style');
    expect(text).toContain('b.xml:7: error [failing] bad element');
    expect(lines[lines.length - 1]).toBe('validate: FAILED with 1 errors and 1 warnings');
  });

  it('says passed when there are no errors', async () => {
    const text = formatReport(await runGate(root, [passing]));
    expect(text.split('\n').pop()).toMatch(/^validate: passed \(0 warnings\) in \d+\.\d s$/);
  });
});

describe('validate command line', () => {
  it('reads --only and --root', () => {
    expect(parseArgs(['--only', 'packaging,eslint', '--root', '/tmp/x'])).toEqual({
      only: ['packaging', 'eslint'],
      root: '/tmp/x',
      help: false
    });
  });

  it('rejects an unknown check id with the list of ids', () => {
    expect(() => parseArgs(['--only', 'packagin'])).toThrow(/unknown check id: packagin[\s\S]*ids: config-schema/);
  });

  it('rejects an unknown argument and a missing value', () => {
    expect(() => parseArgs(['--fast'])).toThrow('unknown argument "--fast"');
    expect(() => parseArgs(['--root'])).toThrow('--root needs a value');
  });
});
