import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apexFormatCheck } from '../../scripts/validate/checks/apex-format';
import { apexPmdCheck } from '../../scripts/validate/checks/apex-pmd';
import { apexSyntaxCheck } from '../../scripts/validate/checks/apex-syntax';
import { apexTypesCheck } from '../../scripts/validate/checks/apex-types';
import { configSchemaCheck } from '../../scripts/validate/checks/config-schema';
import { formatCheck } from '../../scripts/validate/checks/format';
import { metadataXmlCheck } from '../../scripts/validate/checks/metadata-xml';
import { projectCacheDir } from '../../scripts/validate/core/cache';
import { changedFocus } from '../../scripts/validate/core/changed';
import { Problem } from '../../scripts/validate/core/types';
import { GateReport, runGate } from '../../scripts/validate/gate';
import { FixtureCopy } from '../support/fixture';

const DEFAULTS = 'force-app/main/default/classes/InvoiceDefaults.cls';
const TRIGGER = 'force-app/main/default/triggers/InvoiceTrigger.trigger';
const SCRATCH_DEFINITION = 'config/project-scratch-def.json';

/** The Java and Prettier checks whose --changed shortcuts (tool caches, focus) these tests pin. */
const CHECKS = [
  configSchemaCheck,
  metadataXmlCheck,
  apexSyntaxCheck,
  apexFormatCheck,
  formatCheck,
  apexTypesCheck,
  apexPmdCheck
];

/** Every error of a report, as `check file:line message`, sorted. */
function errorsOf(report: GateReport, files?: string[]): string[] {
  return report.checks
    .flatMap((check) => check.problems.map((problem: Problem) => ({ check: check.id, problem })))
    .filter(({ problem }) => problem.severity === 'error' && (!files || files.includes(problem.file)))
    .map(({ check, problem }) => `${check} ${problem.file}:${problem.line ?? ''} ${problem.message}`)
    .sort();
}

/**
 * `--changed` after a full run: the slow tools reuse their own caches (apex-ls) or look only at the changed files
 * (PMD, Prettier), and must still report what a full run without any cache reports for those files, including a
 * class the change breaks without being changed itself.
 */
describe('--changed reports what a full run reports', () => {
  let copy: FixtureCopy;
  let cacheDir: string;
  beforeEach(async () => {
    copy = new FixtureCopy('clean-project');
    cacheDir = mkdtempSync(join(tmpdir(), 'gate-changed-'));
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.email=gate@example.com', '-c', 'user.name=gate', ...args], {
        cwd: copy.root,
        stdio: 'ignore'
      });
    };
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'fixture');
    // The full run a developer had before the change: it fills the outcome cache and apex-ls's own cache.
    const full = await runGate(copy.root, CHECKS, { cache: true, cacheDir });
    expect(errorsOf(full)).toEqual([]);
  });
  afterEach(() => {
    copy.dispose();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const changedRun = async (): Promise<GateReport> =>
    runGate(copy.root, CHECKS, { cache: true, cacheDir, focus: await changedFocus(copy.root) });
  const fullRunWithoutCache = (): Promise<GateReport> => runGate(copy.root, CHECKS);

  const toolsDir = (): string => join(projectCacheDir(copy.root, cacheDir), 'tools');

  it("keeps apex-ls's cache and its class-data archive in the gate cache folder, not in the home folder", () => {
    const apexLsCache = join(toolsDir(), 'apex-ls');
    expect(existsSync(apexLsCache) && readdirSync(apexLsCache).length > 0).toBe(true);
    expect(readdirSync(toolsDir()).filter((name) => /^apex-ls-\w+\.jsa$/.test(name))).toHaveLength(1);
  });

  it('still reports a mistake when the class-data archive is broken (the JVM then loads classes as usual)', async () => {
    for (const archive of readdirSync(toolsDir()).filter((name) => name.endsWith('.jsa'))) {
      rmSync(join(toolsDir(), archive), { force: true });
      writeFileSync(join(toolsDir(), archive), 'not an archive');
    }
    copy.replace(DEFAULTS, "invoice.Status__c = 'Draft';", "invoice.Statuss__c = 'Draft';");

    expect(errorsOf(await changedRun())).toEqual([
      expect.stringMatching(/^apex-types force-app\/main\/default\/classes\/InvoiceDefaults\.cls:12 .*Statuss__c/)
    ]);
  });

  it('reports mistakes planted in the changed class, as a full run does', async () => {
    copy.replace(DEFAULTS, "invoice.Status__c = 'Draft';\n", "invoice.Status__c = 'Draft';\n        update invoice;\n");
    copy.replace(DEFAULTS, "invoice.Status__c = 'Draft';", "invoice.Statuss__c = 'Draft';");

    const changed = await changedRun();
    const expected = errorsOf(await fullRunWithoutCache(), [DEFAULTS, TRIGGER]);

    expect(errorsOf(changed)).toEqual(expected);
    expect(expected).toEqual([
      expect.stringMatching(/^apex-pmd force-app\/main\/default\/classes\/InvoiceDefaults\.cls:13 ApexCRUDViolation/),
      expect.stringMatching(
        /^apex-pmd force-app\/main\/default\/classes\/InvoiceDefaults\.cls:13 OperationWithLimitsInLoop/
      ),
      expect.stringMatching(/^apex-types force-app\/main\/default\/classes\/InvoiceDefaults\.cls:12 .*Statuss__c/)
    ]);
  });

  it('reports an unchanged class that the change breaks (a renamed method it calls)', async () => {
    copy.replace(DEFAULTS, 'public static void apply(', 'public static void applyDefaults(');

    const changed = await changedRun();

    expect(errorsOf(changed)).toEqual(errorsOf(await fullRunWithoutCache()));
    expect(errorsOf(changed)).toEqual([
      expect.stringMatching(/^apex-types force-app\/main\/default\/triggers\/InvoiceTrigger\.trigger:2 .*'apply'/)
    ]);
  });

  it('says which checks it took from the cache, and formats only the changed files unless a Prettier setting changed', async () => {
    copy.replace(SCRATCH_DEFINITION, '"features": []', '"features":  []');

    const changed = await changedRun();
    const byId = new Map(changed.checks.map((check) => [check.id, check]));

    expect(byId.get('apex-types')).toMatchObject({ cached: true });
    expect(byId.get('format')).toMatchObject({ filesSeen: 1 });
    expect(errorsOf(changed)).toEqual([
      expect.stringMatching(/^format config\/project-scratch-def\.json:4 not formatted/)
    ]);

    copy.write('.prettierrc', copy.read('.prettierrc').replace(/}\s*$/, ', "endOfLine": "lf" }\n'));
    const afterSettings = (await changedRun()).checks.find((check) => check.id === 'format');
    expect(afterSettings?.filesSeen).toBe(
      (await fullRunWithoutCache()).checks.find((c) => c.id === 'format')?.filesSeen
    );
  });
});
