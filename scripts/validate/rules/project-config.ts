import { findNodeAtLocation, Node as JsonNode, parseTree } from 'jsonc-parser';
// The matcher the sf CLI's source-deploy-retrieve uses for replacement globs (its own dependency).
import { minimatch } from 'minimatch';
import { Project } from '../core/project';
import { error, Problem } from '../core/types';

/**
 * Rules of sfdx-project.json that stop `sf project deploy start` before it reaches the org, as the sf CLI's own
 * libraries apply them (@salesforce/core's SfProject, @salesforce/source-deploy-retrieve's replacements).
 * Evidence: docs/quality-gate/metadata-rules.md, "sfdx-project.json rules".
 */

const FILE = 'sfdx-project.json';

interface PackageDirectory {
  path?: unknown;
  default?: unknown;
}

interface Replacement {
  filename?: unknown;
  glob?: unknown;
  replaceWithEnv?: unknown;
  allowUnsetEnvVariable?: unknown;
  replaceWhenEnv?: Array<{ env?: unknown; value?: unknown }>;
}

/** Problems of sfdx-project.json; none when it does not parse (the schema part of config-schema reports that). */
export function projectConfigProblems(project: Project, environment: NodeJS.ProcessEnv = process.env): Problem[] {
  let text: string;
  let config: { packageDirectories?: PackageDirectory[]; replacements?: Replacement[] };
  try {
    text = project.read(FILE);
    config = JSON.parse(text) as typeof config;
  } catch {
    return [];
  }
  const tree = parseTree(text);
  const lineOf = (path: Array<string | number>): number | undefined => {
    const node: JsonNode | undefined = tree ? findNodeAtLocation(tree, path) : undefined;
    return node ? text.slice(0, node.offset).split('\n').length : undefined;
  };
  return [
    ...defaultDirectoryProblems(config.packageDirectories, lineOf),
    ...replacementProblems(project, config.replacements, environment, lineOf)
  ];
}

/**
 * Why: @salesforce/core's SfProject refuses a project without exactly one default package directory
 * ("In sfdx-project.json, indicate only one package directory (path) as the default.", "... be sure to specify which
 * package directory (path) is the default", "... must include one, and only one, default package directory").
 */
function defaultDirectoryProblems(
  directories: PackageDirectory[] | undefined,
  lineOf: (path: Array<string | number>) => number | undefined
): Problem[] {
  if (!Array.isArray(directories) || directories.length === 0) {
    return [];
  }
  const id = '[project-default-package-directory]';
  if (directories.length === 1) {
    return directories[0].default === false
      ? [
          error(
            FILE,
            `the only package directory is marked "default": false: sfdx-project.json must include one, and only one, default package directory; remove the key ${id}`,
            lineOf(['packageDirectories', 0, 'default'])
          )
        ]
      : [];
  }
  const defaults = directories
    .map((directory, index) => ({ directory, index }))
    .filter(({ directory }) => directory.default === true);
  if (defaults.length === 0) {
    return [
      error(
        FILE,
        `no package directory is marked "default": true: with ${directories.length} package directories, exactly one must be the default ${id}`,
        lineOf(['packageDirectories'])
      )
    ];
  }
  return defaults
    .slice(1)
    .map(({ directory, index }) =>
      error(
        FILE,
        `package directory "${String(directory.path)}" is a second default (after "${String(defaults[0].directory.path)}"): indicate only one package directory as the default ${id}`,
        lineOf(['packageDirectories', index, 'default'])
      )
    );
}

/**
 * Why: source-deploy-retrieve reads `replaceWithEnv` for every deployed file a replacement matches and stops the
 * deploy when the variable is unset, unless `allowUnsetEnvVariable` is true:
 * `"X" is in sfdx-project.json as a value for "replaceWithEnv" property, but it's not set in your environment.`
 * Only files of the package directories count: those are what a plain `sf project deploy start` deploys; files
 * deployed on their own (`--source-dir force-app-optional/...`) are the caller's to provide for.
 */
function replacementProblems(
  project: Project,
  replacements: Replacement[] | undefined,
  environment: NodeJS.ProcessEnv,
  lineOf: (path: Array<string | number>) => number | undefined
): Problem[] {
  if (!Array.isArray(replacements)) {
    return [];
  }
  return replacements.flatMap((replacement, index): Problem[] => {
    const variable = replacement.replaceWithEnv;
    if (
      typeof variable !== 'string' ||
      replacement.allowUnsetEnvVariable === true ||
      environment[variable] !== undefined ||
      !appliesInEnvironment(replacement, environment)
    ) {
      return [];
    }
    const matched = project.packageFiles().find((file) => matches(replacement, file));
    if (!matched) {
      return [];
    }
    return [
      error(
        FILE,
        `"${variable}" is in sfdx-project.json as a value for "replaceWithEnv" property, but it's not set in your ` +
          `environment: a plain sf project deploy start of ${matched} stops here. Set "allowUnsetEnvVariable": true ` +
          'with a safe default, or replace from a file [project-replacement-env-unset]',
        lineOf(['replacements', index, 'replaceWithEnv'])
      )
    ];
  });
}

/** source-deploy-retrieve's `envFilter`: a replacement with `replaceWhenEnv` applies only when every condition holds. */
function appliesInEnvironment(replacement: Replacement, environment: NodeJS.ProcessEnv): boolean {
  return (replacement.replaceWhenEnv ?? []).every(
    (condition) => typeof condition.env === 'string' && environment[condition.env] === String(condition.value)
  );
}

/** source-deploy-retrieve's `matchesFile`: the path ends with `filename`, or matches `**\/glob`. */
function matches(replacement: Replacement, file: string): boolean {
  if (typeof replacement.filename === 'string') {
    return file.endsWith(replacement.filename.replace(/^\.?\//, ''));
  }
  return typeof replacement.glob === 'string' && minimatch(file, `**/${replacement.glob}`);
}
