import { deployedComponentCount, describeDeployProblems, parseSfJson } from '../../scripts/lib/sf-cli';

const run = (stdout: string, code = 0, stderr = '') => parseSfJson({ code, stdout, stderr });

describe('parseSfJson', () => {
  it('reads a successful result', () => {
    expect(run(JSON.stringify({ status: 0, result: { username: 'test-x@example.com' }, warnings: ['w'] }))).toEqual({
      ok: true,
      result: { username: 'test-x@example.com' },
      warnings: ['w']
    });
  });

  it('reads a failed command as its name and message, never its stack', () => {
    const outcome = run(
      JSON.stringify({
        status: 1,
        name: 'NoDefaultDevHubError',
        message: 'No default dev hub found.',
        stack: 'at x (y.js:1)'
      }),
      1
    );
    expect(outcome).toEqual({
      ok: false,
      name: 'NoDefaultDevHubError',
      message: 'No default dev hub found.',
      result: undefined
    });
  });

  it('keeps the result of a deploy that finished with failures', () => {
    const outcome = run(JSON.stringify({ status: 1, result: { status: 'Failed', success: false } }), 1);
    expect(outcome).toMatchObject({
      ok: false,
      message: 'the command ended with status 1',
      result: { status: 'Failed' }
    });
  });

  it('finds the JSON after warnings that were printed before it', () => {
    expect(run(`Warning: something\n${JSON.stringify({ status: 0, result: 1 })}`)).toMatchObject({
      ok: true,
      result: 1
    });
  });

  it('reports a crash without JSON with its first line', () => {
    expect(run('', 127, '\nnode: not found\nmore')).toEqual({
      ok: false,
      name: 'SfCliError',
      message: 'the sf CLI ended with exit code 127 and printed no JSON: node: not found',
      result: undefined
    });
  });
});

describe('describeDeployProblems', () => {
  it('lists component errors with file and line, failed tests and coverage warnings', () => {
    const result = {
      details: {
        componentFailures: [
          {
            componentType: 'CustomField',
            fullName: 'Order.ON_Status__c',
            problem: 'Field Status does not exist.',
            fileName: 'force-app/x/ON_Status__c.field-meta.xml',
            lineNumber: 4
          },
          { componentType: 'ApexClass', fullName: 'Broken', problem: 'Unexpected token' }
        ],
        runTestResult: {
          failures: { name: 'OrderApprovalFlow_Tests', methodName: 'approves', message: 'Assertion failed' },
          codeCoverageWarnings: [{ name: 'Publisher', message: 'Test coverage of selected Apex Class is 50%' }]
        }
      }
    };
    expect(describeDeployProblems(result)).toEqual([
      'CustomField Order.ON_Status__c: Field Status does not exist. (force-app/x/ON_Status__c.field-meta.xml:4)',
      'ApexClass Broken: Unexpected token',
      'test OrderApprovalFlow_Tests.approves failed: Assertion failed',
      'coverage Publisher: Test coverage of selected Apex Class is 50%'
    ]);
  });

  it('falls back to the failed files when there are no details, and caps the list', () => {
    const files = Array.from({ length: 30 }, (_, index) => ({
      state: 'Failed',
      type: 'ApexClass',
      fullName: `C${index}`,
      error: 'bad',
      filePath: `c${index}.cls`
    }));
    const lines = describeDeployProblems({ files }, 3);
    expect(lines).toEqual([
      'ApexClass C0: bad (c0.cls)',
      'ApexClass C1: bad (c1.cls)',
      'ApexClass C2: bad (c2.cls)',
      '… and 27 more'
    ]);
  });

  it('counts deployed components', () => {
    expect(deployedComponentCount({ files: [{}, {}, {}] })).toBe(3);
    expect(deployedComponentCount({ numberComponentsDeployed: 7, files: [] })).toBe(7);
    expect(deployedComponentCount('nothing')).toBeUndefined();
  });
});
