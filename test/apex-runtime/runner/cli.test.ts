/** The test:apex command: outcomes per method, --json/--junit files, exit code, coverage numbers. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../scripts/apex-runtime/runner/cli';

function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-cli-'));
  fs.writeFileSync(
    path.join(root, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] })
  );
  const dir = path.join(root, 'force-app', 'classes');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'Greeter.cls'),
    "public class Greeter {\n  public static String greet(String name) {\n    if (name == null) {\n      return 'nobody';\n    }\n    return 'Hello ' + name;\n  }\n}\n"
  );
  fs.writeFileSync(
    path.join(dir, 'Greeter_Tests.cls'),
    [
      '@IsTest',
      'private class Greeter_Tests {',
      "  @IsTest static void greets() { Assert.areEqual('Hello Ada', Greeter.greet('Ada')); }",
      "  @IsTest static void failsOnPurpose() { Assert.areEqual('Hi', Greeter.greet('Ada'), 'wrong greeting'); }",
      "  @IsTest static void usesSosl() { List<List<SObject>> r = [FIND 'x' IN ALL FIELDS RETURNING Account]; }",
      '}'
    ].join('\n')
  );
  return root;
}

describe('npm run test:apex', () => {
  const root = project();
  const json = path.join(root, 'out.json');
  const junit = path.join(root, 'out.xml');
  const lines: string[] = [];
  let code = -1;

  beforeAll(() => {
    const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.join(' '));
    });
    code = main(['--root', root, '--json', json, '--junit', junit, '--coverage']);
    log.mockRestore();
  });

  it('prints one line per method and the closing counts, and exits 1 on a FAIL or UNSUPPORTED', () => {
    expect(lines.some((l) => /^PASS\s+Greeter_Tests\.greets \d+ ms$/.test(l))).toBe(true);
    expect(lines.some((l) => /^FAIL\s+Greeter_Tests\.failsOnPurpose/.test(l))).toBe(true);
    expect(lines).toContain(
      '    System.AssertException: Assertion Failed: wrong greeting: Expected: Hi, Actual: Hello Ada'
    );
    expect(lines.some((l) => /^UNSUPPORTED\s+Greeter_Tests\.usesSosl/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toBe('1 passed, 1 failed, 1 skipped');
    expect(code).toBe(1);
  });

  it('writes the --json report with outcome, message and stack per test and coverage per class', () => {
    const report = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(report.summary).toMatchObject({ passed: 1, failed: 1, unsupported: 1, total: 3 });
    const failed = report.tests.find((t: { methodName: string }) => t.methodName === 'failsOnPurpose');
    expect(failed).toMatchObject({
      outcome: 'FAIL',
      exceptionType: 'System.AssertException',
      stack: 'Class.Greeter_Tests.failsOnPurpose: line 4, column 1'
    });
    const greeter = report.coverage.classes.find((c: { name: string }) => c.name === 'Greeter');
    // lines 3 and 6 ran (if, return 'Hello'), line 4 (return 'nobody') never did
    expect(greeter).toMatchObject({ covered: 2, total: 3, uncoveredLines: [4] });
  });

  it('writes JUnit XML with a failure and a skipped test', () => {
    const xml = fs.readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="Greeter_Tests" tests="3" failures="1" skipped="1">');
    expect(xml).toContain('<failure type="System.AssertException"');
  });
});
