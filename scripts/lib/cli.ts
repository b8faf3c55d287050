/** An expected failure (bad input, missing tool or variable): printed as one sentence, without a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Runs a script's main function and turns every failure into one line on stderr and exit code 1.
 * Unexpected errors still print their message only; set DEBUG=1 to see the stack.
 */
export function runMain(main: () => Promise<number>): void {
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
