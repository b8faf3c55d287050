/**
 * Fidelity cases found by running other public projects' Apex test suites (issue 9, "other real suites"): each snippet
 * holds the outcome the Apex documentation gives, with the source named beside it. A FAIL in a suite that passes in
 * real orgs is a runtime bug; each fix here starts as one of these cases.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject } from '../../../scripts/apex-runtime/runner/project';
import { runTests, type TestResult } from '../../../scripts/apex-runtime/runner/run-tests';

function run(body: string): Map<string, TestResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-suites-'));
  fs.writeFileSync(
    path.join(root, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] })
  );
  const dir = path.join(root, 'force-app', 'classes');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'Suite_Tests.cls'), `@IsTest\nprivate class Suite_Tests {\n${body}\n}\n`);
  const results = runTests(loadProject(root), {}, () => undefined);
  return new Map(results.map((r) => [r.methodName, r]));
}

describe('apex runtime fidelity: cases from other real suites', () => {
  const r = run(`
    private enum Operation { SUM, AVERAGE }
    // Apex Reference, "Enum Methods": valueOf ignores case (its example: StatusCode.valueOf('delete_failed'))
    @IsTest static void enumValueOfIgnoresCase() {
      Assert.areEqual(Operation.AVERAGE, Operation.valueOf('average'));
      Assert.areEqual(Operation.SUM, Operation.valueOf('Sum'));
    }
    // Apex Reference, "Enum Methods": an exception is thrown if the string matches no value
    @IsTest static void enumValueOfUnknownThrows() { Operation.valueOf('median'); }
  `);

  it('passes what the platform passes', () => {
    for (const m of ['enumValueOfIgnoresCase']) {
      expect([m, r.get(m)?.outcome, r.get(m)?.message]).toEqual([m, 'PASS', undefined]);
    }
  });

  it('fails where the platform fails, with its exception', () => {
    expect(r.get('enumValueOfUnknownThrows')).toMatchObject({
      outcome: 'FAIL',
      exceptionType: 'System.NoSuchElementException'
    });
  });
});
