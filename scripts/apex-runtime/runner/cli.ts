/**
 * `npm run test:apex`: runs a project's Apex tests offline. Options: --root DIR, --class A[,B], --method NAME,
 * --json FILE, --junit FILE, --coverage, --no-cache. Exits 1 on any FAIL or UNSUPPORTED.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeCoverage, type CoverageReport } from './coverage';
import { loadProject } from './project';
import { runTests, type TestResult } from './run-tests';

interface Options {
  root: string;
  classes?: string[];
  method?: string;
  json?: string;
  junit?: string;
  coverage: boolean;
  useCache: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { root: process.cwd(), coverage: false, useCache: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--root') o.root = path.resolve(next());
    else if (a === '--class')
      o.classes = next()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (a === '--method') o.method = next();
    else if (a === '--json') o.json = path.resolve(next());
    else if (a === '--junit') o.junit = path.resolve(next());
    else if (a === '--coverage') o.coverage = true;
    else if (a === '--no-cache') o.useCache = false;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
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

export function main(argv: string[]): number {
  const started = Date.now();
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    console.error(`test:apex: ${(e as Error).message}`);
    return 2;
  }
  if (!fs.existsSync(o.root)) {
    console.error(`test:apex: no such folder ${o.root}`);
    return 2;
  }
  const project = loadProject(o.root, { useCache: o.useCache });
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

if (require.main === module) process.exitCode = main(process.argv.slice(2));
