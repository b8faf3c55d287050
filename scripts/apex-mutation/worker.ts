/**
 * Worker thread: loads a project into the offline Apex runtime and runs its tests, through the runtime's
 * programmatic API (loadProject + runTests). A thread of its own, so a mutant that loops forever can be stopped.
 */
import { parentPort } from 'node:worker_threads';
import { loadProject } from '../apex-runtime/runner/project';
import { runTests } from '../apex-runtime/runner/run-tests';

export interface RunRequest {
  root: string;
  classes?: string[];
  /** record which lines each test class executed */
  coverage: boolean;
}

export interface TestOutcome {
  test: string;
  className: string;
  outcome: 'PASS' | 'FAIL' | 'UNSUPPORTED';
  message: string;
}

export interface RunReply {
  tests: TestOutcome[];
  problems: string[];
  /** test class -> file -> executed statement lines */
  coverage: Record<string, Record<string, number[]>>;
  error?: string;
}

function run(request: RunRequest): RunReply {
  const project = loadProject(request.root);
  if (request.coverage) project.interp.enableCoverage();
  const coverage: RunReply['coverage'] = {};
  const tests: TestOutcome[] = [];
  // the runtime keeps one map of executed lines; it is moved to the test class after each test, so a class owns
  // the lines its @TestSetup and test methods executed
  runTests(project, { classes: request.classes }, (r) => {
    tests.push({
      test: `${r.className}.${r.methodName}`,
      className: r.className,
      outcome: r.outcome,
      message: r.outcome === 'PASS' ? '' : `${r.exceptionType ?? ''}: ${r.message ?? ''}`
    });
    if (!request.coverage) return;
    const byFile = (coverage[r.className] ??= {});
    for (const [file, lines] of project.interp.covered)
      byFile[file] = [...new Set([...(byFile[file] ?? []), ...lines])];
    project.interp.covered.clear();
  });
  return { tests, problems: project.problems, coverage };
}

parentPort?.on('message', (request: RunRequest) => {
  try {
    parentPort!.postMessage(run(request));
  } catch (e) {
    parentPort!.postMessage({ tests: [], problems: [], coverage: {}, error: (e as Error).message } satisfies RunReply);
  }
});
