import { format } from 'node:util';
import { UsageError } from './cli';
import { Output } from './progress';

/** What a command hands back when it succeeded: the `result` of its JSON answer, and warnings. */
export interface CommandSuccess {
  result: unknown;
  warnings?: string[];
  /** The text a person reads on stdout when there is no --json (progress has gone before it). */
  human?: string;
}

/**
 * A failure the command reports itself: one sentence, detail lines, and what was found before it failed (the JSON
 * answer's `result`, e.g. a test run with failed tests). `printed` says the sentence is already on stderr (the steps
 * print their own failure), so the human output does not repeat it.
 */
export class CommandFailure extends Error {
  readonly details: string[];
  readonly result: unknown;
  readonly exitCode: number;
  readonly printed: boolean;

  constructor(
    message: string,
    options: { name?: string; details?: string[]; result?: unknown; exitCode?: number; printed?: boolean } = {}
  ) {
    super(message);
    this.name = options.name ?? 'CommandFailure';
    this.details = options.details ?? [];
    this.result = options.result;
    this.exitCode = options.exitCode ?? 1;
    this.printed = options.printed ?? false;
  }
}

/** How a command prints: progress (stderr under --json, so stdout holds only the JSON document), and its mode. */
export interface CommandIo {
  readonly json: boolean;
  readonly output: Output;
}

/** Where the finished command's text goes; tests collect it. */
export interface CommandStreams {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processStreams: CommandStreams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
};

/** The sf CLI's success document: `{ status: 0, result, warnings }`. */
export function successDocument(success: CommandSuccess): Record<string, unknown> {
  return { status: 0, result: success.result ?? null, warnings: success.warnings ?? [] };
}

/**
 * The sf CLI's failure document: `name`, `message`, `exitCode` and `status` (the same number), `warnings`, and the
 * `result` when the command got far enough to have one. Details go in `data`; the stack only with DEBUG set.
 */
export function failureDocument(cause: unknown, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const failure = cause instanceof CommandFailure ? cause : undefined;
  const exitCode = failure?.exitCode ?? 1;
  const document: Record<string, unknown> = {
    name: cause instanceof Error ? cause.name : 'Error',
    // A usage error ends with the usage text, for a person; the document keeps the sentence.
    message: (cause instanceof Error ? cause.message : String(cause)).split('\n\nUsage: ')[0],
    exitCode,
    status: exitCode,
    warnings: []
  };
  if (failure !== undefined && failure.result !== undefined) {
    document.result = failure.result;
  }
  if (failure !== undefined && failure.details.length > 0) {
    document.data = { details: failure.details };
  }
  if (env.DEBUG && cause instanceof Error && !(cause instanceof UsageError)) {
    document.stack = cause.stack;
  }
  return document;
}

/** `--json` anywhere among the arguments, as the sf CLI reads it (before any other flag, so usage errors are JSON too). */
export function wantsJson(argv: readonly string[]): boolean {
  return argv.includes('--json');
}

/**
 * Runs an org command the way the sf CLI does. Without --json: progress and the closing text on stdout, a failure as
 * `error: sentence` and its details on stderr. With --json: progress on stderr and exactly one JSON document on
 * stdout, `{ status: 0, result, warnings }` or `{ name, message, exitCode, status, ... }`. Returns the exit code.
 * Anything a library prints with console.log goes to stderr under --json, so it cannot break the document.
 */
export async function runCommand(
  argv: readonly string[],
  main: (io: CommandIo) => Promise<CommandSuccess>,
  streams: CommandStreams = processStreams,
  env: NodeJS.ProcessEnv = process.env
): Promise<number> {
  const json = wantsJson(argv);
  const output: Output = {
    write: json ? streams.stderr : streams.stdout,
    error: streams.stderr
  };
  const restoreConsole = json ? consoleToStderr(streams) : () => undefined;
  try {
    const success = await main({ json, output });
    if (json) {
      streams.stdout(`${JSON.stringify(successDocument(success), null, 2)}\n`);
    } else if (success.human !== undefined) {
      streams.stdout(success.human.endsWith('\n') ? success.human : `${success.human}\n`);
    }
    return 0;
  } catch (cause) {
    if (json) {
      streams.stdout(`${JSON.stringify(failureDocument(cause, env), null, 2)}\n`);
    } else if (!(cause instanceof CommandFailure && cause.printed)) {
      streams.stderr(`error: ${cause instanceof Error ? cause.message : String(cause)}\n`);
      for (const line of cause instanceof CommandFailure ? cause.details : []) {
        streams.stderr(`  ${line}\n`);
      }
    }
    if (!json && env.DEBUG && cause instanceof Error && !(cause instanceof UsageError)) {
      streams.stderr(`${cause.stack ?? ''}\n`);
    }
    return cause instanceof CommandFailure ? cause.exitCode : 1;
  } finally {
    restoreConsole();
  }
}

function consoleToStderr(streams: CommandStreams): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  const toStderr = (...args: unknown[]) => streams.stderr(`${format(...args)}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  return () => Object.assign(console, saved);
}

/** The script's entry point: runs the command on process.argv and sets the exit code. */
export function runCommandMain(main: (io: CommandIo) => Promise<CommandSuccess>): void {
  // Node prints a warning with a second line of advice; libraries' warnings (e.g. "insecure protocol") get one.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => process.stderr.write(`warning: ${warning.message}\n`));
  void runCommand(process.argv.slice(2), main).then((exitCode) => {
    process.exitCode = exitCode;
  });
}
