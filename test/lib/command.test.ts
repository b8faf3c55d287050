import { UsageError } from '../../scripts/lib/cli';
import { CommandFailure, failureDocument, runCommand } from '../../scripts/lib/command';

/** Runs a command with collected streams. */
async function run(argv: string[], main: Parameters<typeof runCommand>[1], env: NodeJS.ProcessEnv = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCommand(
    argv,
    main,
    { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) },
    env
  );
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('runCommand', () => {
  it('without --json: progress and the closing text on stdout', async () => {
    const ran = await run([], async (io) => {
      io.output.write('[1/1] Working...\n');
      return { result: { count: 2 }, human: 'Done.' };
    });
    expect(ran).toEqual({ code: 0, stdout: '[1/1] Working...\nDone.\n', stderr: '' });
  });

  it("with --json: progress on stderr, and stdout is one document in the sf CLI's success shape", async () => {
    const ran = await run(['-o', 'dev', '--json'], async (io) => {
      io.output.write('[1/1] Working...\n');
      return { result: { count: 2 }, warnings: ['careful'], human: 'Done.' };
    });
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe('[1/1] Working...\n');
    expect(JSON.parse(ran.stdout)).toEqual({ status: 0, result: { count: 2 }, warnings: ['careful'] });
  });

  it("with --json: a failure in the sf CLI's error shape, with the result so far and the details", async () => {
    const ran = await run(['--json'], async () => {
      throw new CommandFailure('2 tests failed.', {
        name: 'ApexTestsFailed',
        details: ['failed: A.b'],
        result: { passed: false }
      });
    });
    expect(ran.code).toBe(1);
    expect(JSON.parse(ran.stdout)).toEqual({
      name: 'ApexTestsFailed',
      message: '2 tests failed.',
      exitCode: 1,
      status: 1,
      warnings: [],
      result: { passed: false },
      data: { details: ['failed: A.b'] }
    });
  });

  it('without --json: a failure is one error line and its details on stderr, no stack unless DEBUG', async () => {
    const fail = async () => {
      throw new CommandFailure('The deploy failed.', { details: ['ApexClass X: bad'] });
    };
    const plain = await run([], fail);
    expect(plain).toEqual({ code: 1, stdout: '', stderr: 'error: The deploy failed.\n  ApexClass X: bad\n' });
    const debug = await run([], fail, { DEBUG: '1' });
    expect(debug.stderr).toMatch(
      /^error: The deploy failed\.\n {2}ApexClass X: bad\nCommandFailure: The deploy failed\.\n\s+at /
    );
  });

  it('does not repeat a failure the steps already printed', async () => {
    const ran = await run([], async () => {
      throw new CommandFailure('printed before', { printed: true });
    });
    expect(ran).toEqual({ code: 1, stdout: '', stderr: '' });
  });

  it("with --json: a library's console.log goes to stderr, so the document stays alone on stdout", async () => {
    const ran = await run(['--json'], async () => {
      console.log('library chatter');
      return { result: null };
    });
    expect(ran.stderr).toBe('library chatter\n');
    expect(JSON.parse(ran.stdout)).toEqual({ status: 0, result: null, warnings: [] });
  });
});

describe('failureDocument', () => {
  it('keeps the sentence of a usage error and leaves the usage text to people', () => {
    expect(failureDocument(new UsageError('unknown argument "-x"\n\nUsage: tool'), {})).toEqual({
      name: 'UsageError',
      message: 'unknown argument "-x"',
      exitCode: 1,
      status: 1,
      warnings: []
    });
  });

  it('adds the stack of an unexpected error only with DEBUG', () => {
    expect(failureDocument(new Error('boom'), {})).not.toHaveProperty('stack');
    expect(failureDocument(new Error('boom'), { DEBUG: '1' }).stack).toMatch(/^Error: boom\n/);
  });
});
