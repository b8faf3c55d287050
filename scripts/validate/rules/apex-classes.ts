import { Project } from '../core/project';
import { error, Problem } from '../core/types';
import { annotated, ApexOutline, outlineApex } from '../references/apex-outline';
import { Rule } from './model';

/**
 * Compile rules of Apex classes that apex-ls (the `apex-types` check) does not report. apex-ls already reports a
 * `final` field or variable assigned outside its declaration, initialiser or constructor; `apex-types` makes that
 * an error (see scripts/validate/apex/compile-facts.ts). Evidence: docs/quality-gate/apex.md, "Compile rules
 * apex-ls does not check".
 */

export interface ApexClassSource {
  file: string;
  name: string;
  outline: ApexOutline;
}

export function loadApexClasses(project: Project): ApexClassSource[] {
  return project.packageFilesEndingWith('.cls').map((file) => ({
    file,
    name: file.slice(file.lastIndexOf('/') + 1, -'.cls'.length),
    outline: outlineApex(project.read(file))
  }));
}

export const APEX_CLASS_RULES: Rule<ApexClassSource>[] = [
  // Why: "Only one method in a class can have the InvocableMethod annotation" (Apex Developer Guide,
  // InvocableMethod Annotation, Implementation Notes); the compiler refuses the class.
  {
    id: 'apex-one-invocable-method',
    check: (source) => {
      const invocable = annotated(source.outline, 'InvocableMethod', 'method');
      return invocable
        .slice(1)
        .map((method) =>
          error(
            source.file,
            `${source.name} declares a second @InvocableMethod (${method.name}, after ${invocable[0].name} on line ` +
              `${invocable[0].line}): only one method of a class can be invocable; move it to a class of its own`,
            method.line
          )
        );
    }
  },
  // Why: "The invocable method must be static and public or global, and its class must be an outer class"
  // (Apex Developer Guide, InvocableMethod Annotation, Implementation Notes).
  {
    id: 'apex-invocable-method-shape',
    check: (source) =>
      annotated(source.outline, 'InvocableMethod', 'method').flatMap((method): Problem[] => {
        const problems: string[] = [];
        if (!method.modifiers.includes('static')) {
          problems.push('must be static');
        }
        if (!method.modifiers.includes('public') && !method.modifiers.includes('global')) {
          problems.push('must be public or global');
        }
        if (method.owner?.inner) {
          problems.push(`must be declared in an outer class, not in inner class ${method.owner.qualifiedName}`);
        }
        return problems.length > 0
          ? [error(source.file, `@InvocableMethod ${method.name} ${problems.join(', ')}`, method.line)]
          : [];
      })
  }
];
