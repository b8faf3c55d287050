import { resolve } from 'node:path';
import { formatUsage, parseFlags } from '../lib/args';
import { runMain, UsageError } from '../lib/cli';
import { ALL_CHECKS } from './checks';
import { formatReport, runGate } from './gate';

const FLAGS = {
  only: {
    kind: 'list',
    valueName: 'ID,ID',
    description: `run only these checks (ids: ${ALL_CHECKS.map((check) => check.id).join(', ')})`
  },
  root: {
    kind: 'string',
    valueName: 'DIR',
    description: 'validate the SFDX project in DIR instead of the current one'
  },
  help: { kind: 'boolean', description: 'print this text' }
} as const;

const USAGE = formatUsage(
  'npm run validate -- [--only ID,ID] [--root DIR]',
  "Runs the project's offline quality gate and exits non-zero on any error.",
  FLAGS
);

interface Options {
  only: string[] | undefined;
  root: string;
  help: boolean;
}

export function parseArgs(argv: string[]): Options {
  const flags = parseFlags(argv, FLAGS, USAGE);
  const unknown = flags.only.filter((id) => !ALL_CHECKS.some((check) => check.id === id));
  if (unknown.length > 0) {
    throw new UsageError(`unknown check id: ${unknown.join(', ')}\n\n${USAGE}`);
  }
  return {
    only: flags.only.length > 0 ? flags.only : undefined,
    root: resolve(flags.root ?? process.cwd()),
    help: flags.help
  };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const checks = options.only ? ALL_CHECKS.filter((check) => options.only?.includes(check.id)) : ALL_CHECKS;
  const report = await runGate(options.root, checks);
  process.stdout.write(`${formatReport(report)}\n`);
  return report.errorCount > 0 ? 1 : 0;
}

if (require.main === module) {
  runMain(main);
}
