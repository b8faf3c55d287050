/** One finding of a check, reported as `path:line: message`. */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line, when the tool gives one. */
  line?: number;
  message: string;
  /** Errors fail the gate; warnings are reported only. */
  severity: 'error' | 'warning';
}

/** What one check saw and found. */
export interface CheckOutcome {
  filesSeen: number;
  problems: Problem[];
}

/** One independent check of the offline gate. */
export interface Check {
  /** Short id used by `--only` and in the summary table, e.g. `metadata-xml`. */
  id: string;
  /** One line saying what the check proves. */
  title: string;
  run(project: import('./project').Project): Promise<CheckOutcome>;
}

/** A problem list builder that keeps call sites short. */
export function error(file: string, message: string, line?: number): Problem {
  return { file, line, message, severity: 'error' };
}

export function warning(file: string, message: string, line?: number): Problem {
  return { file, line, message, severity: 'warning' };
}
