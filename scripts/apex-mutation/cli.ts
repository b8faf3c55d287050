/**
 * `npm run test:apex:mutations`: mutation testing of a project's Apex in the offline runtime. Picks a default set of
 * mutations from the project's non-test classes (every DML statement removed, every comparison negated; sampled
 * evenly and deterministically down to --max), runs the tests that execute each mutated line, prints killed/survived
 * per mutation and the mutation score. Options: --root DIR, --class A[,B] (test classes to use), --max N (default 20),
 * --file PATH[,PATH] (mutate only these files), --kinds K[,K] (default remove-dml,negate-comparison; also remove-call,
 * negate-if, flip-returned-boolean), --json FILE, --min-score PERCENT (exit 1 below it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findApexSources } from '../apex-runtime/frontend/parse';
import { MutationHarness, mutationScore, type MutantResult, type Mutation } from './harness';
import { findSites, type Site, type SiteKind } from './sites';

interface Options {
  root: string;
  classes?: string[];
  files?: string[];
  max: number;
  kinds: SiteKind[];
  json?: string;
  minScore?: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { root: process.cwd(), max: 20, kinds: ['remove-dml', 'negate-comparison'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const list = (): string[] =>
      next()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    if (a === '--root') o.root = path.resolve(next());
    else if (a === '--class') o.classes = list();
    else if (a === '--file') o.files = list().map((f) => path.resolve(f));
    else if (a === '--max') o.max = positive(next(), a);
    else if (a === '--kinds') o.kinds = list().map(kind);
    else if (a === '--json') o.json = path.resolve(next());
    else if (a === '--min-score') o.minScore = positive(next(), a);
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const KINDS: SiteKind[] = ['remove-dml', 'negate-comparison', 'remove-call', 'negate-if', 'flip-returned-boolean'];

function kind(text: string): SiteKind {
  const found = KINDS.find((k) => k === text);
  if (!found) throw new Error(`unknown mutation kind ${text} (known: ${KINDS.join(', ')})`);
  return found;
}

function positive(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${option} needs a number, not ${text}`);
  return n;
}

/** Every `k`-th of `items`, spread over the whole list, in order: the same list always gives the same sample. */
function spread<T>(items: T[], k: number): T[] {
  if (items.length <= k) return items;
  return Array.from({ length: k }, (_, i) => items[Math.floor((i * items.length) / k)]);
}

/**
 * The default mutations: sites of the chosen kinds in the classes that are not tests (a file marked @IsTest is test
 * code), the budget shared evenly between the kinds (what one kind cannot use goes to the others).
 */
export function defaultMutations(root: string, max: number, kinds: SiteKind[], onlyFiles?: string[]): Mutation[] {
  const byKind = new Map<SiteKind, Mutation[]>(kinds.map((k) => [k, []]));
  for (const src of findApexSources(root)) {
    if (/@istest\b/i.test(src.source)) continue;
    if (onlyFiles && !onlyFiles.includes(path.resolve(src.file))) continue;
    let sites: Site[];
    try {
      sites = findSites(src.source, src.isTrigger);
    } catch {
      continue; // a file that does not parse is the runtime's problem to report, not a mutation site
    }
    const file = path.relative(root, src.file);
    for (const site of sites) byKind.get(site.kind)?.push({ file, site });
  }
  const share = new Map<SiteKind, number>(kinds.map((k) => [k, 0]));
  let left = max;
  while (left > 0 && kinds.some((k) => share.get(k)! < byKind.get(k)!.length)) {
    for (const k of kinds) {
      if (left > 0 && share.get(k)! < byKind.get(k)!.length) {
        share.set(k, share.get(k)! + 1);
        left--;
      }
    }
  }
  return kinds.flatMap((k) => spread(byKind.get(k)!, share.get(k)!));
}

function percent(n: number | null): string {
  return n === null ? 'n/a' : `${(n * 100).toFixed(1)} %`;
}

export async function main(argv: string[]): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    console.error(`test:apex:mutations: ${(e as Error).message}`);
    return 2;
  }
  if (!fs.existsSync(o.root)) {
    console.error(`test:apex:mutations: no such folder ${o.root}`);
    return 2;
  }
  const mutations = defaultMutations(o.root, o.max, o.kinds, o.files);
  if (mutations.length === 0) {
    console.error(`test:apex:mutations: nothing of the kinds ${o.kinds.join(', ')} to mutate in the non-test classes`);
    return 1;
  }
  const started = Date.now();
  const harness = new MutationHarness(o.root, { classes: o.classes });
  const results: MutantResult[] = [];
  try {
    const baseline = await harness.runBaseline();
    const passing = baseline.tests.filter((t) => t.outcome === 'PASS').length;
    console.log(`Unmutated: ${passing} of ${baseline.tests.length} test methods pass; only those can kill a mutant.`);
    for (const m of mutations) {
      const r = await harness.runMutation(m);
      results.push(r);
      console.log(
        `${r.status.toUpperCase().padEnd(11)} ${r.file} ${r.description} (${r.testClasses.length} test classes, ${r.ms} ms)`
      );
      if (r.status !== 'survived') for (const d of r.detail.slice(0, 2)) console.log(`    ${d}`);
    }
  } catch (e) {
    console.error(`test:apex:mutations: ${(e as Error).message}`);
    return 1;
  } finally {
    await harness.close();
  }
  const count = (s: MutantResult['status']): number => results.filter((r) => r.status === s).length;
  const score = mutationScore(results);
  console.log('');
  console.log(
    `${results.length} mutants in ${((Date.now() - started) / 1000).toFixed(1)} s: ${count('killed')} killed, ${count('timeout')} timeout, ` +
      `${count('survived')} survived, ${count('no-coverage')} no coverage, ${count('invalid')} invalid, ${count('unsupported')} unsupported`
  );
  console.log(
    `Mutation score: ${percent(score.score)} (killed + timeout over killed + timeout + survived + no coverage)`
  );
  if (o.json) fs.writeFileSync(o.json, JSON.stringify({ root: o.root, score, results }, null, 2) + '\n');
  if (o.minScore !== undefined && (score.score ?? 0) * 100 < o.minScore) {
    console.error(`test:apex:mutations: score below --min-score ${o.minScore} %`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
