import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SummaryLineReporter = require('./summary-line-reporter');

interface JestCounts {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  numPendingTests: number;
  numTodoTests: number;
}

const JEST: JestCounts = {
  numPassedTests: 10,
  numFailedTests: 1,
  numRuntimeErrorTestSuites: 0,
  numPendingTests: 2,
  numTodoTests: 0
};

/** The closing line the reporter would print at exit, for these jest counts and this APEX_TEST_RESULTS value. */
function closingLine(apexResults: string | undefined): string {
  const saved = process.env.APEX_TEST_RESULTS;
  const once = jest.spyOn(process, 'once').mockImplementation(((_event: string, listener: () => void) => {
    listener();
    return process;
  }) as typeof process.once);
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    if (apexResults === undefined) {
      delete process.env.APEX_TEST_RESULTS;
    } else {
      process.env.APEX_TEST_RESULTS = apexResults;
    }
    new SummaryLineReporter().onRunComplete([], JEST);
    return String(write.mock.calls[0][0]).trim();
  } finally {
    once.mockRestore();
    write.mockRestore();
    process.env.APEX_TEST_RESULTS = saved;
    if (saved === undefined) {
      delete process.env.APEX_TEST_RESULTS;
    }
  }
}

describe('the closing line of npm test', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-line-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('counts jest alone when no Apex run came before', () => {
    expect(closingLine(undefined)).toBe('10 passed, 1 failed, 2 skipped');
  });

  test('adds the Apex run: passed, failed, and unsupported as skipped', () => {
    const file = path.join(dir, 'apex.json');
    fs.writeFileSync(file, JSON.stringify({ summary: { passed: 129, failed: 2, unsupported: 3, total: 134 } }));

    expect(closingLine(file)).toBe('139 passed, 3 failed, 5 skipped');
  });

  test('counts an Apex run that left no result as a failure, never as green', () => {
    expect(closingLine(path.join(dir, 'missing.json'))).toBe('10 passed, 2 failed, 2 skipped');
  });
});
