/**
 * Mutation testing for Apex in the offline runtime: copies a project to a temporary folder, applies one mutation at a
 * time to one file, runs the test classes that execute the mutated statement, and says whether a test that passed on
 * the unmutated code now fails (killed) or not (survived). A mutant that does not parse is "invalid"; one whose tests
 * only turn UNSUPPORTED is "unsupported"; neither counts as killed or survived.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageDirectories } from '../apex-runtime/frontend/parse';
import { applySite, describeSite, syntaxErrors, type Site } from './sites';
import type { RunReply, RunRequest, TestOutcome } from './worker';

export interface Mutation {
  /** the mutated file, relative to the project root */
  file: string;
  site: Site;
}

export type MutantStatus = 'killed' | 'survived' | 'timeout' | 'no-coverage' | 'invalid' | 'unsupported';

export interface MutantResult {
  file: string;
  description: string;
  status: MutantStatus;
  /** killed: the tests that passed before and fail now; invalid/unsupported: why */
  detail: string[];
  testClasses: string[];
  ms: number;
}

export interface Baseline {
  tests: TestOutcome[];
  /** test class -> absolute file -> executed lines */
  coverage: RunReply['coverage'];
  problems: string[];
}

export interface HarnessOptions {
  /** test classes to use (default: every test class of the project) */
  classes?: string[];
  /** time allowed for one mutant's test run; beyond it the mutant counts as a timeout (the platform's CPU limit) */
  timeoutMs?: number;
}

const WORKER = path.join(__dirname, 'worker.ts');
const PROJECT_TSCONFIG = path.resolve(__dirname, '../../tsconfig.json');

/** A thread running the runtime; replaced when a mutant's run is stopped for taking too long. */
class RuntimeThread {
  private worker: Worker | null = null;

