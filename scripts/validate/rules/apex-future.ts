import { error, Problem } from '../core/types';
import { annotated } from '../references/apex-outline';
import { ApexClassSource } from './apex-classes';
import { Rule } from './model';

/**
 * The shape the compiler demands of a `@future` method, which apex-ls does not check. Apex Developer Guide, "Future
 * Annotation": "Methods with the future annotation must be static methods, and can only return a void type. The
 * specified parameters must be primitive data types, arrays of primitive data types, or collections of primitive data
 * types. Methods with the future annotation cannot take sObjects or objects as arguments." Evidence:
 * docs/quality-gate/apex.md, "Compile rules apex-ls does not check".
 */

/** Apex's primitive data types (Apex Developer Guide, "Primitive Data Types"), lower case. */
const PRIMITIVES = new Set([
  'blob',
  'boolean',
  'date',
  'datetime',
  'decimal',
  'double',
  'id',
  'integer',
  'long',
  'object',
  'string',
  'time'
]);
const COLLECTION = /^(?:list|set|map)\s*<(.*)>$/i;

/** Whether a parameter type is a primitive, an array of them, or a (nested) collection of them. */
function isPrimitiveOrCollection(type: string): boolean {
  const bare = type.trim().replace(/^system\./i, '');
  if (bare.endsWith('[]')) {
    return isPrimitiveOrCollection(bare.slice(0, -2));
  }
  const collection = COLLECTION.exec(bare);
  if (collection) {
    return splitTopLevel(collection[1]).every(isPrimitiveOrCollection);
  }
  return PRIMITIVES.has(bare.toLowerCase());
}

/** Splits at commas outside angle brackets: `Map<Id, String> a, Integer b` -> two parts. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of list) {
    depth += character === '<' ? 1 : character === '>' ? -1 : 0;
    if (character === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  return current.trim() ? [...parts, current] : parts;
}

/** The type of each parameter of `(final List<Id> ids, String name)`. */
function parameterTypes(parameters: string): string[] {
  return splitTopLevel(parameters.replace(/^\(|\)$/g, ''))
    .map((parameter) => parameter.trim().replace(/^final\s+/i, ''))
    .filter(Boolean)
    .map((parameter) => parameter.replace(/\s*[A-Za-z_]\w*$/, ''));
}

export const APEX_FUTURE_RULES: Rule<ApexClassSource>[] = [
  {
    id: 'apex-future-method-shape',
    check: (source) =>
      annotated(source.outline, 'future', 'method').flatMap((method): Problem[] => {
        const problems: string[] = [];
        if (!method.modifiers.includes('static')) {
          problems.push('must be static');
        }
        if (method.type.toLowerCase() !== 'void') {
          problems.push(`must return void, not ${method.type}`);
        }
        const objects = parameterTypes(method.parameters).filter((type) => !isPrimitiveOrCollection(type));
        if (objects.length > 0) {
          problems.push(
            `takes ${objects.join(', ')}: only primitives, arrays and collections of primitives (pass Ids and ` +
              'query the records in the method)'
          );
        }
        return problems.length > 0
          ? [error(source.file, `@future method ${method.name} ${problems.join('; ')}`, method.line)]
          : [];
      })
  }
];
