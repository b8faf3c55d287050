import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Project } from './core/project';
import { Basis, basisOf, Check, CheckOutcome, Prerequisite, Problem } from './core/types';
import { OutcomeCache, projectCacheDir } from './core/cache';
import { formatText, plural } from './output/text';

/** One check's row of the summary. */
export interface CheckReport extends CheckOutcome {
  id: string;
  title: string;
  basis: Basis;
  seconds: number;
  /** Set when the check did not run: a prerequisite failed or the project does not load. */
  skipped?: string;
  /** The outcome came from the cache: nothing the check reads changed since it last ran. */
  cached?: boolean;
}

/** The whole gate's result. */
export interface GateReport {
  root: string;
  checks: CheckReport[];
  seconds: number;
  errorCount: number;
  warningCount: number;
  /** Only deploy-fact checks and findings (`--deploy-only`). */
  deployOnly: boolean;
}

export interface GateOptions {
  /** Run only deploy-fact checks, and report only their deploy-fact findings. */
  deployOnly?: boolean;
  /** Called as each check finishes (or is skipped), for progress on stderr. */
  onCheckDone?: (report: CheckReport, done: number, total: number) => void;
  /** Reuse and store outcomes by the content hash of each check's inputs (`--no-cache` turns it off). */
  cache?: boolean;
  /** Where the cache lives (default: the gate's node_modules/.cache/sfdx-gate). */
  cacheDir?: string;
  /** `--changed`: the changed files and their dependents; focus-aware checks look only at these. */
  focus?: ReadonlySet<string>;
}

/**
 * Runs the given checks over the project at `root`, all at once (the slow ones are child processes), and
 * collects their outcomes. A check that throws is reported as one error of that check, never as a crash of the gate.
 * A check whose prerequisite failed, or that needs package directories when sfdx-project.json does not load, is
 * reported as skipped with the reason, so one mistake gives one error and no check looks green without running.
 */
export async function runGate(
  root: string,
  checks: Check[],
  options: GateOptions = {},
  available: Check[] = checks
): Promise<GateReport> {
  const project = new Project(
    root,
    options.focus,
    options.cache ? join(projectCacheDir(resolve(root), options.cacheDir), 'tools') : undefined
  );
  const cache = options.cache ? new OutcomeCache(project, options.cacheDir) : undefined;
  const started = performance.now();
  const selected = withPrerequisites(checks, available).filter(
    (check) => !options.deployOnly || (check.basis ?? 'deploy-fact') === 'deploy-fact'
  );
  const running = new Map<string, Promise<CheckReport>>();
  let done = 0;
  const start = (check: Check): Promise<CheckReport> => {
    let promise = running.get(check.id);
    if (!promise) {
      promise = runWhenReady(check, project, selected, start, options, cache).then((report) => {
        options.onCheckDone?.(report, ++done, selected.length);
        return report;
      });
      running.set(check.id, promise);
    }
    return promise;
  };
  // The slow out-of-process checks first, so their tools start before the main thread is busy with the others.
  selected.filter((check) => check.startsEarly).forEach(start);
  const reports = withoutEchoes(await Promise.all(selected.map(start)));
  const loadProblems = projectLoadProblems(project, reports);
  if (loadProblems.length > 0) {
    reports.unshift({
      id: 'project',
      title: 'sfdx-project.json loads and lists package directories',
      basis: 'deploy-fact',
      seconds: 0,
      filesSeen: 1,
      problems: loadProblems
    });
  }
  const problems = reports.flatMap((report) => report.problems);
  return {
    root: project.root,
    checks: reports,
    seconds: (performance.now() - started) / 1000,
    errorCount: problems.filter((problem) => problem.severity === 'error').length,
    warningCount: problems.filter((problem) => problem.severity === 'warning').length,
    deployOnly: options.deployOnly ?? false
  };
}

function prerequisiteId(prerequisite: string | Prerequisite): string {
  return typeof prerequisite === 'string' ? prerequisite : prerequisite.check;
}

/** The selected checks plus any prerequisite they name that is not selected, in the order of `available`. */
function withPrerequisites(checks: Check[], available: Check[]): Check[] {
  const ids = new Set(checks.map((check) => check.id));
  const pending = [...checks];
  while (pending.length > 0) {
    for (const id of (pending.pop()?.prerequisites ?? []).map(prerequisiteId)) {
      const prerequisite = available.find((candidate) => candidate.id === id);
      if (prerequisite && !ids.has(id)) {
        ids.add(id);
        pending.push(prerequisite);
      }
    }
  }
  const ordered = available.filter((check) => ids.has(check.id));
  return [...ordered, ...checks.filter((check) => !ordered.includes(check))];
}