  run(request: RunRequest, timeoutMs: number): Promise<RunReply | 'timeout'> {
    const worker = (this.worker ??= new Worker(
      `require("ts-node").register({ transpileOnly: true, project: ${JSON.stringify(PROJECT_TSCONFIG)} }); require(${JSON.stringify(WORKER)});`,
      { eval: true }
    ));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        this.worker = null;
        void worker.terminate();
        resolve('timeout');
      }, timeoutMs);
      const onMessage = (reply: RunReply): void => {
        cleanup();
        resolve(reply);
      };
      const onError = (e: Error): void => {
        cleanup();
        this.worker = null;
        reject(e);
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

/** A copy of the project's package directories and sfdx-project.json, where mutants are written. */
export class Workspace {
  readonly root: string;

  constructor(private readonly projectRoot: string) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-mutation-'));
    const projectFile = path.join(projectRoot, 'sfdx-project.json');
    if (fs.existsSync(projectFile)) {
      fs.copyFileSync(projectFile, path.join(this.root, 'sfdx-project.json'));
      for (const dir of packageDirectories(projectRoot)) {
        fs.cpSync(dir, path.join(this.root, path.relative(projectRoot, dir)), { recursive: true });
      }
    } else {
      fs.cpSync(projectRoot, this.root, { recursive: true, filter: (f) => !/node_modules|\.git$/.test(f) });
    }
  }

  /** the file of the copy that corresponds to a file of the project (absolute or relative to the project) */
  fileOf(file: string): string {
    return path.join(this.root, path.isAbsolute(file) ? path.relative(this.projectRoot, file) : file);
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export class MutationHarness {
  private readonly thread = new RuntimeThread();
  private readonly workspace: Workspace;
  private baseline: Baseline | null = null;

  constructor(
    readonly projectRoot: string,
    private readonly options: HarnessOptions = {}
  ) {
    this.workspace = new Workspace(path.resolve(projectRoot));
  }

  /** Runs the unmutated tests once, with coverage: which tests pass, and which test classes execute which lines. */
  async runBaseline(): Promise<Baseline> {
    const reply = await this.thread.run(
      { root: this.workspace.root, classes: this.options.classes, coverage: true },
      10 * 60_000
    );
    if (reply === 'timeout') throw new Error('the unmutated tests did not finish in 10 minutes');
    if (reply.error) throw new Error(`the runtime could not run the unmutated tests: ${reply.error}`);
    this.baseline = { tests: reply.tests, coverage: reply.coverage, problems: reply.problems };
    return this.baseline;
  }

  /** Test classes that executed a line of a file (with at least one test passing unmutated). */
  coveringClasses(file: string, line?: number): string[] {
    const baseline = this.requireBaseline();
    const target = this.workspace.fileOf(file);
    const passing = new Set(baseline.tests.filter((t) => t.outcome === 'PASS').map((t) => t.className));
    return Object.entries(baseline.coverage)
      .filter(
        ([cls, files]) =>
          passing.has(cls) && files[target] !== undefined && (line === undefined || files[target].includes(line))
      )
      .map(([cls]) => cls)
      .sort();
  }

  async runMutation(mutation: Mutation): Promise<MutantResult> {
    const started = Date.now();
    const baseline = this.requireBaseline();
    const description = describeSite(mutation.site);
    const result = (status: MutantStatus, detail: string[], testClasses: string[] = []): MutantResult => ({
      file: mutation.file,
      description,
      status,
      detail,
      testClasses,
      ms: Date.now() - started
    });
    const target = this.workspace.fileOf(mutation.file);
    const original = fs.readFileSync(target, 'utf8');
    const mutated = applySite(original, mutation.site);
    const errors = syntaxErrors(mutated, /\.trigger$/i.test(target));
    if (errors.length > 0) return result('invalid', [`does not parse: ${errors[0]}`]);
    const classes = this.coveringClasses(mutation.file, mutation.site.statementLine);
    if (classes.length === 0) return result('no-coverage', ['no passing test executes this line']);
    fs.writeFileSync(target, mutated);
    let reply: RunReply | 'timeout';
    try {
      reply = await this.thread.run(
        { root: this.workspace.root, classes, coverage: false },
        this.options.timeoutMs ?? 60_000
      );
    } finally {
      fs.writeFileSync(target, original);
    }
    if (reply === 'timeout')
      return result('timeout', [`the tests did not finish in ${(this.options.timeoutMs ?? 60_000) / 1000} s`], classes);
    if (reply.error) return result('unsupported', [`runtime error: ${reply.error}`], classes);
    const syntax = reply.problems.filter((p) => p.includes('syntax error'));
    if (syntax.length > 0) return result('invalid', syntax, classes);
    const before = new Map(baseline.tests.map((t) => [t.test, t.outcome]));
    const now = reply.tests.filter((t) => before.get(t.test) === 'PASS');
    const failing = now.filter((t) => t.outcome === 'FAIL');
    if (failing.length > 0)
      return result(
        'killed',
        failing.map((t) => `${t.test}: ${t.message}`),
        classes
      );
    const unsupported = now.filter((t) => t.outcome === 'UNSUPPORTED');
    if (unsupported.length > 0)
      return result(
        'unsupported',
        unsupported.map((t) => `${t.test}: ${t.message}`),
        classes
      );
    return result('survived', [`${now.length} tests still pass`], classes);
  }

  async close(): Promise<void> {
    await this.thread.close();
    this.workspace.dispose();
  }

  private requireBaseline(): Baseline {
    if (!this.baseline) throw new Error('runBaseline() first');
    return this.baseline;
  }
}

/** Killed (a timeout is the platform's CPU limit: killed too) over every mutant that ran or had no test. */
export function mutationScore(results: MutantResult[]): { detected: number; undetected: number; score: number | null } {
  const detected = results.filter((r) => r.status === 'killed' || r.status === 'timeout').length;
  const undetected = results.filter((r) => r.status === 'survived' || r.status === 'no-coverage').length;
  return { detected, undetected, score: detected + undetected === 0 ? null : detected / (detected + undetected) };
}
