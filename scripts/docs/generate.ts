import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runMain, UsageError } from '../lib/cli';
import { Project } from '../validate/core/project';
import { buildMetadataReference, REFERENCE_PATH } from './metadata-reference';

const USAGE = `Usage: npm run docs

Regenerates ${REFERENCE_PATH} from the project's metadata. Commit the result; npm run validate fails when it is stale.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.length > 0) {
    throw new UsageError(`unknown argument "${args[0]}"\n\n${USAGE}`);
  }
  const project = new Project(process.cwd());
  const target = join(project.root, REFERENCE_PATH);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, buildMetadataReference(project));
  process.stdout.write(`wrote ${REFERENCE_PATH}\n`);
  return 0;
}

runMain(main);
