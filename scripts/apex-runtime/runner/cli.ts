/**
 * `npm run test:apex`: runs a project's Apex tests offline (`--help` lists the options). Exits 1 on any FAIL or
 * UNSUPPORTED, 2 on bad input (the project's shared flag parser words it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatUsage, parseFlags } from '../../lib/args';
import { runMain, UsageError } from '../../lib/cli';
import { computeCoverage, type CoverageReport } from './coverage';
import { loadProject, type LoadedProject } from './project';
import { runTests, testClasses, type TestResult } from './run-tests';

const FLAGS = {
  root: { kind: 'string', valueName: 'DIR', description: 'the SFDX project to run (default: the current folder)' },
  class: { kind: 'list', valueName: 'A,B', description: 'run only these test classes, names in any letter case' },
  method: { kind: 'string', valueName: 'NAME', description: 'run only the test methods of this name' },
  json: { kind: 'string', valueName: 'FILE', description: 'write the results (summary, tests, coverage) as JSON' },
  junit: { kind: 'string', valueName: 'FILE', description: 'write the results as JUnit XML' },
  coverage: { kind: 'boolean', description: 'print line coverage per class and for the whole project' },
  'no-cache': { kind: 'boolean', description: 'parse every Apex file again instead of reading the parse cache' },
  help: { kind: 'boolean', char: 'h', description: 'print this text' }
} as const;

const USAGE = formatUsage(
  'npm run test:apex -- [--root DIR] [--class A,B] [--method NAME] [--json FILE] [--junit FILE] [--coverage] [--no-cache]',
  "Runs a project's Apex tests offline, without an org: one line per test method (PASS, FAIL or UNSUPPORTED),\n" +
    'then the counts. Exits 1 on any FAIL or UNSUPPORTED, 2 on bad input.',
  FLAGS
);

export interface Options {
  root: string;
  classes?: string[];
  method?: string;
  json?: string;
  junit?: string;
  coverage: boolean;
  useCache: boolean;
  help: boolean;
}

/** The options of a run; bad input (unknown flag, missing value, a root that is no SFDX project) is a UsageError. */
export function parseOptions(argv: string[]): Options {
  const flags = parseFlags(argv, FLAGS, USAGE);
  const options: Options = {
    root: path.resolve(flags.root ?? process.cwd()),
    classes: flags.class.length > 0 ? flags.class : undefined,
    method: flags.method,
    json: flags.json === undefined ? undefined : path.resolve(flags.json),
    junit: flags.junit === undefined ? undefined : path.resolve(flags.junit),
    coverage: flags.coverage,
    useCache: !flags['no-cache'],
    help: flags.help
  };
  if (options.help) return options;
  if (!fs.existsSync(options.root) || !fs.statSync(options.root).isDirectory()) {
    throw new UsageError(`${options.root} is not a folder`);
  }
  if (!fs.existsSync(path.join(options.root, 'sfdx-project.json'))) {
    throw new UsageError(`${options.root} is not an SFDX project: it has no sfdx-project.json`);
  }
  return options;
}

/** --class and --method must name something that runs: a filter that selects nothing is a typo, not a green run. */
function assertFilterSelects(project: LoadedProject, options: Options): void {
  const testClassNames = testClasses(project, {}).map((c) => c.info.name);
  const known = new Set(testClassNames.map((n) => n.toLowerCase()));
  const unknown = (options.classes ?? []).filter((c) => !known.has(c.toLowerCase()));
  if (unknown.length > 0) {
    const list = testClassNames.length > 0 ? `test classes: ${testClassNames.join(', ')}` : 'it has no test class';
    throw new UsageError(`--class ${unknown.join(', ')}: no such test class in ${options.root} (${list})`);
  }
  if (options.method !== undefined && testClasses(project, options).length === 0) {
    const where = options.classes ? options.classes.join(', ') : options.root;
    throw new UsageError(`--method ${options.method}: no test method of that name in ${where}`);
  }
}

function line(r: TestResult): string {
  return `${r.outcome.padEnd(11)} ${r.className}.${r.methodName} ${r.timeMs} ms`;
}

