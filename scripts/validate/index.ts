import { resolve } from 'node:path';
import { runMain, UsageError } from '../lib/cli';
import { ALL_CHECKS } from './checks';
import { formatReport, runGate } from './gate';

const USAGE = `Usage: npm run validate -- [--only ID[,ID...]] [--root DIR]

Runs the project's offline quality gate and exits non-zero on any error.
  --only ID,...  run only these checks (ids: ${ALL_CHECKS.map((check) => check.id).join(', ')})
  --root DIR     validate the SFDX project in DIR instead of the current directory
  --help         print this text`;

interface Options {
  only: string[] | undefined;
  root: string;
  help: boolean;
}

export function parseArgs(argv: string[]): Options {
  const options: Options = { only: undefined, root: process.cwd(), help: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const value = (): string => {
      const next = argv[++index];
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(`${arg} needs a value\n\n${USAGE}`);
      }
      return next;
    };
    if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else if (arg === '--only') {
      options.only = value()
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
    } else if (arg === '--root') {
      options.root = resolve(value());
    } else {
      throw new UsageError(`unknown argument "${arg}"\n\n${USAGE}`);
    }
  }
  const unknown = (options.only ?? []).filter((id) => !ALL_CHECKS.some((check) => check.id === id));
  if (unknown.length > 0) {
    throw new UsageError(`unknown check id: ${unknown.join(', ')}\n\n${USAGE}`);
  }
  return options;
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
