import { runCommand } from '../../lib/run-command';
import { UsageError } from '../../lib/cli';

/**
 * `--changed`: the project files that differ from git's HEAD (modified, added, deleted or untracked, .gitignore
 * applied). The checks that look only at these (focus-aware: Prettier, PMD, the Apex parser, the XML types) judge each
 * file by itself, so a file that merely uses a changed class gets the same verdict as before. What a change can break
 * elsewhere is found by the checks that always read the whole project: apex-types compiles every class (a caller of a
 * renamed method), and the reference checks run again whenever what they read changed.
 */
export async function changedFocus(root: string): Promise<Set<string>> {
  const git = async (...args: string[]): Promise<string[]> => {
    const result = await runCommand('git', ['-C', root, ...args], { cwd: root });
    if (result.code !== 0) {
      throw new UsageError(`--changed needs a git repository with a commit: git ${args[0]} failed in ${root}`);
    }
    return result.stdout.split('\n').filter(Boolean);
  };
  return new Set([
    ...(await git('diff', '--name-only', '--relative', 'HEAD')),
    ...(await git('ls-files', '--others', '--exclude-standard'))
  ]);
}
