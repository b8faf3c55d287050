import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EngineLogEvent,
  EventType,
  LogEvent,
  LogLevel,
  RuleSelection,
  Violation
} from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import * as regexEngine from '@salesforce/code-analyzer-regex-engine';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findJava, JAVA_MISSING_MESSAGE, withShortRunJvmFlags } from '../apex/java';
import { failsGate, SELECTED_RULES } from '../apex/pmd-rules';
import { apexSourceFiles, toProjectPath } from '../apex/sources';
import { Project } from '../core/project';
import { Check, error, Problem, warning } from '../core/types';

/**
 * Security, governor-limit and test rules of Salesforce Code Analyzer v5 (PMD 7 and the regex engine), run as
 * libraries over the project's Apex sources. The rule list and the severity policy live in `apex/pmd-rules.ts` and
 * docs/quality-gate/apex.md.
 */
export const apexPmdCheck: Check = {
  id: 'apex-pmd',
  title: 'Apex passes the selected Code Analyzer (PMD) security, limits and test rules',
  basis: 'house-policy',
  prerequisites: ['apex-syntax'],
  async run(project) {
    const files = apexSourceFiles(project);
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
  const problems: Problem[] = [];
  const analyzer = new CodeAnalyzer(analyzerConfig(project, java, workingFolder));
  // PMD reports a file it cannot parse as an error-level log event, not as a violation: such a file would
  // otherwise pass every rule unchecked.
  const onLog = (event: LogEvent | EngineLogEvent): void => {
    if (event.logLevel === LogLevel.Error) {
      problems.push(logProblem(project, event.message));
    }
  };
  analyzer.onEvent(EventType.LogEvent, onLog);
  analyzer.onEvent(EventType.EngineLogEvent, onLog);
  await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
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

function analyzerConfig(project: Project, java: string, workingFolder: string): CodeAnalyzerConfig {
  const raised: Record<string, Record<string, { severity: number }>> = {};
  for (const rule of SELECTED_RULES) {
    if (rule.raiseTo !== undefined) {
      raised[rule.engine] = { ...raised[rule.engine], [rule.name]: { severity: rule.raiseTo } };
    }
  }
  return CodeAnalyzerConfig.fromObject(
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
