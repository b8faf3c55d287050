/** The default mutation set: chosen from the sites of the non-test classes only, shared between kinds, deterministic. */
import * as path from 'node:path';
import { defaultMutations, main } from '../../scripts/apex-mutation/cli';

const ROOT = path.resolve(__dirname, '../fixtures/apex-mutation/project');

describe('default mutation set', () => {
  it('shares the budget between DML removals and comparisons, and never mutates a test class', () => {
    const picked = defaultMutations(ROOT, 3, ['remove-dml', 'negate-comparison']);
    expect(picked.map((m) => `${m.file}:${m.site.line} ${m.site.kind} ${m.site.original}`)).toEqual([
      'src/classes/AccountTiers.cls:14 remove-dml insert account;',
      'src/classes/AccountTiers.cls:16 remove-dml update account;',
      'src/classes/AccountTiers.cls:3 negate-comparison =='
    ]);
  });

  it('gives what one kind cannot use to the others, and picks the same set every time', () => {
    const picked = defaultMutations(ROOT, 5, ['remove-dml', 'negate-comparison']);
    expect(picked.filter((m) => m.site.kind === 'negate-comparison')).toHaveLength(3);
    expect(defaultMutations(ROOT, 5, ['remove-dml', 'negate-comparison'])).toEqual(picked);
  });

  it('spreads a sample over the whole file rather than taking the first sites', () => {
    const lines = defaultMutations(ROOT, 2, ['negate-comparison']).map((m) => m.site.line);
    expect(lines).toEqual([3, 22]);
  });
});

describe('test:apex:mutations', () => {
  it('prints each mutant and the score, and fails below --min-score', async () => {
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
    const error = jest.spyOn(console, 'error').mockImplementation((line: string) => printed.push(line));
    try {
      expect(await main(['--root', ROOT, '--max', '3', '--min-score', '70'])).toBe(1);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    expect(printed.filter((l) => /^(KILLED|SURVIVED)/.test(l)).map((l) => l.split(' (')[0].replace(/ +/, ' '))).toEqual(
      [
        'KILLED src/classes/AccountTiers.cls line 14: DML removed: insert account;',
        'SURVIVED src/classes/AccountTiers.cls line 16: DML removed: update account;',
        'KILLED src/classes/AccountTiers.cls line 3: comparison == -> !='
      ]
    );
    expect(printed).toContain(
      'Mutation score: 66.7 % (killed + timeout over killed + timeout + survived + no coverage)'
    );
    expect(printed).toContain('test:apex:mutations: score below --min-score 70 %');
  });
});
