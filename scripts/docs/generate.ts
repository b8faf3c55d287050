import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatUsage, parseFlags } from '../lib/args';
import { runMain } from '../lib/cli';
import { Project } from '../validate/core/project';
import { buildMetadataReference, REFERENCE_PATH } from './metadata-reference';

const FLAGS = { help: { kind: 'boolean', description: 'print this text' } } as const;

const USAGE = formatUsage(
  'npm run docs',
  `Regenerates ${REFERENCE_PATH} from the project's metadata. Commit the result; npm run validate fails when it is stale.`,
  FLAGS
);

async function main(): Promise<number> {
  if (parseFlags(process.argv.slice(2), FLAGS, USAGE).help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const project = new Project(process.cwd());
  const target = join(project.root, REFERENCE_PATH);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, buildMetadataReference(project));
  process.stdout.write(`wrote ${REFERENCE_PATH}\n`);
  return 0;
}

runMain(main);
