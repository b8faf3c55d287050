import Ajv, { ValidateFunction } from 'ajv';
import { findNodeAtLocation, Node as JsonNode, parseTree } from 'jsonc-parser';
import { CheckOutcome, error, Problem, warning } from '../../core/types';
import { Project } from '../../core/project';
import { compileExplainable, explainSchemaErrors, SchemaViolation } from '../schema-errors';
import { settingsProblems } from '../scratch-settings';
import { projectConfigProblems } from '../../rules/project-config';

type JsonSchema = Record<string, unknown>;

// The JSON schemas that the sf CLI and the Salesforce VS Code extensions use, shipped in @salesforce/schemas.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const projectSchema = require('@salesforce/schemas/sfdx-project.schema.json') as JsonSchema;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const scratchDefSchema = require('@salesforce/schemas/project-scratch-def.schema.json') as JsonSchema;

/** The compiled schemas, on first use: compiling takes ~0.3 s that a run taking this check from the cache saves. */
const validators = memoize(() => ({
  project: compileExplainable(projectSchema),
  scratchDef: compileExplainable(scratchDefSchema),
  feature: new Ajv({ allErrors: true, strict: false }).compile(
    ((scratchDefSchema.definitions as Record<string, JsonSchema>).features as { items: JsonSchema }).items
  )
}));

function memoize<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function checkProjectFile(project: Project): Problem[] {
  const file = 'sfdx-project.json';
  const parsed = parseJsonFile(project, file);
  if ('problem' in parsed) {
    return [parsed.problem];
  }
  const problems = schemaProblems(file, parsed, validators().project);
  const config = parsed.value as { packageDirectories?: Array<{ path?: unknown }>; sourceApiVersion?: unknown };
  (config.packageDirectories ?? []).forEach((dir, index) => {
    if (typeof dir.path === 'string' && project.filesUnder(dir.path).length === 0) {
      problems.push(
        error(
          file,
          `package directory "${dir.path}" does not exist or is empty`,
          lineOf(parsed, ['packageDirectories', index, 'path'])
        )
      );
    }
  });
  if (typeof config.sourceApiVersion !== 'string' || !/^\d{2,3}\.0$/.test(config.sourceApiVersion)) {
    problems.push(
      error(
        file,
        'sourceApiVersion must be pinned as a string like "65.0"; without it the CLI picks the org\'s version',
        lineOf(parsed, ['sourceApiVersion'])
      )
    );
  }
  return problems;
}

function checkScratchDef(project: Project, file: string): Problem[] {
  const parsed = parseJsonFile(project, file);
  if ('problem' in parsed) {
    return [parsed.problem];
  }
  const definition = parsed.value as { features?: unknown; settings?: unknown };
  const features = Array.isArray(definition.features) ? definition.features : [];
  // Features are checked one by one below so that an unlisted one is a warning, not an error of the whole array.
  const withoutFeatures = { ...(parsed.value as object), features: [] };
  const problems = schemaProblems(
    file,
    { ...parsed, value: withoutFeatures },
    validators().scratchDef,
    (violation) => / must be boolean$/.test(violation.message) && isQuotedBoolean(valueAt(parsed.value, violation.path))
  );
  for (const problem of settingsProblems(definition.settings)) {
    problems.push(error(file, problem.message, lineOf(parsed, problem.path)));
  }
  features.forEach((feature, index) => {
    const line = lineOf(parsed, ['features', index]);
    if (typeof feature !== 'string') {
      problems.push(error(file, `features[${index}] must be a string`, line));
    } else if (!validators().feature(feature)) {
      problems.push(
        warning(file, `scratch org feature "${feature}" is not in @salesforce/schemas' list; check its spelling`, line)
      );
    }
  });
  return problems;
}

interface ParsedJson {
  value: unknown;
  text: string;
  tree: JsonNode | undefined;
}

function parseJsonFile(project: Project, file: string): ParsedJson | { problem: Problem } {
  let text: string;
  try {
    text = project.read(file);
  } catch {
    return { problem: error(file, 'file is missing') };
  }
  try {
    return { value: JSON.parse(text) as unknown, text, tree: parseTree(text) };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    return { problem: error(file, `not valid JSON: ${message}`, line) };
  }
}

/**
 * Schema violations are errors, except those `tolerated` says the CLI and the org accept: `sf org create scratch` only
 * warns about a definition that breaks the schema and sends it as written (@salesforce/core scratchOrgInfoGenerator).
 */
function schemaProblems(
  file: string,
  parsed: ParsedJson,
  validate: ValidateFunction,
  tolerated: (violation: SchemaViolation) => boolean = () => false
): Problem[] {
  if (validate(parsed.value)) {
    return [];
  }
  return explainSchemaErrors(validate, parsed.value).map((violation) =>
    tolerated(violation)
      ? warning(
          file,
          `${violation.message}; the CLI only warns and sends it as written, and scratch orgs were created from such definitions`,
          lineOf(parsed, violation.path)
        )
      : error(file, violation.message, lineOf(parsed, violation.path))
  );
}

/**
 * `"true"` / `"false"` where a boolean belongs: scratch orgs were created from such definitions in CI for years
 * (`"hasSampleData": "false"` in trailheadapps/ebikes-lwc until #46, dreaminvest-lwc, easy-spaces-lwc).
 */
function isQuotedBoolean(value: unknown): boolean {
  return typeof value === 'string' && /^(true|false)$/i.test(value);
}

function valueAt(value: unknown, path: Array<string | number>): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined,
    value
  );
}

/** The line of the deepest existing node on the path, so a problem points at the key it is about. */
function lineOf(parsed: ParsedJson, path: Array<string | number>): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = parsed.tree ? findNodeAtLocation(parsed.tree, path.slice(0, length)) : undefined;
    if (node) {
      return parsed.text.slice(0, node.offset).split('\n').length;
    }
  }
  return undefined;
}

/** The config-schema check's run (see checks/config-schema.ts): loaded only when the check runs. */
export async function runConfigSchema(project: Project): Promise<CheckOutcome> {
  const scratchDefs = project.filesUnder('config').filter((file) => file.endsWith('-scratch-def.json'));
  const problems = [
    ...checkProjectFile(project),
    ...projectConfigProblems(project),
    ...scratchDefs.flatMap((file) => checkScratchDef(project, file))
  ];
  return { filesSeen: 1 + scratchDefs.length, problems };
}
