/**
 * Why a finding matters. A **deploy fact**: the platform would reject the deploy or the Apex compile (each such rule
 * carries its evidence in docs/quality-gate/). **House policy**: this project's own conventions (formatting, PMD
 * selection, descriptions, docs drift), errors here but no statement about the platform.
 */
export type Basis = 'deploy-fact' | 'house-policy';

/** One finding of a check, reported as `path:line: message`. */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line, when the tool gives one. */
  line?: number;
  message: string;
  /** Errors fail the gate; warnings are reported only. */
  severity: 'error' | 'warning';
  /** Overrides the check's basis for this one finding (e.g. a retrieve-order warning of a deploy check). */
  basis?: Basis;
  /**
   * Names the mistake where two checks find the same one in their own words (a class without its -meta.xml:
   * packaging and apex-ls): the gate prints the first check's finding only.
   */
  sameMistake?: string;
}

/** What one check saw and found. */
export interface CheckOutcome {
  filesSeen: number;
  problems: Problem[];
}

/** A prerequisite that fails only on some of its check's findings (e.g. malformed XML, not every XML finding). */
export interface Prerequisite {
  check: string;
  /** Whether this finding of the prerequisite check keeps the dependent check from running. */
  blocks(problem: Problem): boolean;
  /** What the blocking findings are, for the skip reason: `metadata-xml found 1 malformed XML file`. */
  what: string;
}

/** What a check reads: files whose content matters, and files whose mere presence (name) matters. */
export interface CheckInputs {
  contents: string[];
  names: string[];
  /** Files that matter only through what the check reads from them (`view`), not through every byte. */
  viewed?: { files: string[]; view: FileView };
}

/**
 * What a check reads from a file, for its cache key: for example the annotations and static SOQL of an Apex class,
 * where the check reads nothing else. Two contents with the same view must give the check the same outcome, so
 * `read` uses the very functions the check reads the file with. An edit that leaves the view alone (a new private
 * method) keeps the stored outcome; one that changes it (a new query, a line moved) runs the check again.
 */
export interface FileView {
  /** Names the view in the gate's memo of computed views: one id, one `read`. */
  id: string;
  /** The view of one file's content: anything JSON can hold. */
  read(source: string): unknown;
}

/** One independent check of the offline gate. */
export interface Check {
  /** Short id used by `--only` and in the summary table, e.g. `metadata-xml`. */
  id: string;
  /** One line saying what the check proves. */
  title: string;
  /** The basis of the check's findings; a check that does not say is a deploy-fact check. */
  basis?: Basis;
  /**
   * Ids of checks that must pass first: when one of them reports an error (or is itself skipped), this check is
   * reported as `skipped (reason)` instead of echoing that mistake. The runner adds them to the run when missing.
   */
  prerequisites?: Array<string | Prerequisite>;
  /** Runs even when sfdx-project.json does not load (the check reads no package directory). */
  runsWithoutProject?: boolean;
  /**
   * The project files whose content decides the outcome, for the outcome cache (default: every project file). Tools
   * and the gate's own code are part of every key anyway.
   */
  inputs?(project: import('./project').Project): string[] | CheckInputs;
  /** With `--changed`, the check looks only at the changed files and their dependents (its outcome is partial). */
  focusAware?: boolean;
  /**
   * The check starts at once, while its prerequisites run, instead of after them: for a slow tool in a process of its
   * own (a JVM) whose start would otherwise wait for them. When one of them fails, its outcome is dropped and it is
   * reported as skipped, as always; the tool is left to finish (stopping apex-ls could tear its cache), so the
   * process ends a little after the report is printed.
   */
  startsEarly?: boolean;
  run(project: import('./project').Project): Promise<CheckOutcome>;
}

/** A problem list builder that keeps call sites short. */
/** The `sameMistake` key of a source file (a class, a trigger) whose `-meta.xml` is missing. */
export function missingMetaFile(file: string): string {
  return `missing -meta.xml of ${file}`;
}

export function error(file: string, message: string, line?: number): Problem {
  return { file, line, message, severity: 'error' };
}

export function warning(file: string, message: string, line?: number): Problem {
  return { file, line, message, severity: 'warning' };
}

/** The basis a finding of `check` stands on. */
export function basisOf(problem: Problem, check: Pick<Check, 'basis'>): Basis {
  return problem.basis ?? check.basis ?? 'deploy-fact';
}