function junit(results: TestResult[], seconds: number): string {
  const esc = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const byClass = new Map<string, TestResult[]>();
  for (const r of results) byClass.set(r.className, [...(byClass.get(r.className) ?? []), r]);
  const suites = [...byClass].map(([cls, rs]) => {
    const cases = rs.map((r) => {
      const inner =
        r.outcome === 'FAIL'
          ? `<failure type="${esc(r.exceptionType ?? '')}" message="${esc(r.message ?? '')}">${esc(r.stack ?? '')}</failure>`
          : r.outcome === 'UNSUPPORTED'
            ? `<skipped message="${esc(`UNSUPPORTED: ${r.message} (${r.stack})`)}"/>`
            : '';
      return `    <testcase classname="${esc(cls)}" name="${esc(r.methodName)}" time="${(r.timeMs / 1000).toFixed(3)}">${inner}</testcase>`;
    });
    const failures = rs.filter((r) => r.outcome === 'FAIL').length;
    const skipped = rs.filter((r) => r.outcome === 'UNSUPPORTED').length;
    return `  <testsuite name="${esc(cls)}" tests="${rs.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="apex-runtime" time="${seconds.toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Runs the tests; bad input prints one `error:` line (and the usage) on stderr and returns 2. */
export function main(argv: string[]): number {
  try {
    return run(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`error: ${e.message}\n`);
    return 2;
  }
}

function run(argv: string[]): number {
  const started = Date.now();
  const o = parseOptions(argv);
  if (o.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const project = loadProject(o.root, { useCache: o.useCache });
  assertFilterSelects(project, o);
  if (o.coverage) project.interp.enableCoverage();
  for (const p of project.problems) console.log(`WARNING ${p}`);
  const loadedMs = Date.now() - started;
  const results = runTests(project, { classes: o.classes, method: o.method }, (r) => {
    console.log(line(r));
    if (r.outcome !== 'PASS') {
      console.log(`    ${r.exceptionType}: ${r.message}`);
      for (const s of (r.stack ?? '').split('\n').filter(Boolean)) console.log(`    ${s}`);
    }
  });
  const passed = results.filter((r) => r.outcome === 'PASS').length;
  const failed = results.filter((r) => r.outcome === 'FAIL').length;
  const skipped = results.filter((r) => r.outcome === 'UNSUPPORTED').length;
  let coverage: CoverageReport | undefined;
  if (o.coverage) {
    coverage = computeCoverage(project);
    console.log('');
    console.log('Coverage (lines executed / executable lines):');
    for (const c of coverage.classes)
      console.log(`  ${c.percent.toFixed(1).padStart(5)} %  ${c.name} (${c.covered}/${c.total})`);
    console.log(
      `  ${coverage.percent.toFixed(1).padStart(5)} %  whole project (${coverage.covered}/${coverage.total}); platform minimum 75 %: ${coverage.percent >= 75 ? 'met' : 'NOT met'}; project goal 90 %: ${coverage.percent >= 90 ? 'met' : 'NOT met'}`
    );
  }
  const seconds = (Date.now() - started) / 1000;
  if (o.json) {
    const report = {
      root: o.root,
      summary: { passed, failed, unsupported: skipped, total: results.length, seconds },
      tests: results.map((r) => ({
        className: r.className,
        methodName: r.methodName,
        outcome: r.outcome,
        timeMs: r.timeMs,
        exceptionType: r.exceptionType ?? null,
        message: r.message ?? null,
        stack: r.stack ?? null
      })),
      coverage: coverage ?? null
    };
    fs.writeFileSync(o.json, JSON.stringify(report, null, 2) + '\n');
  }
  if (o.junit) fs.writeFileSync(o.junit, junit(results, seconds));
  console.log('');
  console.log(
    `Ran ${results.length} Apex test methods in ${seconds.toFixed(1)} s (loading ${(loadedMs / 1000).toFixed(1)} s).`
  );
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed > 0 || skipped > 0 ? 1 : 0;
}

// Anything unexpected still ends as one line (runMain; DEBUG=1 shows the stack).
if (require.main === module) runMain(async () => main(process.argv.slice(2)));
