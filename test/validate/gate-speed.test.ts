import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findJava, SHORT_RUN_JVM_FLAGS } from '../../scripts/validate/apex/java';
import { formatMedians, Timing, withMethodAdded } from '../../scripts/validate/bench';
import { apexPmdCheck } from '../../scripts/validate/checks/apex-pmd';
import { configSchemaCheck } from '../../scripts/validate/checks/config-schema';
import { projectCacheDir } from '../../scripts/validate/core/cache';
import { Project } from '../../scripts/validate/core/project';
import { Check, CheckOutcome } from '../../scripts/validate/core/types';
import { runGate } from '../../scripts/validate/gate';
import { FixtureCopy } from '../support/fixture';

const DEFAULTS = 'force-app/main/default/classes/InvoiceDefaults.cls';
const SCRATCH_DEFINITION = 'config/project-scratch-def.json';

/** The shortcuts that make `--changed` fast, each pinned to give the report a run without them gives. */
describe('the gate runs less without reporting less', () => {
  let copy: FixtureCopy;
  let cacheDir: string;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
    cacheDir = mkdtempSync(join(tmpdir(), 'gate-speed-'));
  });
  afterEach(() => {
    copy.dispose();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  describe('a check that starts early', () => {
    /** A prerequisite that finishes only when the test says so, with or without an error. */
    const gatedPrerequisite = (): Check & { release: (errors: number) => void; runs: number } => {
      let release: (errors: number) => void = () => undefined;
      const finished = new Promise<number>((resolve) => (release = resolve));
      const check = {
        id: 'prerequisite',
        title: 'finishes when released',
        runs: 0,
        inputs: () => [SCRATCH_DEFINITION],
        release: (errors: number) => release(errors),
        run: async (): Promise<CheckOutcome> => {
          check.runs++;
          const errors = await finished;
          return {
            filesSeen: 1,
            problems: Array.from({ length: errors }, () => ({ file: DEFAULTS, message: 'broken', severity: 'error' }))
          };
        }
      };
      return check;
    };
    const slowTool = (): Check & { runs: number } => {
      const check = {
        id: 'slow-tool',
        title: 'an out-of-process tool',
        startsEarly: true,
        prerequisites: ['prerequisite'],
        runs: 0,
        inputs: (project: Project) => project.packageFilesEndingWith('.cls'),
        run: async (): Promise<CheckOutcome> => {
          check.runs++;
          return { filesSeen: 1, problems: [{ file: DEFAULTS, message: 'tool finding', severity: 'error' }] };
        }
      };
      return check;
    };

    it('runs while its prerequisite runs, and reports as usual when the prerequisite passes', async () => {
      const prerequisite = gatedPrerequisite();
      const tool = slowTool();
      const gate = runGate(copy.root, [prerequisite, tool], { cache: true, cacheDir });
      await new Promise((resolve) => setImmediate(resolve));
      expect(tool.runs).toBe(1);
      prerequisite.release(0);

      const report = await gate;

      expect(report.checks.find((check) => check.id === 'slow-tool')).toMatchObject({
        problems: [expect.objectContaining({ message: 'tool finding' })]
      });
      expect(report.checks.find((check) => check.id === 'slow-tool')?.skipped).toBeUndefined();
    });

    it('is skipped when its prerequisite fails, and its outcome is not kept for the next run', async () => {
      const prerequisite = gatedPrerequisite();
      const tool = slowTool();
      const failing = runGate(copy.root, [prerequisite, tool], { cache: true, cacheDir });
      prerequisite.release(1);

      const report = await failing;

      expect(report.checks.find((check) => check.id === 'slow-tool')).toMatchObject({
        skipped: 'prerequisite found 1 error',
        problems: []
      });
      // The prerequisite's own input changes (it runs again and passes); the tool's inputs do not.
      copy.write(SCRATCH_DEFINITION, `${copy.read(SCRATCH_DEFINITION)}\n`);
      const passing = gatedPrerequisite();
      passing.release(0);
      const next = await runGate(copy.root, [passing, tool], { cache: true, cacheDir });
      expect(tool.runs).toBe(2);
      expect(next.checks.find((check) => check.id === 'slow-tool')?.cached).toBeUndefined();
    });
  });

  describe('config-schema from the cache', () => {
    const run = async () =>
      (await runGate(copy.root, [configSchemaCheck], { cache: true, cacheDir })).checks.find(
        (check) => check.id === 'config-schema'
      );

    it('is reused after an Apex edit, and runs again when a file it reads changes or a file comes or goes', async () => {
      expect((await run())?.cached).toBeUndefined();
      copy.replace(DEFAULTS, "'Draft'", "'New'");
      expect((await run())?.cached).toBe(true);

      copy.replace(SCRATCH_DEFINITION, '"features": []', '"features": ["NoSuchFeatureAnywhere"]');
      const afterConfig = await run();
      expect(afterConfig?.cached).toBeUndefined();
      expect(afterConfig?.problems).toEqual([
        expect.objectContaining({ file: SCRATCH_DEFINITION, message: expect.stringMatching(/NoSuchFeatureAnywhere/) })
      ]);

      for (const file of readdirSync(copy.path('force-app/main/default/classes'))) {
        rmSync(copy.path(`force-app/main/default/classes/${file}`));
      }
      expect((await run())?.cached).toBeUndefined();
    });

    it('runs again when an environment variable that a replacement names is set or unset', async () => {
      const variable = 'GATE_SPEED_TEST_REPLACEMENT';
      copy.replace(
        'sfdx-project.json',
        '"sourceApiVersion": "65.0"',
        `"sourceApiVersion": "65.0",\n  "replacements": [{ "filename": "${DEFAULTS}", "stringToReplace": "__X__", "replaceWithEnv": "${variable}" }]`
      );
      const unsetMessage = expect.stringMatching(new RegExp(`"${variable}" is in sfdx-project.json`));
      try {
        delete process.env[variable];
        expect((await run())?.problems).toEqual([expect.objectContaining({ message: unsetMessage })]);

        process.env[variable] = 'set';
        const whenSet = await run();
        expect(whenSet?.cached).toBeUndefined();
        expect(whenSet?.problems).toEqual([]);

        delete process.env[variable];
        expect((await run())?.problems).toEqual([expect.objectContaining({ message: unsetMessage })]);
      } finally {
        delete process.env[variable];
      }
    });
  });

  describe("apex-pmd's stored rule list", () => {
    const toolsDir = (): string => join(projectCacheDir(copy.root, cacheDir), 'tools');
    const runPmd = (): Promise<CheckOutcome> => apexPmdCheck.run(new Project(copy.root, undefined, toolsDir()));

    it('is kept in the tool cache, read on the next run, and described again when unreadable', async () => {
      copy.replace(
        DEFAULTS,
        "invoice.Status__c = 'Draft';\n",
        "invoice.Status__c = 'Draft';\n        update invoice;\n"
      );
      const withoutStoredList = await apexPmdCheck.run(new Project(copy.root));
      expect(withoutStoredList.problems).toEqual(
        expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/^ApexCRUDViolation/) })])
      );

      expect(await runPmd()).toEqual(withoutStoredList);
      const stored = readdirSync(join(toolsDir(), 'pmd-rules'));
      expect(stored).toEqual([expect.stringMatching(/^\w+\.json$/)]);
      expect(await runPmd()).toEqual(withoutStoredList);

      // The stored list is what the engine reads: one that lacks a rule the check selects is named, not silently used.
      const storedPath = join(toolsDir(), 'pmd-rules', stored[0]);
      const rules = JSON.parse(readFileSync(storedPath, 'utf8')) as Array<{ name: string }>;
      writeFileSync(storedPath, JSON.stringify(rules.filter((rule) => rule.name !== 'ApexCRUDViolation')));
      expect((await runPmd()).problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            message: expect.stringMatching(/no longer has these selected rules: pmd:ApexCRUDViolation/)
          })
        ])
      );

      writeFileSync(storedPath, 'not JSON');
      expect(await runPmd()).toEqual(withoutStoredList);
    });
  });
});

