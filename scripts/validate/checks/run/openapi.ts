import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { apexSourceFiles } from '../../apex/sources';
import { Project } from '../../core/project';
import { CheckOutcome, error, Problem } from '../../core/types';
import { isApexClass, restMappingsIn } from '../../references/apex-views';

/** Where OpenAPI descriptions live, and how their names end. */
const DOCS_DIR = 'docs';
const SPEC_SUFFIXES = ['.openapi.yaml', '.openapi.yml', '.openapi.json'];
/** Every Apex REST resource is served below this path of the instance. */
const APEX_REST_BASE = '/services/apexrest';
/** Schema errors that only say "this was not the other alternative either" when a real error sits beside them. */
const ALTERNATIVE_KEYWORDS = new Set(['oneOf', 'anyOf']);

/** An Apex class's `urlMapping`, e.g. `/subscription_builder/1/*`. */
interface RestResource {
  file: string;
  line: number;
  urlMapping: string;
}

/** A path of a description that lies under `/services/apexrest`, relative to it. */
interface ApexRestPath {
  file: string;
  line: number | undefined;
  /** As written in the description, e.g. `/subscription_builder/1/`. */
  specPath: string;
  /** Relative to /services/apexrest, e.g. `/subscription_builder/1/`. */
  apexPath: string;
}

interface SpecReport {
  /** False when the file is not YAML: its paths are unknown. */
  readable: boolean;
  problems: Problem[];
  apexPaths: ApexRestPath[];
}

/** Where a YAML document's nodes are, for the line of a JSON pointer. */
class YamlLocator {
  constructor(
    private readonly document: Document,
    private readonly lines: LineCounter
  ) {}

  /**
   * The line of the deepest node the pointer's segments reach in the file, and whether they all resolved. A walk
   * stops early where the file has a `$ref`: the validator reports the dereferenced document.
   */
  locate(segments: string[]): { line: number | undefined; complete: boolean } {
    let node: unknown = this.document.contents;
    let line = this.lineOf(node);
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
        if (!pair) {
          return { line, complete: false };
        }
        line = this.lineOf(pair.key) ?? line;
        node = pair.value;
      } else if (isSeq(node) && node.items[Number(segment)] !== undefined) {
        node = node.items[Number(segment)];
        line = this.lineOf(node) ?? line;
      } else {
        return { line, complete: false };
      }
    }
    return { line, complete: true };
  }

  /** The line of the first `$ref` whose value is this pointer. */
  lineOfRef(pointer: string): number | undefined {
    let found: number | undefined;
    const visit = (node: unknown): void => {
      if (found !== undefined) {
        return;
      }
      if (isMap(node)) {
        for (const pair of node.items) {
          if (isScalar(pair.key) && pair.key.value === '$ref' && isScalar(pair.value) && pair.value.value === pointer) {
            found = this.lineOf(pair.key);
            return;
          }
          visit(pair.value);
        }
      } else if (isSeq(node)) {
        node.items.forEach(visit);
      }
    };
    visit(this.document.contents);
    return found;
  }

  private lineOf(node: unknown): number | undefined {
    const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
    return range ? this.lines.linePos(range[0]).line : undefined;
  }
}

async function readSpec(project: Project, file: string): Promise<SpecReport> {
  const lines = new LineCounter();
  const document = parseDocument(project.read(file), { lineCounter: lines, prettyErrors: true });
  if (document.errors.length > 0) {
    // The first error only: the parser's later ones mostly follow from it.
    const first = document.errors[0];
    return {
      readable: false,
      problems: [error(file, `not valid YAML: ${first.message.split('\n')[0]}`, first.linePos?.[0].line)],
      apexPaths: []
    };
  }
  const locator = new YamlLocator(document, lines);
  return {
    readable: true,
    problems: await validationProblems(project, file, locator),
    apexPaths: apexRestPaths(file, document.toJS() as unknown, locator)
  };
}

