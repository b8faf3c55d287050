import { betterAjvErrors } from '@apideck/better-ajv-errors';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';

type JsonSchema = Record<string, unknown>;
type JsonPath = Array<string | number>;

/** One schema violation, phrased as one sentence, with the JSON path of the value it is about. */
export interface SchemaViolation {
  path: JsonPath;
  message: string;
}

/** Enum values are listed in the message up to this many; longer lists only get the closest suggestion. */
const MAX_LISTED_VALUES = 12;

/**
 * Compiles a JSON schema so that its errors can be explained: every local `$ref` that is not recursive is inlined
 * first, because Ajv reports a `schemaPath` relative to the referenced definition, which tells neither which `anyOf`
 * branch an error belongs to nor where @apideck/better-ajv-errors finds the properties it suggests from.
 */
export function compileExplainable(schema: JsonSchema): ValidateFunction {
  // verbose: each error carries the schema object it comes from, to tell where its schemaPath is relative.
  return new Ajv({ allErrors: true, strict: false, verbose: true }).compile(inlineLocalRefs(schema));
}

/**
 * Ajv's errors as one sentence per problem. An `anyOf` that no branch matches reports Ajv's error for every branch
 * plus "must match a schema in anyOf"; here only the branch that came closest (fewest errors) is kept, so
 * `{"path": "force-app", "defualt": true}` reads "unknown key 'defualt'. Did you mean 'default'?" instead of five
 * lines about `package` and `versionNumber` that belong to the other shape. The wording and the "did you mean"
 * suggestions are @apideck/better-ajv-errors'.
 */
export function explainSchemaErrors(validate: ValidateFunction, data: unknown): SchemaViolation[] {
  const errors = closestBranches(validate.errors ?? []);
  const seen = new Set<string>();
  const violations: SchemaViolation[] = [];
  for (const schemaError of errors) {
    const path = instancePath(schemaError);
    const where = schemaError.keyword === 'required' ? path : path.slice(0, -1);
    const message = `${location(where)}${sentence(schemaError, data, validate.schema as JsonSchema)}`;
    if (!seen.has(message)) {
      seen.add(message);
      violations.push({ path, message });
    }
  }
  return violations;
}

