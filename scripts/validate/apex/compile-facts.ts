import { Project } from '../core/project';
import { error, Problem, warning } from '../core/types';
import { scanApex } from '../references/apex-source';

/**
 * apex-ls diagnostics of its Warning category that the Apex compiler in an org rejects. apex-ls reports them as
 * warnings; the org's compiler refuses the class ("Final members can only be assigned in their declaration, init
 * blocks, or constructors"), so `apex-types` reports them as errors with this rule id.
 * Evidence: docs/quality-gate/apex.md, "Compile rules apex-ls does not check".
 */
const COMPILE_ERROR_WARNINGS: Array<{ id: string; message: RegExp }> = [
  {
    id: 'apex-final-reassigned',
    message: /^(Field|Variable) '[^']+' can not be assigned to, it is final \[apex-ls Warning\b/
  }
];

/**
 * apex-ls diagnostics of its Error category that orgs compile and deploy, each with the known-deployable project that
 * shows it: `apex-types` reports them as warnings where `accepts` holds. Evidence: docs/quality-gate/apex.md, "apex-ls
 * errors that orgs accept".
 */
const ACCEPTED_BY_ORGS: Array<{
  message: RegExp;
  accepts(problem: Problem, project: Project): boolean;
  deploys: string;
}> = [
  {
    // apex-ls says this of every `private override`, also of one whose method is virtual nowhere ("the extending
    // class can override the existing virtual methods": Apex Developer Guide, "Extending a Class"): accepted only
    // where some class of the project declares a method of that name virtual or abstract.
    message: /^Overriding a private method may not work\b/,
    accepts: (problem, project) => {
      const declaration = project.read(problem.file).split('\n')[(problem.line ?? 0) - 1] ?? '';
      const name = /\boverride\b[^(]*?\b(\w+)\s*\(/i.exec(declaration)?.[1];
      const overridable = name && new RegExp(`\\b(virtual|abstract)\\b[^;{}()]*\\b${name}\\s*\\(`, 'i');
      return (
        !!overridable &&
        project.packageFilesEndingWith('.cls').some((file) => overridable.test(scanApex(project.read(file)).code))
      );
    },
    deploys: 'mitchspano/apex-trigger-actions-framework TriggerBaseTest, pushed to a scratch org by its CI'
  }
];

/** The problem with the severity an org gives it, where that differs from apex-ls's; unchanged otherwise. */
export function withOrgSeverity(problem: Problem, project: Project): Problem {
  const accepted =
    problem.severity === 'error' &&
    ACCEPTED_BY_ORGS.find((fact) => fact.message.test(problem.message) && fact.accepts(problem, project));
  if (accepted) {
    const apexLsMessage = problem.message.replace(/ \[apex-ls Error[^\]]*\]$/, '');
    return warning(
      problem.file,
      `${apexLsMessage} [apex-ls calls this an error, but orgs compile it: ${accepted.deploys}]`,
      problem.line
    );
  }
  const rule =
    problem.severity === 'warning' && COMPILE_ERROR_WARNINGS.find((fact) => fact.message.test(problem.message));
  if (!rule) {
    return problem;
  }
  const apexLsMessage = problem.message.replace(/ \[apex-ls Warning[^\]]*\]$/, '');
  return error(problem.file, `${apexLsMessage}: the org's compiler rejects this [${rule.id}]`, problem.line);
}
