import { error, Problem } from '../core/types';
import { annotated } from '../references/apex-outline';
import { ApexClassSource } from './apex-classes';
import { Rule } from './model';

/**
 * Which members may be invocable variables, which apex-ls does not check. Apex Developer Guide, "InvocableVariable
 * Annotation", considerations: only global and public variables can be invocable variables; a static, final,
 * protected or private variable cannot. Evidence: docs/quality-gate/apex.md, "Compile rules apex-ls does not check".
 */
export const APEX_INVOCABLE_VARIABLE_RULES: Rule<ApexClassSource>[] = [
  {
    id: 'apex-invocable-variable-shape',
    check: (source) =>
      annotated(source.outline, 'InvocableVariable', 'field').flatMap((field): Problem[] => {
        const problems: string[] = [];
        if (!field.modifiers.includes('public') && !field.modifiers.includes('global')) {
          problems.push('must be public or global');
        }
        for (const refused of ['static', 'final']) {
          if (field.modifiers.includes(refused)) {
            problems.push(`cannot be ${refused}`);
          }
        }
        return problems.length > 0
          ? [error(source.file, `@InvocableVariable ${field.name} ${problems.join('; ')}`, field.line)]
          : [];
      })
  }
];
