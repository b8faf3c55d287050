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
      "  @IsTest static void usesLoadData() { Test.loadData(Account.SObjectType, 'x'); }",
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
    expect(lines.some((l) => /^UNSUPPORTED\s+Greeter_Tests\.usesLoadData/.test(l))).toBe(true);
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

describe('npm run test:apex on bad input: one error line on stderr, exit code 2, no stack trace', () => {
  const root = project();

  function runCapturing(argv: string[]): { code: number; stdout: string; stderr: string } {
    let stdout = '';
    let stderr = '';
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      stdout += `${args.join(' ')}\n`;
    });
    try {
      return { code: main(argv), stdout, stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
      log.mockRestore();
    }
  }

  it('--help prints the usage with every option and exits 0', () => {
    const { code, stdout, stderr } = runCapturing(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const flag of [
      '--root DIR',
      '--class A,B',
      '--method NAME',
      '--json FILE',
      '--junit FILE',
      '--coverage',
      '--no-cache'
    ])
      expect(stdout).toContain(flag);
  });

  it.each([
    [['--bogus'], /^error: unknown argument "--bogus"\n/],
    [['--json'], /^error: --json needs a value \(FILE\)\n/],
    [['--root', '--coverage'], /^error: --root needs a value \(DIR\)\n/],
    [['--coverage=yes'], /^error: --coverage takes no value\n/]
  ])('%j is a usage error', (argv, firstLine) => {
    const { code, stderr } = runCapturing(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(firstLine);
    expect(stderr).toContain('Usage: npm run test:apex');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('--root on a folder without sfdx-project.json says so', () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-cli-bare-'));
    const { code, stderr } = runCapturing(['--root', bare]);
    expect(code).toBe(2);
    expect(stderr).toBe(`error: ${bare} is not an SFDX project: it has no sfdx-project.json\n`);
  });

  it('--root on a missing folder says so', () => {
    const missing = path.join(os.tmpdir(), 'apex-cli-no-such-folder-xyz');
    const { code, stderr } = runCapturing(['--root', missing]);
    expect(code).toBe(2);
    expect(stderr).toBe(`error: ${missing} is not a folder\n`);
  });

  it('--class naming no test class lists the test classes there are, and runs nothing', () => {
    const { code, stdout, stderr } = runCapturing(['--root', root, '--class', 'Greeter_Tests,NoSuch_Tests']);
    expect(code).toBe(2);
    expect(stderr).toBe(`error: --class NoSuch_Tests: no such test class in ${root} (test classes: Greeter_Tests)\n`);
    expect(stdout).not.toMatch(/^PASS/m);
  });

  it('--method naming no test method is an error too; a right one runs only that method', () => {
    expect(runCapturing(['--root', root, '--method', 'nope']).stderr).toBe(
      `error: --method nope: no test method of that name in ${root}\n`
    );
    const { code, stdout } = runCapturing(['--root', root, '--class', 'greeter_tests', '--method', 'GREETS']);
    expect(code).toBe(0);
    expect(stdout).toContain('1 passed, 0 failed, 0 skipped');
  });
});
