import { Clock, systemClock } from './wait-for';

/** Where progress (stdout) and failures (stderr) are printed; tests collect both. */
export interface Output {
  write(text: string): void;
  error(text: string): void;
}

export const standardOutput: Output = {
  write: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text)
};

/** A failed step: one sentence, and optional detail lines (e.g. the deploy's component errors). */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly details: string[] = []
  ) {
    super(message);
    this.name = 'StepFailure';
  }
}

/** What a finished step reports: a short note after "done", detail lines below it, lines for the final summary. */
export interface StepReport {
  note?: string;
  details?: string[];
  summary?: string[];
  skipped?: boolean;
}

export interface Step<C> {
  title: string;
  run(context: C): Promise<StepReport>;
}

/** How one step ended, for the JSON result. */
export interface StepRecord {
  title: string;
  status: 'done' | 'skipped' | 'failed';
  note?: string;
}

export interface StepsOutcome {
  ok: boolean;
  summary: string[];
  steps: StepRecord[];
  /** The failed step's sentence and details (already printed on the error stream). */
  failure?: { message: string; details: string[] };
}

/** "1.2 s", "2 min 05 s". */
export function formatDuration(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  if (seconds < 60) {
    return `${seconds.toFixed(1)} s`;
  }
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}

/**
 * Runs the steps in order with numbered progress (`[3/6] Seeding data...`) and stops at the first failure: its
 * sentence goes on an `error:` line, its details indented below. Any other error is unexpected and is printed the
 * same way (message only), so the user never sees a stack trace.
 */
export async function runSteps<C>(
  steps: Step<C>[],
  context: C,
  output: Output = standardOutput,
  clock: Clock = systemClock
): Promise<StepsOutcome> {
  const summary: string[] = [];
  const records: StepRecord[] = [];
  for (const [index, step] of steps.entries()) {
    output.write(`[${index + 1}/${steps.length}] ${step.title}...\n`);
    const started = clock.now();
    try {
      const report = await step.run(context);
      const took = formatDuration(clock.now() - started);
      const state = report.skipped ? 'skipped' : `done in ${took}`;
      output.write(`      ${state}${report.note ? `: ${report.note}` : ''}\n`);
      for (const line of report.details ?? []) {
        output.write(`        ${line}\n`);
      }
      summary.push(...(report.summary ?? []));
      records.push({ title: step.title, status: report.skipped ? 'skipped' : 'done', note: report.note });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const details = cause instanceof StepFailure ? cause.details : [];
      output.write(`      failed after ${formatDuration(clock.now() - started)}\n`);
      output.error(`error: ${message}\n`);
      for (const line of details) {
        output.error(`  ${line}\n`);
      }
      records.push({ title: step.title, status: 'failed', note: message });
      return { ok: false, summary, steps: records, failure: { message, details } };
    }
  }
  return { ok: true, summary, steps: records };
}

/** The closing summary: a heading and aligned `label: value` lines. */
export function formatSummary(title: string, lines: string[]): string {
  return [``, title, ...lines.map((line) => `  ${line}`), ''].join('\n');
}