async function runWhenReady(
  check: Check,
  project: Project,
  selected: Check[],
  start: (check: Check) => Promise<CheckReport>,
  options: GateOptions,
  cache: OutcomeCache | undefined
): Promise<CheckReport> {
  if (project.loadError && !check.runsWithoutProject) {
    return skipped(check, project.loadError);
  }
  // A slow out-of-process check starts now, while its prerequisites run, instead of after them (see Check.startsEarly).
  const early = check.startsEarly && (check.prerequisites ?? []).length > 0;
  const running = early ? begin(check, project, cache) : undefined;
  for (const prerequisite of check.prerequisites ?? []) {
    const prerequisiteCheck = selected.find((candidate) => candidate.id === prerequisiteId(prerequisite));
    if (!prerequisiteCheck) {
      continue;
    }
    const report = await start(prerequisiteCheck);
    if (report.skipped) {
      return skipped(check, `${report.id} skipped`);
    }
    const errors = report.problems.filter((problem) => problem.severity === 'error');
    if (typeof prerequisite === 'string') {
      if (errors.length > 0) {
        return skipped(check, `${report.id} found ${plural(errors.length, 'error')}`);
      }
      continue;
    }
    const blocking = new Set(errors.filter((problem) => prerequisite.blocks(problem)).map((problem) => problem.file));
    if (blocking.size > 0) {
      return skipped(check, `${report.id} found ${plural(blocking.size, prerequisite.what)}`);
    }
  }
  const report = await finish(check, project, cache, running ?? begin(check, project, cache));
  if (options.deployOnly) {
    report.problems = report.problems.filter((problem) => basisOf(problem, check) === 'deploy-fact');
  }
  return report;
}

function skipped(check: Check, reason: string): CheckReport {
  return {
    id: check.id,
    title: check.title,
    basis: check.basis ?? 'deploy-fact',
    seconds: 0,
    filesSeen: 0,
    problems: [],
    skipped: reason
  };
}

/** A check on its way: its stored outcome, or its run (which never rejects: a crash becomes one error). */
interface Running {
  started: number;
  stored: { key: string; outcome: CheckOutcome | undefined } | undefined;
  outcome: Promise<CheckOutcome>;
}

function begin(check: Check, project: Project, cache: OutcomeCache | undefined): Running {
  const started = performance.now();
  const stored = cache?.lookup(check);
  const outcome = stored?.outcome
    ? Promise.resolve(stored.outcome)
    : Promise.resolve()
        .then(() => check.run(project))
        .catch((cause: unknown): CheckOutcome => {
          const message = cause instanceof Error ? cause.message : String(cause);
          return {
            filesSeen: 0,
            problems: [{ file: '.', message: `check failed to run: ${message}`, severity: 'error' }]
          };
        });
  return { started, stored, outcome };
}

async function finish(
  check: Check,
  project: Project,
  cache: OutcomeCache | undefined,
  running: Running
): Promise<CheckReport> {
  const { stored } = running;
  const outcome = await running.outcome;
  // A focused check saw only part of the project: its outcome would be wrong for the next full run.
  if (cache && stored && !stored.outcome && !(check.focusAware && project.focus)) {
    cache.store(check, stored.key, outcome);
  }
  return {
    id: check.id,
    title: check.title,
    basis: check.basis ?? 'deploy-fact',
    seconds: (performance.now() - running.started) / 1000,
    filesSeen: outcome.filesSeen,
    problems: tidyProblems(project, outcome.problems),
    ...(stored?.outcome ? { cached: true } : {})
  };
}

/**
 * A finding that an earlier check already printed word for word (e.g. "no Java" of both Java checks), or that names
 * the same mistake as an earlier check's finding (`sameMistake`), is dropped.
 */
function withoutEchoes(reports: CheckReport[]): CheckReport[] {
  const printed = new Set<string>();
  return reports.map((report) => ({
    ...report,
    problems: report.problems.filter((problem) => {
      const keys = [
        [problem.severity, problem.file, problem.line ?? '', problem.message].join('\u0000'),
        ...(problem.sameMistake ? [`mistake\u0000${problem.sameMistake}`] : [])
      ];
      const fresh = keys.every((key) => !printed.has(key));
      keys.forEach((key) => printed.add(key));
      return fresh;
    })
  }));
}

/**
 * A project that does not load is one error, unless a check that ran (config-schema) already reported it at
 * sfdx-project.json.
 */
function projectLoadProblems(project: Project, reports: CheckReport[]): Problem[] {
  if (!project.loadError) {
    return [];
  }
  const reported = reports.some((report) =>
    report.problems.some((problem) => problem.severity === 'error' && problem.file === 'sfdx-project.json')
  );
  return reported
    ? []
    : [{ file: 'sfdx-project.json', message: `the project does not load: ${project.loadError}`, severity: 'error' }];
}

/** Project-relative paths, identical findings once, errors before warnings, then by file and line. */
function tidyProblems(project: Project, problems: Problem[]): Problem[] {
  const unique = new Map<string, Problem>();
  for (const problem of problems) {
    const file = relativePath(project.root, problem.file);
    const tidy = { ...problem, file };
    const key = [tidy.severity, tidy.file, tidy.line ?? '', tidy.message].join('\u0000');
    if (!unique.has(key)) {
      unique.set(key, tidy);
    }
  }
  return [...unique.values()].sort(
    (a, b) => severityRank(a) - severityRank(b) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0)
  );
}

function severityRank(problem: Problem): number {
  return problem.severity === 'error' ? 0 : 1;
}

function relativePath(root: string, file: string): string {
  if (!isAbsolute(file)) {
    return file;
  }
  const inside = relative(root, file);
  return inside.startsWith('..') || isAbsolute(inside) ? file : inside.split(sep).join('/') || '.';
}

/** The summary table and the problem list, as printed by `npm run validate`. */
export function formatReport(report: GateReport): string {
  return formatText(report);
}
