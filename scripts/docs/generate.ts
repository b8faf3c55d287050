import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatUsage, parseFlags } from '../lib/args';
import { runMain, UsageError } from '../lib/cli';
import { Project } from '../validate/core/project';
import { buildMetadataReference, REFERENCE_PATH } from './metadata-reference';

const FLAGS = { help: { kind: 'boolean', description: 'print this text' } } as const;

const USAGE = formatUsage(
  'npm run docs',
  `Regenerates ${REFERENCE_PATH} from the project's metadata. Commit the result; npm run validate fails when it is stale.`,
  FLAGS
);

/**
 * Writes the metadata reference of the project at `root` and returns its path. Refuses, writing nothing, when the
 * project does not load or its package directories hold no files: the reference would be empty, and committing it
 * would erase the real one.
 */
export function writeMetadataReference(root: string): string {
  const project = new Project(root);
  if (project.loadError) {
    throw new UsageError(`the project does not load (${project.loadError}): ${REFERENCE_PATH} was not written`);
  }
  if (project.packageFiles().length === 0) {
    throw new UsageError(
      `the package directories (${project.packageDirs.join(', ')}) hold no files: ${REFERENCE_PATH} was not written`
    );
  }
  const target = join(project.root, REFERENCE_PATH);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, buildMetadataReference(project));
  return REFERENCE_PATH;
}

async function main(): Promise<number> {
  if (parseFlags(process.argv.slice(2), FLAGS, USAGE).help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  process.stdout.write(`wrote ${writeMetadataReference(process.cwd())}\n`);
  return 0;
}

if (require.main === module) {
  runMain(main);
}
