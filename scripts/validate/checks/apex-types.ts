import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CommandResult, runCommand } from '../../lib/run-command';
import { classDataSharing, findJava, JAVA_MISSING_MESSAGE, javaLibClasspath, SHORT_RUN_JVM_FLAGS } from '../apex/java';
import { isStandardLibraryGap } from '../apex/apex-ls-gaps';
import { apexSourceFiles, toProjectPath } from '../apex/sources';
import { withOrgSeverity } from '../apex/compile-facts';
import { Project } from '../core/project';
import { Check, error, missingMetaFile, Problem, warning } from '../core/types';
import { WELL_FORMED_METADATA } from './metadata-xml';
import { packageInputs } from '../core/cache';

/**
 * apex-ls's exit codes (CheckForIssues.scala): 0 no error-level issue, 4 at least one, 1 bad arguments,
 * 3 an exception inside apex-ls.
 */
const EXIT_OK = 0;
const EXIT_ISSUES = 4;

/**
 * What each apex-ls diagnostic category means, and whether it fails the gate. apex-ls itself counts Syntax, Error
 * and Missing as errors (`DiagnosticCategory.isErrorType`); Warning is reported only. Unused needs `-d unused`,
 * which the check does not ask for (apex-ls counts test-only references as unused, so it would flag every class
 * that only its tests call yet).
 */
const CATEGORIES: Record<string, { severity: Problem['severity']; hint: string }> = {
  Syntax: { severity: 'error', hint: 'the file does not parse' },
  Error: { severity: 'error', hint: 'the compiler or the deploy would reject this' },
  Missing: {
    severity: 'error',
    hint: 'this names a type, method, field or label the project does not define: fix the name or add the metadata'
  },
  Warning: { severity: 'warning', hint: 'likely a mistake, but it compiles' }
};

/** apex-ls's words for a class or trigger without its -meta.xml: "Type 'X' is defined, but meta file is missing". */
const META_FILE_MISSING = /is defined, but meta file is missing/;

/** apex-ls's JSON report (`-f json`). */
interface ApexLsReport {
  files: Array<{
    path: string;
    messages: Array<{ start: { line: number }; category: string; message: string }>;
  }>;
}

/**
 * Apex semantics, offline: apex-ls (the type checker inside the PMD engine's jars) loads the project from
 * sfdx-project.json with its custom objects and fields and the standard SObjects, and reports what would not
 * compile: type errors, unknown methods, fields, types and labels.
 */
export const apexTypesCheck: Check = {
  id: 'apex-types',
  title: 'Apex compiles against the project metadata and standard SObjects (apex-ls)',
  basis: 'deploy-fact',
  inputs: packageInputs,
  prerequisites: ['apex-syntax', WELL_FORMED_METADATA],
  startsEarly: true,
  async run(project) {
    const files = apexSourceFiles(project);
    if (files.length === 0) {
      return { filesSeen: 0, problems: [] };
    }
    const java = findJava();
    if (!java) {
      return { filesSeen: files.length, problems: [error('.', JAVA_MISSING_MESSAGE)] };
    }
    const sharing = project.toolCacheDir ? classDataSharing(java, project.toolCacheDir, 'apex-ls') : undefined;
    const apexLs = (jvmFlags: string[]): Promise<CommandResult> =>
      runCommand(
        java,
        [
          ...SHORT_RUN_JVM_FLAGS,
          ...jvmFlags,
          '-cp',
          javaLibClasspath(),
          'io.github.apexdevtools.apexls.CheckForIssues',
          ...apexLsCacheArgs(project),
          '-w',
          project.root,
          '-d',
          'warnings',
          '-f',
          'json'
        ],
        { cwd: project.root }
      );
    const finished = (result: CommandResult): boolean => result.code === EXIT_OK || result.code === EXIT_ISSUES;
    let result = await apexLs(sharing?.flags ?? []);
    sharing?.done(finished(result));
    if (sharing && !finished(result)) {
      // The class-data archive only saves time: a JVM that fails with it gets a second chance without it.
      result = await apexLs([]);
    }
    const clean = finished(result);
    if (!clean) {
      const detail = (result.stderr || result.stdout).trim().split('\n').slice(0, 3).join(' / ');
      return {
        filesSeen: files.length,
        problems: [error('.', `apex-ls failed (exit code ${result.code}): ${detail}`)]
      };
    }
    return {
      filesSeen: files.length,
      problems: parseReport(project, result.stdout).map((problem) => withOrgSeverity(problem, project))
    };
  }
};

/**
 * apex-ls keeps each class's parsed and checked summary in its cache, keyed by the file's content and checked again
 * against the summaries of the types it uses, so a class that a change breaks is still reported (measured: the same
 * JSON report as without a cache, also after renaming a method other classes call), and a warm load takes about half
 * the time. The cache lives in the gate's own cache folder (`-c`); without one (`--no-cache`, a check run outside the
 * gate) `-n` keeps apex-ls from reading or writing any cache (`~/.apexlink_cache` by default).
 */
function apexLsCacheArgs(project: Project): string[] {
  if (!project.toolCacheDir) {
    return ['-n'];
  }
  // apex-ls creates the last folder of the path only, and silently runs without a cache when it cannot.
  const dir = join(project.toolCacheDir, 'apex-ls');
  mkdirSync(dir, { recursive: true });
  return ['-c', dir];
}

function parseReport(project: Project, stdout: string): Problem[] {
  let report: ApexLsReport;
  try {
    report = JSON.parse(stdout) as ApexLsReport;
  } catch {
    return [error('.', `apex-ls printed no readable JSON report: ${stdout.slice(0, 300)}`)];
  }
  return report.files.flatMap((file) =>
    file.messages
      .filter((issue) => !isStandardLibraryGap(issue.message, project))
      .map((issue) => {
        const category = CATEGORIES[issue.category] ?? {
          severity: 'warning',
          hint: 'a category this check does not know'
        };
        const make = category.severity === 'error' ? error : warning;
        const path = toProjectPath(project, file.path);
        const problem = make(path, `${issue.message} [apex-ls ${issue.category}: ${category.hint}]`, issue.start.line);
        // The packaging check reports the same missing file; the gate prints it once.
        return META_FILE_MISSING.test(issue.message) ? { ...problem, sameMistake: missingMetaFile(path) } : problem;
      })
  );
}