describe('bench:validate --runs', () => {
  const round = (cold: number, warm: number, changed: number): Timing[] =>
    [cold, warm, changed].map((seconds, index) => ({ run: `run ${index}`, seconds, exitCode: 0, verdict: '' }));

  it('prints the median of each run and the median of the per-round ratios with their range', () => {
    expect(formatMedians([round(40, 0.5, 6), round(50, 0.4, 10), round(30, 0.9, 6)])).toBe(
      'medians of 3 rounds: cold 40.0 s, warm 0.5 s, --changed 6.0 s; --changed/cold 20% (15%-20%)'
    );
    expect(formatMedians([round(10, 1, 2), round(20, 2, 3)])).toBe(
      'medians of 2 rounds: cold 15.0 s, warm 1.5 s, --changed 2.5 s; --changed/cold 18% (15%-20%)'
    );
  });

  it('edits the class for the --changed run by adding a method before its last brace, moving no line above it', () => {
    const source = 'public class A {\n    public void run() {\n    }\n}\n';
    const edited = withMethodAdded(source);

    expect(edited.split('\n').slice(0, 3)).toEqual(source.split('\n').slice(0, 3));
    expect(edited).toMatch(/\n    private static Integer benchEdited\(\) \{\n        return 1;\n    \}\n\}\n$/);
    expect(() => withMethodAdded('// no class')).toThrow(/no closing brace/);
  });
});

