import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, delimiter, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatUsage, parseFlags } from '../lib/args';
import { runMain, UsageError } from '../lib/cli';
import { projectCacheDir } from './core/cache';
import { Project } from './core/project';
import { assertSfdxProject } from './index';

const FLAGS = {
  root: { kind: 'string', valueName: 'DIR', description: 'the SFDX project to measure (default: this one)' },
  runs: {
    kind: 'string',
    valueName: 'N',
    description: 'measure N rounds, each on a fresh copy, and print the medians (default 1; a shared machine is noisy)'
  },
  help: { kind: 'boolean', description: 'print this text' }
} as const;

const USAGE = formatUsage(
  'npm run bench:validate -- [--root DIR] [--runs N]',
  'Times npm run validate on a throw-away git copy of the project: cold (empty cache), warm (nothing changed) and ' +
    '--changed after a one-class change. The project itself is never written to.',
  FLAGS
);

const REPO = join(__dirname, '..', '..');
/** Files that are no part of a run: installed packages, VCS data, CLI state. */
const LEFT_OUT = new Set(['node_modules', '.git', '.sf', '.sfdx', 'coverage']);

export interface Timing {
  run: string;
  seconds: number;
  exitCode: number;
  verdict: string;
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2), FLAGS, USAGE);
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const source = resolve(flags.root ?? process.cwd());
  assertSfdxProject(source);
  const runs = Number(flags.runs ?? '1');
  if (!Number.isInteger(runs) || runs < 1) {
    throw new UsageError(`--runs takes a whole number of rounds, 1 or more, not "${flags.runs}"`);
  }
  const rounds: Timing[][] = [];
  for (let round = 1; round <= runs; round++) {
    const timings = benchOnce(source);
    rounds.push(timings);
    process.stdout.write(`${formatRound(source, timings, runs > 1 ? `round ${round} of ${runs}, ` : '')}\n`);
  }
  if (runs > 1) {
    process.stdout.write(`${formatMedians(rounds)}\n`);
  }
  return 0;
}

/** Cold, warm and --changed on a fresh git copy of `source` (and a cache of its own), removed afterwards. */
function benchOnce(source: string): Timing[] {
  const copy = mkdtempSync(join(tmpdir(), `bench-${basename(source)}-`));
  try {
    cpSync(source, copy, { recursive: true, filter: (path) => !LEFT_OUT.has(basename(path)) });
    // The project's own tools (its ESLint config's plugins) resolve from its node_modules: link, never copy.
    if (existsSync(join(source, 'node_modules'))) {
      symlinkSync(join(source, 'node_modules'), join(copy, 'node_modules'), 'dir');
    }
    git(copy, 'init', '-q');
    git(copy, 'add', '-A');
    git(copy, 'commit', '-qm', 'bench');
    const apexClass = new Project(copy).packageFilesEndingWith('.cls')[0];
    if (!apexClass) {
      throw new UsageError(`${source} has no Apex class to change for the --changed run`);
    }
    const timings = [timeValidate(copy, 'cold (empty cache)', []), timeValidate(copy, 'warm (nothing changed)', [])];
    writeFileSync(join(copy, apexClass), withMethodAdded(readFileSync(join(copy, apexClass), 'utf8')));
    timings.push(timeValidate(copy, `--changed (a method added to ${basename(apexClass)})`, ['--changed']));
    return timings;
  } finally {
    rmSync(copy, { recursive: true, force: true });
    rmSync(projectCacheDir(copy), { recursive: true, force: true });
  }
}

/**
 * The one-class edit of the `--changed` run: a private method added before the class's last brace, a code change that
 * the compiler (apex-types), PMD and the formatter must look at again, that moves no line above it.
 */
export function withMethodAdded(source: string): string {
  const end = source.lastIndexOf('}');
  if (end < 0) {
    throw new UsageError('the Apex class chosen for the --changed run has no closing brace');
  }
  const method = '\n    private static Integer benchEdited() {\n        return 1;\n    }\n';
  return `${source.slice(0, end).trimEnd()}\n${method}${source.slice(end)}`;
}

/**
 * One `npm run validate` as a user runs it: a new process with the command line of package.json's `validate` script
 * (so the ts-node flags cannot drift from what users run), Node 22 from the install first on PATH, timed.
 */
function timeValidate(root: string, run: string, args: string[]): Timing {
  process.stderr.write(`bench: ${run}...\n`);
  const [command, ...scriptArgs] = validateCommandLine();
  const started = performance.now();
  const result = spawnSync(join(REPO, 'node_modules', '.bin', command), [...scriptArgs, '--root', root, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(REPO, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` }
  });
  const seconds = (performance.now() - started) / 1000;
  const verdict = result.stdout.trim().split('\n').pop() ?? '';
  return { run, seconds, exitCode: result.status ?? 1, verdict };
}

/** package.json's `validate` script, split into words (it is a plain `ts-node FLAGS scripts/validate/index.ts`). */
export function validateCommandLine(): string[] {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = manifest.scripts?.validate;
  if (!script || /[|&;<>$`"']/.test(script)) {
    throw new UsageError(`package.json's validate script is not a plain command line: ${script ?? 'missing'}`);
  }
  return script.trim().split(/\s+/);
}

function formatRound(source: string, timings: Timing[], label: string): string {
  const [cold, warm, changed] = timings;
  const width = Math.max(...timings.map((timing) => timing.run.length));
  const load = loadavg()[0].toFixed(1);
  return [
    `npm run validate on ${source} (${label}a git copy; wall seconds of the whole process; load average ${load})`,
    ...timings.map(
      (timing) => `  ${timing.run.padEnd(width)}  ${timing.seconds.toFixed(1).padStart(6)} s   ${timing.verdict}`
    ),
    `  warm: ${warm.seconds.toFixed(1)} s (target under 3 s); --changed: ${percent(changed.seconds / cold.seconds)} of cold (target under 20%)`
  ].join('\n');
}

/** The median of each run over the rounds, and the median of the rounds' --changed/cold ratios (steadier under load). */
export function formatMedians(rounds: Timing[][]): string {
  const seconds = (index: number): string => `${median(rounds.map((timings) => timings[index].seconds)).toFixed(1)} s`;
  const ratios = rounds.map(([cold, , changed]) => changed.seconds / cold.seconds);
  return (
    `medians of ${rounds.length} rounds: cold ${seconds(0)}, warm ${seconds(1)}, --changed ${seconds(2)}; ` +
    `--changed/cold ${percent(median(ratios))} (${percent(Math.min(...ratios))}-${percent(Math.max(...ratios))})`
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(0)}%`;
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', ...args], {
    cwd,
    encoding: 'utf8'
  });
  if (result.status !== 0) {
    throw new Error(`git ${args[0]} failed: ${result.stderr.trim()}`);
  }
}

if (require.main === module) {
  runMain(main);
}
