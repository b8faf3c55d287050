import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { RegistryAccess, SourceComponent } from '@salesforce/source-deploy-retrieve';
import { Check, CheckOutcome, error, missingMetaFile, Problem, warning } from '../core/types';
import { Project } from '../core/project';
import { conversionInputs } from '../core/cache';

/**
 * What `sf project deploy start` would do with the package directories, offline: source-deploy-retrieve (the library
 * inside the sf CLI) resolves every file to a component and converts the whole project to Metadata API format.
 * SDR silently drops files it cannot place (a class without its -meta.xml, a misnamed flow) and accepts incomplete
 * bundles; the deploy then "succeeds" without them or fails in the org. Those cases are errors here.
 */
export const packagingCheck: Check = {
  id: 'packaging',
  title: 'every source file resolves to a component and the project converts to Metadata API format',
  basis: 'deploy-fact',
  inputs: conversionInputs,
  async run(project: Project): Promise<CheckOutcome> {
    const files = project.packageFiles();
    if (project.packageDirs.length === 0) {
      return { filesSeen: 0, problems: [] };
    }
    const problems: Problem[] = [];
    const resolved = resolveComponents(project, problems);
    const covered = new Set(
      resolved.flatMap((component) => componentFiles(component)).map((path) => toRelative(project, path))
    );
    const reported = new Set(problems.map((problem) => problem.file));
    for (const file of files) {
      if (!covered.has(file) && !reported.has(file)) {
        problems.push(uncoveredProblem(project, file));
      }
    }
    for (const component of resolved) {
      problems.push(...bundleProblems(project, component));
    }
    problems.push(...duplicateProblems(project, resolved));
    if (!problems.some((problem) => problem.severity === 'error')) {
      problems.push(...(await convertProblems(project, resolved)));
    }
    return { filesSeen: files.length, problems };
  }
};

/**
 * Resolves all package directories at once; if SDR throws (it stops at the first file it cannot read), resolves file by
 * file so that every such file is reported, not just the first.
 */
function resolveComponents(project: Project, problems: Problem[]): SourceComponent[] {
  try {
    return sdr()
      .ComponentSet.fromSource({ fsPaths: project.packageDirs.map((dir) => project.abs(dir)) })
      .getSourceComponents()
      .toArray();
  } catch {
    const byKey = new Map<string, SourceComponent>();
    for (const file of project.packageFiles()) {
      try {
        for (const component of sdr().ComponentSet.fromSource(project.abs(file)).getSourceComponents()) {
          byKey.set(
            `${component.type.name}:${component.fullName}:${component.xml ?? component.content ?? ''}`,
            component
          );
        }
      } catch (cause) {
        problems.push(error(file, `source-deploy-retrieve cannot resolve this file: ${sdrMessage(cause, project)}`));
      }
    }
    return [...byKey.values()];
  }
}

/**
 * The same component (type and name) from two source locations, typically two package directories. Types with child
 * types (an object and its fields, labels) are merged by the CLI; any other duplicate is deployed twice and the org
 * keeps one copy without a word (forcedotcom/cli#265: "Duplicate classes from different packageDirectories getting
 * overwritten without a warning"). The deploy succeeds, so this is a warning, not a deploy error.
 */
function duplicateProblems(project: Project, components: SourceComponent[]): Problem[] {
  const byName = new Map<string, string[]>();
  for (const component of components) {
    const file = component.content ?? component.xml;
    if (component.type.children || !file) {
      continue;
    }
    const key = `${component.type.name}\u0000${component.fullName}`;
    byName.set(key, [...(byName.get(key) ?? []), toRelative(project, file)]);
  }
  const problems: Problem[] = [];
  for (const [key, files] of byName) {
    const [typeName, fullName] = key.split('\u0000');
    const [first, ...others] = [...new Set(files)].sort();
    for (const other of others) {
      problems.push(
        warning(
          other,
          `${typeName} ${fullName} is also defined in ${first}: the sf CLI deploys both without a word and the org keeps only one of them; keep one copy`
        )
      );
    }
  }
  return problems;
}

/** Every file a component (and its decomposed children, such as an object's fields) brings into a deploy. */
function componentFiles(component: SourceComponent): string[] {
  const own = [component.xml, ...component.walkContent()].filter((path): path is string => Boolean(path));
  return [...own, ...component.getChildren().flatMap((child) => componentFiles(child))];
}

/** source-deploy-retrieve takes ~0.5 s to load: only when the check runs (not on a cached run). */
function sdr(): typeof import('@salesforce/source-deploy-retrieve') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@salesforce/source-deploy-retrieve') as typeof import('@salesforce/source-deploy-retrieve');
}

let sharedRegistry: RegistryAccess | undefined;
function registry(): RegistryAccess {
  sharedRegistry ??= new (sdr().RegistryAccess)();
  return sharedRegistry;
}