describe('the short-run JVM flags', () => {
  const java = findJava();
  const runJava = (...flags: string[]): number | null =>
    spawnSync(java ?? 'java', [...flags, '-version'], { encoding: 'utf8' }).status;

  (java ? it : it.skip)('start this Java, and a JVM that does not know one of them still starts', () => {
    expect(runJava('-XX:+NoSuchFlagInAnyJvm')).not.toBe(0);
    expect(runJava(...SHORT_RUN_JVM_FLAGS)).toBe(0);
    expect(runJava(...SHORT_RUN_JVM_FLAGS, '-XX:+NoSuchFlagInAnyJvm')).toBe(0);
  });
});

describe('the gate start', () => {
  const REPO = join(__dirname, '..', '..');
  /** Loads the gate's modules in a plain Node process through the swc hook and lists what got loaded. */
  const loadedModules = (entry: string): string[] => {
    const result = spawnSync(
      process.execPath,
      [
        '-r',
        './scripts/lib/swc-register.js',
        '-e',
        `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`
      ],
      { cwd: REPO, encoding: 'utf8' }
    );
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as string[];
  };
  const typescriptCompiler = /[\\/]node_modules[\\/]typescript[\\/]/;

  it('loads every check without the TypeScript compiler (~0.3 s of CPU), which only the XML type model needs', () => {
    const loaded = loadedModules('./scripts/validate/checks/index.ts');
    expect(loaded.some((file) => file.endsWith(join('validate', 'checks', 'metadata-xml.ts')))).toBe(true);
    expect(loaded.filter((file) => typescriptCompiler.test(file))).toEqual([]);

    const withModel = loadedModules('./scripts/validate/metadata/shared-model.ts');
    expect(withModel.filter((file) => typescriptCompiler.test(file))).toEqual([]);
  });

  it('builds the XML type model with the TypeScript parser once it is asked for', () => {
    const result = spawnSync(
      process.execPath,
      [
        '-r',
        './scripts/lib/swc-register.js',
        '-e',
        "const { metadataTypeModel } = require('./scripts/validate/metadata/shared-model.ts');" +
          "process.stdout.write(JSON.stringify(metadataTypeModel().complexType('CustomField').elements.length))"
      ],
      { cwd: REPO, encoding: 'utf8' }
    );
    expect(result.stderr).toBe('');
    expect(Number(result.stdout)).toBeGreaterThan(50);
  });
});
