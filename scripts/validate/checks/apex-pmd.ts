import type {
  CodeAnalyzerConfig,
  EngineLogEvent,
  LogEvent,
  RuleSelection,
  Violation
} from '@salesforce/code-analyzer-core';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findJava, JAVA_MISSING_MESSAGE, jvmAndJarsFingerprint, withShortRunJvmFlags } from '../apex/java';
import { failsGate, SELECTED_RULES } from '../apex/pmd-rules';
import { apexFilesInFocus, apexSourceFiles, toProjectPath } from '../apex/sources';
import { Project } from '../core/project';
import { Check, error, Problem, warning } from '../core/types';
import { rootFiles } from '../core/cache';

/**
 * Security, governor-limit and test rules of Salesforce Code Analyzer v5 (PMD 7 and the regex engine), run as
 * libraries over the project's Apex sources. The rule list and the severity policy live in `apex/pmd-rules.ts` and
 * docs/quality-gate/apex.md.
 */
export const apexPmdCheck: Check = {
  id: 'apex-pmd',
  title: 'Apex passes the selected Code Analyzer (PMD) security, limits and test rules',
  basis: 'house-policy',
  focusAware: true,
  inputs: (project) => [
    ...apexSourceFiles(project),
    ...rootFiles(project, 'sfdx-project.json', '.forceignore', 'code-analyzer')
  ],
  prerequisites: ['apex-syntax'],
  startsEarly: true,
  async run(project) {
    const files = apexFilesInFocus(project);
    if (files.length === 0) {
      return { filesSeen: 0, problems: [] };
    }
    const java = findJava();
    if (!java) {
      return { filesSeen: files.length, problems: [error('.', JAVA_MISSING_MESSAGE)] };
    }
    // Code Analyzer keeps an engine's working files when the engine logs an error (e.g. a parse error) and
    // removes the rest only when the process exits: give it a folder of its own and remove it when done.
    const workingFolder = mkdtempSync(join(tmpdir(), 'apex-pmd-'));
    try {
      return {
        filesSeen: files.length,
        problems: await withShortRunJvmFlags(() => analyze(project, files, java, workingFolder))
      };
    } finally {
      rmSync(workingFolder, { recursive: true, force: true });
    }
  }
};

async function analyze(project: Project, files: string[], java: string, workingFolder: string): Promise<Problem[]> {
  // Code Analyzer and its engines take ~0.5 s to load: only when the check runs (not on a cached run).
  /* eslint-disable @typescript-eslint/no-require-imports */
  const core = require('@salesforce/code-analyzer-core') as typeof import('@salesforce/code-analyzer-core');
  const pmdEngine =
    require('@salesforce/code-analyzer-pmd-engine') as typeof import('@salesforce/code-analyzer-pmd-engine');
  const regexEngine =
    require('@salesforce/code-analyzer-regex-engine') as typeof import('@salesforce/code-analyzer-regex-engine');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { EventType, LogLevel } = core;
  const problems: Problem[] = [];
  const analyzer = new core.CodeAnalyzer(analyzerConfig(core, project, java, workingFolder));
  // PMD reports a file it cannot parse as an error-level log event, not as a violation: such a file would
  // otherwise pass every rule unchecked.
  const onLog = (event: LogEvent | EngineLogEvent): void => {
    if (event.logLevel === LogLevel.Error) {
      problems.push(logProblem(project, event.message));
    }
  };
  analyzer.onEvent(EventType.LogEvent, onLog);
  analyzer.onEvent(EventType.EngineLogEvent, onLog);
  const pmdPlugin = pmdEngine.createEnginePlugin();
  if (project.toolCacheDir) {
    keepRuleDescriptions(pmdPlugin, join(project.toolCacheDir, 'pmd-rules'), java);
  }
  await analyzer.addEnginePlugin(pmdPlugin);
  await analyzer.addEnginePlugin(regexEngine.createEnginePlugin());

  // One workspace for rule selection and the run: the PMD engine caches its rule list per workspace, so Java
  // starts once to describe the rules and once to run them all (plus a `java -version` when the plugin is added).
  const workspace = await analyzer.createWorkspace(
    project.packageDirs.map((dir) => project.abs(dir)),
    files.map((file) => project.abs(file))
  );
  const selection = await analyzer.selectRules(
    SELECTED_RULES.map((rule) => `${rule.engine}:${rule.name}`),
    { workspace }
  );
  const missing = missingRules(selection);
  if (missing.length > 0) {
    // A rule renamed or dropped by an engine upgrade must not silently stop being checked.
    problems.push(
      error('.', `Code Analyzer no longer has these selected rules: ${missing.join(', ')} (update apex/pmd-rules.ts)`)
    );
  }
  const results = await analyzer.run(selection, { workspace });
  problems.push(...results.getViolations().map((violation) => violationProblem(project, violation)));
  return problems;
}

