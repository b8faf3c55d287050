import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatUsage, parseFlags } from '../lib/args';
import { runMain, UsageError } from '../lib/cli';
import { RunCache } from './core/cache';
import { changedFocus } from './core/changed';
import { Project } from './core/project';
import { Check } from './core/types';
import { CheckReport, GateReport, runGate } from './gate';
import { formatGithubAnnotations } from './output/github';
import { formatJson } from './output/json';
import { formatSarif } from './output/sarif';
import { formatText, plural } from './output/text';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const FLAGS = {
  only: {
    kind: 'list',
    valueName: 'ID,ID',
    description: 'run only these checks, ids in any letter case (--help lists them)'
  },
  'deploy-only': {
    kind: 'boolean',
    description: 'run only the deploy-fact checks (what the platform would reject), not the house policy'
  },
  root: {
    kind: 'string',
    valueName: 'DIR',
    description: 'validate the SFDX project in DIR instead of the current one'
  },
  changed: {
    kind: 'boolean',
    description:
      'look at the files changed against git HEAD; checks of the whole project (apex-types) run again or come from the cache'
  },
  'no-cache': {
    kind: 'boolean',
    description: 'run every check even when nothing it reads changed since the last run'
  },
  format: {
    kind: 'string',
    valueName: 'FORMAT',
    description: 'text (default), json or sarif (SARIF 2.1.0) on stdout; progress always goes to stderr'
  },
  help: { kind: 'boolean', description: 'print this text' }
} as const;

const USAGE = formatUsage(
  'npm run validate -- [--only ID,ID] [--deploy-only] [--changed] [--no-cache] [--root DIR] [--format text|json|sarif]',
  "Runs the project's offline quality gate and exits non-zero on any error. With GITHUB_ACTIONS=true it also " +
    'prints ::error annotations.',
  FLAGS
);

interface Options {
  only: string[] | undefined;
  deployOnly: boolean;
  changed: boolean;
  cache: boolean;
  root: string;
  format: Format;
  help: boolean;
}

/**
 * The checks, loaded on first use: their libraries take seconds to load, and a run where nothing changed needs none
 * of them (RunCache).
 */
function allChecks(): Check[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./checks') as typeof import('./checks')).ALL_CHECKS;
}

function checkIdList(): string {
  return `ids: ${allChecks()
    .map((check) => check.id)
    .join(', ')}`;
}

export function parseArgs(argv: string[]): Options {
  const flags = parseFlags(argv, FLAGS, USAGE);
  const byLowerCase = new Map(
    flags.only.length > 0 ? allChecks().map((check) => [check.id.toLowerCase(), check.id]) : []
  );
  const unknown = flags.only.filter((id) => !byLowerCase.has(id.toLowerCase()));
  if (unknown.length > 0) {
    throw new UsageError(`unknown check id: ${unknown.join(', ')} (${checkIdList()})\n\n${USAGE}`);
  }
  const format = (flags.format ?? 'text').toLowerCase();
  if (!FORMATS.includes(format as Format)) {
    throw new UsageError(`unknown --format "${flags.format}": use ${FORMATS.join(', ')}`);
  }
  return {
    only: flags.only.length > 0 ? flags.only.map((id) => byLowerCase.get(id.toLowerCase()) as string) : undefined,
    deployOnly: flags['deploy-only'],
    changed: flags.changed,
    cache: !flags['no-cache'],
    root: resolve(flags.root ?? process.cwd()),
    format: format as Format,
    help: flags.help
  };
}

/** A folder without sfdx-project.json is no SFDX project: one line, before any check runs. */
export function assertSfdxProject(root: string): void {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`${root} is not a folder`);
  }
  if (!existsSync(join(root, 'sfdx-project.json'))) {
    throw new UsageError(`${root} is not an SFDX project: it has no sfdx-project.json`);
  }
}

/** What goes to stdout for the chosen format. */
export function render(report: GateReport, format: Format): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, gateVersion());
    case 'text':
      return formatText(report);
  }
}

function gateVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return manifest.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function progressLine(report: CheckReport, done: number, total: number): string {
  const errors = plural(report.problems.filter((problem) => problem.severity === 'error').length, 'error');
  const result = report.skipped
    ? `skipped (${report.skipped})`
    : `${errors} ${report.cached ? '(cached)' : `in ${report.seconds.toFixed(1)} s`}`;
  return `validate: [${done}/${total}] ${report.id}: ${result}\n`;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n\nChecks (${checkIdList()})\n`);
    return 0;
  }
  assertSfdxProject(options.root);
  const started = Date.now();
  const runCache =
    options.cache && !options.changed
      ? new RunCache<GateReport>(new Project(options.root), JSON.stringify([options.only ?? [], options.deployOnly]))
      : undefined;
  const unchanged = runCache?.lookup();
  if (unchanged) {
    process.stderr.write('validate: nothing changed since the last run with these options: its report follows\n');
    const report: GateReport = {
      ...unchanged,
      seconds: (Date.now() - started) / 1000,
      checks: unchanged.checks.map((check) => (check.skipped ? check : { ...check, cached: true }))
    };
    return finish(report, options.format);
  }
  const ALL_CHECKS = allChecks();
  const checks = options.only ? ALL_CHECKS.filter((check) => options.only?.includes(check.id)) : ALL_CHECKS;
  const focus = options.changed ? await changedFocus(options.root) : undefined;
  const scope = focus ? ` (--changed: ${plural(focus.size, 'file')} in focus)` : '';
  process.stderr.write(`validate: running ${plural(checks.length, 'check')} on ${options.root}${scope}\n`);
  const report = await runGate(
    options.root,
    checks,
    {
      deployOnly: options.deployOnly,
      cache: options.cache,
      focus,
      onCheckDone: (check, done, total) => process.stderr.write(progressLine(check, done, total))
    },
    ALL_CHECKS
  );
  // A report that says a tool could not run (no Java, a crash) depends on the machine: run again next time.
  if (runCache && !report.checks.some((check) => check.problems.some((problem) => problem.file === '.'))) {
    runCache.store(report);
  }
  return finish(report, options.format);
}

function finish(report: GateReport, format: Format): number {
  process.stdout.write(`${render(report, format)}\n`);
  if (process.env.GITHUB_ACTIONS === 'true') {
    const annotations = formatGithubAnnotations(report);
    // The runner reads workflow commands on stdout and stderr; stderr keeps a json or sarif stdout parseable.
    if (annotations) {
      (format === 'text' ? process.stdout : process.stderr).write(`${annotations}\n`);
    }
  }
  return report.errorCount > 0 ? 1 : 0;
}

if (require.main === module) {
  runMain(main);
}