/** The folder names metadata types live in (classes, objects, lwc, flows, ...), as the CLI's registry lists them. */
let metadataFolders: ReadonlySet<string> | undefined;
function METADATA_FOLDERS(): ReadonlySet<string> {
  metadataFolders ??= new Set(
    Object.values(registry().getRegistry().types)
      .flatMap((type) => [type, ...Object.values(type.children?.types ?? {})])
      .map((type) => type.directoryName)
      .filter((name): name is string => Boolean(name))
  );
  return metadataFolders;
}

/**
 * A file no component claims. In a metadata folder, or named like metadata, it was meant to deploy and would be
 * silently dropped: an error. Anything else (jest mocks, notes under force-app/test/) is not metadata at all; the CLI
 * leaves it out of every deploy without a word, which is worth a warning, not a deploy error.
 */
function uncoveredProblem(project: Project, file: string): Problem {
  const folders = file.split('/').slice(0, -1);
  const extension = /\.([^./]+)$/.exec(file)?.[1];
  const looksLikeMetadata =
    file.endsWith('-meta.xml') ||
    folders.some((folder) => METADATA_FOLDERS().has(folder)) ||
    (extension !== undefined && registry().getTypeBySuffix(extension) !== undefined);
  if (looksLikeMetadata) {
    const withoutMetaFile = sourceTypeWithoutMetaFile(project, file);
    const prefix = 'not part of any metadata component, so sf would silently leave it out of a deploy';
    return withoutMetaFile
      ? {
          ...error(file, `${prefix}: ${withoutMetaFile} source needs ${basename(file)}-meta.xml beside it`),
          sameMistake: missingMetaFile(file)
        }
      : error(
          file,
          `${prefix}: check the file name's suffix and its folder (a flow is flows/Name.flow-meta.xml, an object field objects/Object/fields/Field__c.field-meta.xml)`
        );
  }
  return warning(
    file,
    'not metadata: no metadata type claims this file, so the sf CLI leaves it out of every deploy (list it in .forceignore to say so)'
  );
}

/** The metadata type of a source file (`X.cls`) whose `-meta.xml` is missing beside it, if that is the case. */
function sourceTypeWithoutMetaFile(project: Project, file: string): string | undefined {
  const extension = /\.([^./]+)$/.exec(file)?.[1];
  const sourceType = extension && !file.endsWith('-meta.xml') ? registry().getTypeBySuffix(extension) : undefined;
  // A type bound to its folder (e.g. .xml under emailservices/) only counts there; others (.cls) live in any folder.
  const inItsFolder =
    sourceType && (!sourceType.strictDirectoryName || sourceType.directoryName === basename(dirname(file)));
  return sourceType && inItsFolder && !existsSync(project.abs(`${file}-meta.xml`)) ? sourceType.name : undefined;
}

/** Bundles that SDR accepts but the org rejects: no -meta.xml, or a Lightning web component without its main module. */
function bundleProblems(project: Project, component: SourceComponent): Problem[] {
  const isBundle = component.type.strategies?.adapter === 'bundle';
  if (!isBundle || !component.content) {
    return [];
  }
  const folder = toRelative(project, component.content);
  if (!component.xml) {
    return [
      error(
        folder,
        `${component.type.name} "${component.fullName}" has no ${component.fullName}.js-meta.xml (or -meta.xml) file`
      )
    ];
  }
  if (component.type.name === 'LightningComponentBundle') {
    const main = ['js', 'ts'].map((extension) =>
      join(component.content as string, `${component.fullName}.${extension}`)
    );
    if (!main.some((path) => existsSync(path))) {
      return [
        error(
          folder,
          `Lightning web component "${component.fullName}" has no ${component.fullName}.js: the org rejects a bundle without its main module`
        )
      ];
    }
  }
  return [];
}

async function convertProblems(project: Project, components: SourceComponent[]): Promise<Problem[]> {
  const set = new (sdr().ComponentSet)(components);
  // An explicit version keeps SDR from looking up the newest API version over the network.
  set.sourceApiVersion = project.sourceApiVersion ?? '65.0';
  set.apiVersion = set.sourceApiVersion;
  const outputDirectory = mkdtempSync(join(tmpdir(), 'gate-mdapi-'));
  try {
    await new (sdr().MetadataConverter)().convert(set, 'metadata', {
      type: 'directory',
      outputDirectory,
      genUniqueDir: false
    });
    return existsSync(join(outputDirectory, 'package.xml'))
      ? []
      : [error('sfdx-project.json', 'conversion to Metadata API format wrote no package.xml')];
  } catch (cause) {
    return [error('sfdx-project.json', `conversion to Metadata API format failed: ${sdrMessage(cause, project)}`)];
  } finally {
    rmSync(outputDirectory, { recursive: true, force: true });
  }
}

function sdrMessage(cause: unknown, project: Project): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split(project.root + sep).join('');
}

function toRelative(project: Project, path: string): string {
  return relative(project.root, path).split(sep).join('/');
}