/** One error of the OpenAPI JSON schema, as swagger-parser passes on Ajv's. */
interface SchemaDetail {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

async function validationProblems(project: Project, file: string, locator: YamlLocator): Promise<Problem[]> {
  try {
    // http: false keeps the gate offline; a remote $ref is reported as unresolvable.
    // swagger-parser takes ~0.25 s to load: only when the check runs (not on a cached run).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const SwaggerParser = require('@apidevtools/swagger-parser') as typeof import('@apidevtools/swagger-parser');
    await SwaggerParser.validate(project.abs(file), { resolve: { http: false } });
    return [];
  } catch (caught) {
    const details = schemaDetailsOf(caught);
    if (details.length > 0) {
      return schemaProblems(file, details, locator);
    }
    const message = (caught instanceof Error ? caught.message : String(caught)).split(project.abs(file)).join(file);
    const pointer = /\$ref pointer "([^"]+)"/.exec(message)?.[1];
    return [
      error(
        file,
        `not a valid OpenAPI description: ${message.split('\n')[0]}`,
        pointer === undefined ? undefined : locator.lineOfRef(pointer)
      )
    ];
  }
}

function schemaDetailsOf(caught: unknown): SchemaDetail[] {
  if (typeof caught !== 'object' || caught === null || !('details' in caught) || !Array.isArray(caught.details)) {
    return [];
  }
  return caught.details.filter(
    (detail): detail is SchemaDetail =>
      typeof detail === 'object' &&
      detail !== null &&
      typeof (detail as SchemaDetail).instancePath === 'string' &&
      typeof (detail as SchemaDetail).keyword === 'string'
  );
}

function schemaProblems(file: string, details: SchemaDetail[], locator: YamlLocator): Problem[] {
  // Ajv reports each failed alternative of a oneOf too ("must have required property '$ref'", "must match exactly
  // one schema in oneOf"); they only echo the real error, so they are dropped whenever a real one is there.
  const isEcho = (detail: SchemaDetail): boolean =>
    ALTERNATIVE_KEYWORDS.has(detail.keyword) ||
    (detail.keyword === 'required' && detail.params.missingProperty === '$ref');
  const real = details.some((detail) => !isEcho(detail)) ? details.filter((detail) => !isEcho(detail)) : details;
  const located = real.map((detail) => {
    const segments = pointerSegments(detail.instancePath);
    const extra = detail.params.additionalProperty;
    const where = locator.locate(typeof extra === 'string' ? [...segments, extra] : segments);
    return { detail, where, text: describe(detail) };
  });
  // The validator sees the document with every $ref replaced: an error inside a shared component comes once at the
  // component and once at each use. Keep the component's.
  const seenComplete = new Set(
    located.filter((entry) => entry.where.complete).map((entry) => problemKey(entry.detail))
  );
  return located
    .filter((entry) => entry.where.complete || !seenComplete.has(problemKey(entry.detail)))
    .map((entry) => error(file, `not valid OpenAPI at ${placeOf(entry.detail)}: ${entry.text}`, entry.where.line));
}

/** A pointer as a reader says it: `paths > /a/ > post` rather than `/paths/~1a~1/post`. */
function placeOf(detail: SchemaDetail): string {
  const segments = pointerSegments(detail.instancePath);
  return segments.length === 0 ? 'the top level' : segments.join(' > ');
}

function problemKey(detail: SchemaDetail): string {
  const tail = pointerSegments(detail.instancePath).slice(-1)[0] ?? '';
  return `${detail.keyword}|${describe(detail)}|${tail}`;
}

function describe(detail: SchemaDetail): string {
  const params = detail.params;
  const message = detail.message ?? detail.keyword;
  if (typeof params.additionalProperty === 'string') {
    return `${message}: "${params.additionalProperty}" is not allowed here`;
  }
  if (Array.isArray(params.allowedValues)) {
    return `${message}: ${params.allowedValues.join(', ')}`;
  }
  return message;
}

