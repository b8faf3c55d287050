/** The default mutation set: chosen from the sites of the non-test classes only, shared between kinds, deterministic. */
import * as path from 'node:path';
import { defaultMutations } from '../../scripts/apex-mutation/cli';

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