type DescribeCommand = (customRulesets: string[], languageIds: string[], ...rest: unknown[]) => Promise<unknown>;

/**
 * Code Analyzer's PMD engine starts one JVM to list PMD's rules (`describe`) and a second one to run them, on every
 * run. The list depends only on the engine's jars, the Java that runs them, and the rulesets and languages asked for,
 * so it is kept in the gate's tool cache under a hash of those and read from there: one JVM start less (about 1 s of
 * a `--changed` run). The hook sits on the engine's own describe call, which the exactly pinned engine version
 * (package.json) keeps in place; where it is missing the engine runs as it comes, only slower. A list that cannot be
 * read is described again; the selected-rules guard in `analyze` still names any rule the list lacks.
 */
function keepRuleDescriptions(plugin: object, dir: string, java: string): void {
  const factory = plugin as { createEngine?: (engineName: string, engineConfig: unknown) => Promise<unknown> };
  const createEngine = factory.createEngine?.bind(plugin);
  if (!createEngine) {
    return;
  }
  factory.createEngine = async (engineName, engineConfig) => {
    const engine = await createEngine(engineName, engineConfig);
    const invoker = (engine as { pmdWrapperInvoker?: { invokeDescribeCommand?: DescribeCommand } }).pmdWrapperInvoker;
    const describe = invoker?.invokeDescribeCommand?.bind(invoker);
    if (invoker && describe) {
      invoker.invokeDescribeCommand = async (customRulesets, languageIds, ...rest) => {
        const key = createHash('sha256')
          .update(JSON.stringify([engineName, customRulesets, languageIds, jvmAndJarsFingerprint(java)]))
          .digest('hex')
          .slice(0, 16);
        const file = join(dir, `${key}.json`);
        try {
          const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
          if (Array.isArray(stored) && stored.length > 0) {
            return stored;
          }
        } catch {
          // Not stored yet, or unreadable: describe again.
        }
        const described = await describe(customRulesets, languageIds, ...rest);
        mkdirSync(dir, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(described));
        renameSync(temporary, file);
        return described;
      };
    }
    return engine;
  };
}

function analyzerConfig(
  core: typeof import('@salesforce/code-analyzer-core'),
  project: Project,
  java: string,
  workingFolder: string
): CodeAnalyzerConfig {
  const raised: Record<string, Record<string, { severity: number }>> = {};
  for (const rule of SELECTED_RULES) {
    if (rule.raiseTo !== undefined) {
      raised[rule.engine] = { ...raised[rule.engine], [rule.name]: { severity: rule.raiseTo } };
    }
  }
  return core.CodeAnalyzerConfig.fromObject(
    {
      engines: {
        pmd: { java_command: java, rule_languages: ['apex'] },
        // The copy-paste detector ships in the same plugin; it is not part of this check.
        cpd: { disable_engine: true }
      },
      rules: raised,
      root_working_folder: workingFolder
    },
    project.root
  );
}

function missingRules(selection: RuleSelection): string[] {
  return SELECTED_RULES.filter(
    (rule) => !selection.getRulesFor(rule.engine).some((selected) => selected.getName() === rule.name)
  ).map((rule) => `${rule.engine}:${rule.name}`);
}

function violationProblem(project: Project, violation: Violation): Problem {
  const rule = violation.getRule();
  const location = violation.getPrimaryLocation();
  const file = location.getFile();
  const fix = SELECTED_RULES.find((selected) => selected.name === rule.getName())?.fix;
  const message = `${rule.getName()}: ${violation.getMessage().trim()}${fix ? ` (fix: ${fix})` : ''}`;
  const make = failsGate(rule.getSeverityLevel()) ? error : warning;
  return make(file ? toProjectPath(project, file) : '.', message, location.getStartLine());
}

/**
 * The PMD engine's message for a file it could not process reads
 * "PMD issued a processing error for file '<path>':\n    ParseException: ... Syntax error at <line>:<column>: ...".
 */
const PROCESSING_ERROR = /issued a processing error for file '(?<file>[^']+)':\s*(?<detail>[\s\S]*)/;
const SYNTAX_ERROR_AT = /Syntax error at (?<line>\d+):\d+: (?<reason>.*)/;

function logProblem(project: Project, message: string): Problem {
  const processingError = PROCESSING_ERROR.exec(message);
  if (!processingError?.groups) {
    return error('.', `Code Analyzer: ${message.trim()}`);
  }
  const file = toProjectPath(project, processingError.groups.file);
  const detail = processingError.groups.detail.trim();
  const syntaxError = SYNTAX_ERROR_AT.exec(detail);
  if (syntaxError?.groups) {
    return error(
      file,
      `PMD cannot parse this file, so no rule checked it: ${syntaxError.groups.reason.trim()}`,
      Number(syntaxError.groups.line)
    );
  }
  return error(file, `PMD cannot process this file, so no rule checked it: ${detail.split('\n')[0]}`);
}
