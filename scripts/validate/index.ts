import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatUsage, parseFlags } from '../lib/args';
import { runMain, UsageError } from '../lib/cli';
import { ALL_CHECKS } from './checks';
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
    description: `run only these checks, any letter case (ids: ${ALL_CHECKS.map((check) => check.id).join(', ')})`
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
  format: {
    kind: 'string',
    valueName: 'FORMAT',
    description: 'text (default), json or sarif (SARIF 2.1.0) on stdout; progress always goes to stderr'
  },
  help: { kind: 'boolean', description: 'print this text' }
} as const;

const USAGE = formatUsage(
  'npm run validate -- [--only ID,ID] [--deploy-only] [--root DIR] [--format text|json|sarif]',
  "Runs the project's offline quality gate and exits non-zero on any error. With GITHUB_ACTIONS=true it also " +
    'prints ::error annotations.',
  FLAGS
);

interface Options {
  only: string[] | undefined;
  deployOnly: boolean;
  root: string;
  format: Format;
  help: boolean;
}

export function parseArgs(argv: string[]): Options {
  const flags = parseFlags(argv, FLAGS, USAGE);
  const byLowerCase = new Map(ALL_CHECKS.map((check) => [check.id.toLowerCase(), check.id]));
  const unknown = flags.only.filter((id) => !byLowerCase.has(id.toLowerCase()));
  if (unknown.length > 0) {
    throw new UsageError(`unknown check id: ${unknown.join(', ')}\n\n${USAGE}`);
  }
  const format = (flags.format ?? 'text').toLowerCase();
  if (!FORMATS.includes(format as Format)) {
    throw new UsageError(`unknown --format "${flags.format}": use ${FORMATS.join(', ')}`);
  }
  return {
    only: flags.only.length > 0 ? flags.only.map((id) => byLowerCase.get(id.toLowerCase()) as string) : undefined,
    deployOnly: flags['deploy-only'],
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
  const result = report.skipped
    ? `skipped (${report.skipped})`
    : `${plural(report.problems.filter((problem) => problem.severity === 'error').length, 'error')} in ${report.seconds.toFixed(1)} s`;
  return `validate: [${done}/${total}] ${report.id}: ${result}\n`;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  assertSfdxProject(options.root);
  const checks = options.only ? ALL_CHECKS.filter((check) => options.only?.includes(check.id)) : ALL_CHECKS;
  process.stderr.write(`validate: running ${plural(checks.length, 'check')} on ${options.root}\n`);
  const report = await runGate(
    options.root,
    checks,
    {
      deployOnly: options.deployOnly,
      onCheckDone: (check, done, total) => process.stderr.write(progressLine(check, done, total))
    },
    ALL_CHECKS
  );
  process.stdout.write(`${render(report, options.format)}\n`);
  if (process.env.GITHUB_ACTIONS === 'true') {
    const annotations = formatGithubAnnotations(report);
    // The runner reads workflow commands on stdout and stderr; stderr keeps a json or sarif stdout parseable.
    if (annotations) {
      (options.format === 'text' ? process.stdout : process.stderr).write(`${annotations}\n`);
    }
  }
  return report.errorCount > 0 ? 1 : 0;
}

if (require.main === module) {
  runMain(main);
}
