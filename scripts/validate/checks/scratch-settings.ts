import { ComplexType, ElementDecl } from '../metadata/type-model';
import { metadataTypeModel } from '../metadata/shared-model';
import { suggestion } from '../metadata/suggest';

/** One problem in a scratch definition's `settings`, with its JSON path. */
export interface SettingsProblem {
  path: Array<string | number>;
  message: string;
}

/**
 * Checks a scratch org definition's `settings` against the Metadata API settings types, which the JSON schema leaves
 * open: each key names a settings type in lower camel case (`orderSettings` is OrderSettings) and its properties are
 * that type's elements, with the same value kinds. The sf CLI turns them into settings metadata when it creates the org,
 * so a misspelt setting fails the org creation, or worse, is ignored and the org lacks the feature.
 */
export function settingsProblems(settings: unknown): SettingsProblem[] {
  if (settings === undefined) {
    return [];
  }
  if (!isObject(settings)) {
    return [{ path: ['settings'], message: 'settings must be an object of settings types' }];
  }
  const model = metadataTypeModel();
  const settingsTypes = model.complexTypeNames().filter((name) => name.endsWith('Settings'));
  const problems: SettingsProblem[] = [];
  for (const [key, value] of Object.entries(settings)) {
    const typeName = key.charAt(0).toUpperCase() + key.slice(1);
    const type = model.complexType(typeName);
    if (!type || !typeName.endsWith('Settings')) {
      const candidates = settingsTypes.map((name) => name.charAt(0).toLowerCase() + name.slice(1));
      problems.push({
        path: ['settings', key],
        message: `"${key}" is not a Metadata API settings type: ${suggestion(key, candidates)}`
      });
    } else {
      problems.push(...valueProblems(type, value, ['settings', key]));
    }
  }
  return problems;
}

function valueProblems(type: ComplexType, value: unknown, path: Array<string | number>): SettingsProblem[] {
  if (!isObject(value)) {
    return [{ path, message: `must be an object with the elements of ${type.name}` }];
  }
  const problems: SettingsProblem[] = [];
  const names = type.elements.map((element) => element.name);
  for (const [key, child] of Object.entries(value)) {
    const element = type.elements.find((candidate) => candidate.name === key);
    if (!element) {
      problems.push({
        path: [...path, key],
        message: `${type.name} has no element "${key}": ${suggestion(key, names)}`
      });
      continue;
    }
    const values = Array.isArray(child) && element.repeats ? child : [child];
    values.forEach((item, index) => {
      const itemPath = values.length > 1 || Array.isArray(child) ? [...path, key, index] : [...path, key];
      problems.push(...elementProblems(element, item, itemPath));
    });
  }
  return problems;
}

function elementProblems(element: ElementDecl, value: unknown, path: Array<string | number>): SettingsProblem[] {
  const where = `${element.declaredIn}.${element.name}`;
  switch (element.value.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? [] : [{ path, message: `${where} must be true or false` }];
    case 'number':
      return typeof value === 'number' ? [] : [{ path, message: `${where} must be a number` }];
    case 'enum':
      return typeof value === 'string' && element.value.values.includes(value)
        ? []
        : [{ path, message: `${where} must be one of ${element.value.values.join(', ')}` }];
    case 'complex': {
      const nested = metadataTypeModel().complexType(element.value.typeName);
      return nested ? valueProblems(nested, value, path) : [];
    }
    case 'string':
    case 'date':
      return typeof value === 'string' ? [] : [{ path, message: `${where} must be a string` }];
    case 'any':
      return [];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
