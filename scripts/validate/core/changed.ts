import { basename } from 'node:path';
import { runCommand } from '../../lib/run-command';
import { UsageError } from '../../lib/cli';
import { Project } from './project';

/**
 * `--changed`: the project files that differ from git's HEAD (modified, added, deleted or untracked, .gitignore
 * applied), plus the Apex classes and triggers that name a changed class: they may stop compiling with it.
 */
export async function changedFocus(root: string): Promise<Set<string>> {
  const git = async (...args: string[]): Promise<string[]> => {
    const result = await runCommand('git', ['-C', root, ...args], { cwd: root });
    if (result.code !== 0) {
      throw new UsageError(`--changed needs a git repository with a commit: git ${args[0]} failed in ${root}`);
    }
    return result.stdout.split('\n').filter(Boolean);
  };
  const changed = new Set([
    ...(await git('diff', '--name-only', '--relative', 'HEAD')),
    ...(await git('ls-files', '--others', '--exclude-standard'))
  ]);
  for (const dependent of apexDependents(new Project(root), changed)) {
    changed.add(dependent);
  }
  return changed;
}

/** Apex sources that mention a changed class or trigger by name (a word match: over-inclusive, never blind). */
export function apexDependents(project: Project, changed: ReadonlySet<string>): string[] {
  const names = [...changed]
    .filter((file) => /\.(cls|trigger)(-meta\.xml)?$/.test(file))
    .map((file) => basename(file).replace(/\.(cls|trigger)(-meta\.xml)?$/, ''));
  if (names.length === 0) {
    return [];
  }
  const mentions = new RegExp(`\\b(${names.map(escapeRegExp).join('|')})\\b`, 'i');
  return project
    .packageFilesEndingWith('.cls', '.trigger')
    .filter((file) => !changed.has(file) && mentions.test(project.read(file)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
