import { existsSync } from 'node:fs';
import { runCommand } from '../../lib/run-command';
import { Check, CheckOutcome, error, Problem } from '../core/types';
import { Project } from '../core/project';

/** The compiler of the gate's own TypeScript install (pinned in package.json). */
const TSC = require.resolve('typescript/bin/tsc');

/** `tsc --noEmit` over the project's tsconfig.json (strict): the scripts and their tests must type-check. */
export const typescriptCheck: Check = {
  id: 'typescript',
  title: 'scripts and their tests type-check with tsc --noEmit (strict)',
  basis: 'house-policy',
  runsWithoutProject: true,
  async run(project: Project): Promise<CheckOutcome> {
    const files = [...project.filesUnder('scripts'), ...project.filesUnder('test')].filter(
      (file) => file.endsWith('.ts') && !file.startsWith('test/fixtures/')
    );
    if (!existsSync(project.abs('tsconfig.json'))) {
      return {
        filesSeen: files.length,
        problems:
          files.length > 0 ? [error('tsconfig.json', 'missing: the TypeScript scripts cannot be type-checked')] : []
      };
    }
    const result = await runCommand(process.execPath, [TSC, '--noEmit', '--pretty', 'false', '-p', 'tsconfig.json'], {
      cwd: project.root
    });
    return { filesSeen: files.length, problems: parseTscOutput(result.stdout + result.stderr, result.code) };
  }
};

/** Reads `file(line,col): error TSnnnn: message` lines; any other failure output becomes one error. */
export function parseTscOutput(output: string, exitCode: number): Problem[] {
  const problems: Problem[] = [];
  for (const line of output.split('\n')) {
    const match = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line.trim());
    if (match) {
      problems.push(error(match[1].replace(/\\/g, '/'), `${match[4]} (${match[3]})`, Number(match[2])));
    } else if (/^error TS\d+:/.test(line.trim())) {
      problems.push(error('tsconfig.json', line.trim()));
    }
  }
  if (exitCode !== 0 && problems.length === 0) {
    problems.push(error('tsconfig.json', `tsc failed without a diagnostic: ${output.trim().slice(0, 300)}`));
  }
  return problems;
}
