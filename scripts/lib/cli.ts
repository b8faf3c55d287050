/** An expected failure (bad input, missing tool or variable): printed as one sentence, without a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Runs a script's main function and turns every failure into one line on stderr and exit code 1.
 * Unexpected errors still print their message only; set DEBUG=1 to see the stack. With `oneLineWarnings`, process
 * warnings are printed as one line each.
 */
export function runMain(main: () => Promise<number>, options: { oneLineWarnings?: boolean } = {}): void {
  if (options.oneLineWarnings) {
    // Node prints a warning with a second line of advice; libraries' warnings (e.g. "insecure protocol") get one.
    process.removeAllListeners('warning');
    process.on('warning', (warning) => process.stderr.write(`warning: ${warning.message}\n`));
  }
  main().then(
    (exitCode) => {
      process.exitCode = exitCode;
    },
    (cause: unknown) => {
      const message = cause instanceof Error ? cause.message : String(cause);
      process.stderr.write(`error: ${message}\n`);
      if (process.env.DEBUG && cause instanceof Error && !(cause instanceof UsageError)) {
        process.stderr.write(`${cause.stack ?? ''}\n`);
      }
      process.exitCode = 1;
    }
  );
}