/** The decoded segments of a JSON pointer (`/paths/~1a~1/post` is paths, /a/, post). */
function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function apexRestPaths(file: string, spec: unknown, locator: YamlLocator): ApexRestPath[] {
  if (!isRecord(spec) || !isRecord(spec.paths)) {
    return [];
  }
  const rootBases = serverBasePaths(spec.servers);
  const found: ApexRestPath[] = [];
  for (const [specPath, item] of Object.entries(spec.paths)) {
    const bases = isRecord(item) && Array.isArray(item.servers) ? serverBasePaths(item.servers) : rootBases;
    for (const base of bases) {
      const full = `${base}${specPath}`;
      if (full.startsWith(`${APEX_REST_BASE}/`)) {
        const line = locator.locate(['paths', specPath]).line;
        found.push({ file, line, specPath, apexPath: full.slice(APEX_REST_BASE.length) });
        break;
      }
    }
  }
  return found;
}

/** The path part of each server URL, variables replaced by their defaults, without a trailing slash. */
function serverBasePaths(servers: unknown): string[] {
  if (!Array.isArray(servers) || servers.length === 0) {
    return [''];
  }
  return servers.filter(isRecord).map((server) => {
    let url = typeof server.url === 'string' ? server.url : '';
    const variables = isRecord(server.variables) ? server.variables : {};
    for (const [name, variable] of Object.entries(variables)) {
      if (isRecord(variable) && typeof variable.default === 'string') {
        url = url.split(`{${name}}`).join(variable.default);
      }
    }
    return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/+$/, '');
  });
}

function restResources(project: Project): RestResource[] {
  return apexSourceFiles(project)
    .filter(isApexClass)
    .flatMap((file) => restMappingsIn(project.read(file)).map((mapping) => ({ file, ...mapping })));
}

/** Does an Apex urlMapping (`*` is a wildcard, matching is case-sensitive) serve this description path? */
function serves(urlMapping: string, apexPath: string): boolean {
  const pattern = urlMapping
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  // A path template's {parameter} stands for one segment of a real URL.
  const example = apexPath.replace(/\{[^}/]+\}/g, 'x');
  return new RegExp(`^${pattern}$`).test(example);
}

function mappingProblems(resources: RestResource[], specs: SpecReport[]): Problem[] {
  const paths = specs.flatMap((spec) => spec.apexPaths);
  const problems: Problem[] = [];
  // A description that is not YAML may hold a class's path: its own error is reported, not a missing path.
  const allPathsKnown = specs.every((spec) => spec.readable);
  for (const resource of allPathsKnown ? resources : []) {
    if (!paths.some((path) => serves(resource.urlMapping, path.apexPath))) {
      problems.push(
        error(
          resource.file,
          `@RestResource urlMapping '${resource.urlMapping}' has no path in any OpenAPI description under ${DOCS_DIR}/ ` +
            `(a server ending in ${APEX_REST_BASE} and a path the mapping matches): describe the endpoint in a ` +
            `${DOCS_DIR}/*${SPEC_SUFFIXES[0]} file, or correct the path that is meant to describe it`,
          resource.line
        )
      );
    }
  }
  const mappings = resources.map((resource) => resource.urlMapping);
  for (const path of paths) {
    if (!resources.some((resource) => serves(resource.urlMapping, path.apexPath))) {
      const known = mappings.length > 0 ? mappings.map((mapping) => `'${mapping}'`).join(', ') : 'none';
      problems.push(
        error(
          path.file,
          `path ${path.specPath} (${APEX_REST_BASE}${path.apexPath}) is served by no @RestResource class in the ` +
            `package directories (urlMappings: ${known}); correct the path or the class's urlMapping (both are ` +
            `case-sensitive)`,
          path.line
        )
      );
    }
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The openapi check's run (see checks/openapi.ts): loaded only when the check runs. */
export async function runOpenapi(project: Project): Promise<CheckOutcome> {
  const specFiles = project.filesUnder(DOCS_DIR).filter((file) => SPEC_SUFFIXES.some((end) => file.endsWith(end)));
  const resources = restResources(project);
  const specs = await Promise.all(specFiles.map((file) => readSpec(project, file)));
  const problems = [...specs.flatMap((spec) => spec.problems), ...mappingProblems(resources, specs)];
  return { filesSeen: specFiles.length + resources.length, problems };
}