/** Drops the errors of every `anyOf`/`oneOf` branch but the closest one, innermost alternatives first. */
function closestBranches(errors: ErrorObject[]): ErrorObject[] {
  let remaining = [...errors];
  const alternatives = remaining
    .filter((schemaError) => schemaError.keyword === 'anyOf' || schemaError.keyword === 'oneOf')
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const alternative of alternatives) {
    const prefix = `${alternative.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const schemaError of remaining) {
      if (schemaError.schemaPath.startsWith(prefix)) {
        const branch = schemaError.schemaPath.slice(prefix.length).split('/')[0];
        branches.set(branch, [...(branches.get(branch) ?? []), schemaError]);
      }
    }
    if (branches.size === 0) {
      continue;
    }
    const candidates = [...branches.values()];
    const kept = typeAlternatives(alternative, candidates) ?? [closest(alternative, candidates)];
    const dropped = new Set(candidates.flat().filter((schemaError) => !kept.flat().includes(schemaError)));
    dropped.add(alternative);
    remaining = [...remaining.filter((schemaError) => !dropped.has(schemaError)), ...kept.flat().filter(isSynthetic)];
  }
  return remaining;
}

/**
 * The branch the author most likely meant: one whose type the value has (an object is not meant to be the string
 * branch), then the one with the fewest errors; the first on a tie.
 */
function closest(alternative: ErrorObject, branches: ErrorObject[][]): ErrorObject[] {
  const wrongType = (branch: ErrorObject[]): number =>
    branch.some(
      (schemaError) => schemaError.keyword === 'type' && schemaError.instancePath === alternative.instancePath
    )
      ? 1
      : 0;
  return branches.reduce((best, branch) => {
    const byType = wrongType(branch) - wrongType(best);
    return byType < 0 || (byType === 0 && branch.length < best.length) ? branch : best;
  });
}

const SYNTHETIC = Symbol('synthetic');

function isSynthetic(schemaError: ErrorObject): boolean {
  return SYNTHETIC in schemaError;
}

/**
 * When every branch only asks for another type of the same value (`string` or `array of strings`), the closest
 * branch is arbitrary: one error naming all the types says it better.
 */
function typeAlternatives(alternative: ErrorObject, branches: ErrorObject[][]): ErrorObject[][] | undefined {
  const onlyTypes = branches.every(
    (branch) =>
      branch.length === 1 && branch[0].keyword === 'type' && branch[0].instancePath === alternative.instancePath
  );
  if (!onlyTypes) {
    return undefined;
  }
  const types = branches.map((branch) => String((branch[0].params as { type: unknown }).type));
  const merged: ErrorObject = {
    ...branches[0][0],
    params: { type: [...new Set(types)].join(' or ') },
    [SYNTHETIC]: true
  } as ErrorObject;
  return [[merged]];
}

function sentence(schemaError: ErrorObject, data: unknown, schema: JsonSchema): string {
  const [explained] = libraryFindsSchema(schemaError, schema)
    ? betterAjvErrors({ schema, data, errors: [schemaError], basePath: '' })
    : [];
  if (!explained) {
    const unknownKey = (schemaError.params as { additionalProperty?: string }).additionalProperty;
    return unknownKey === undefined
      ? (schemaError.message ?? schemaError.keyword)
      : `'${unknownKey}' property is not expected to be here`;
  }
  // Its "required" message starts with the dotted path, which the location prefix already gives.
  let message = explained.message.replace(/^\S* must have required/, 'must have required');
  const allowed = explained.context.allowedValues;
  if (Array.isArray(allowed) && allowed.length <= MAX_LISTED_VALUES) {
    message += ` (${allowed.map(String).join(', ')})`;
  }
  return explained.suggestion ? `${message}. ${explained.suggestion}` : message;
}

/**
 * Whether @apideck/better-ajv-errors finds the schema an error comes from. It reads the error's schemaPath from the
 * root, which inside a recursive definition (still a $ref) is relative to that definition, and for an unknown key it
 * cuts the path at the first `/additionalProperties`, which is wrong inside a map of objects. In both cases it would
 * suggest keys of the wrong object or throw, so Ajv's own words are used instead.
 */
function libraryFindsSchema(schemaError: ErrorObject, schema: JsonSchema): boolean {
  const keywordAt = schemaError.schemaPath.indexOf('/additionalProperties');
  if (schemaError.keyword === 'additionalProperties' && keywordAt !== schemaError.schemaPath.lastIndexOf('/')) {
    return false;
  }
  let node: unknown = schema;
  for (const segment of schemaError.schemaPath.split('/').slice(1, -1)) {
    if (node === null || typeof node !== 'object') {
      return false;
    }
    node = (node as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node === schemaError.parentSchema;
}

/** The JSON path of the value an error is about; for an unknown or missing key, the key itself. */
function instancePath(schemaError: ErrorObject): JsonPath {
  const path: JsonPath = schemaError.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  if (schemaError.keyword === 'additionalProperties') {
    path.push((schemaError.params as { additionalProperty: string }).additionalProperty);
  }
  return path;
}

/** `packageDirectories[0]: `, or nothing at the top of the document. */
function location(path: JsonPath): string {
  if (path.length === 0) {
    return '';
  }
  const readable = path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
  return `${readable}: `;
}

/** A copy of the schema with each local `#/definitions/X` reference replaced by X, except where X contains itself. */
function inlineLocalRefs(schema: JsonSchema): JsonSchema {
  const definitions = (schema.definitions ?? {}) as Record<string, unknown>;
  const inline = (node: unknown, expanding: string[]): unknown => {
    if (Array.isArray(node)) {
      return node.map((item) => inline(item, expanding));
    }
    if (node === null || typeof node !== 'object') {
      return node;
    }
    const { $ref, ...rest } = node as Record<string, unknown>;
    const name = typeof $ref === 'string' && $ref.startsWith('#/definitions/') ? $ref.slice(14) : undefined;
    const copy = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inline(value, expanding)]));
    if (name === undefined || !(name in definitions) || expanding.includes(name)) {
      return $ref === undefined ? copy : { $ref, ...copy };
    }
    return { ...(inline(definitions[name], [...expanding, name]) as object), ...copy };
  };
  return { ...(inline(schema, []) as JsonSchema), definitions };
}
