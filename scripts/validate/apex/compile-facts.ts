import { error, Problem } from '../core/types';

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

/** The problem as an error when apex-ls's warning is in fact a compile error in an org; unchanged otherwise. */
export function asCompileError(problem: Problem): Problem {
  const rule =
    problem.severity === 'warning' && COMPILE_ERROR_WARNINGS.find((fact) => fact.message.test(problem.message));
  if (!rule) {
    return problem;
  }
  const apexLsMessage = problem.message.replace(/ \[apex-ls Warning[^\]]*\]$/, '');
  return error(problem.file, `${apexLsMessage}: the org's compiler rejects this [${rule.id}]`, problem.line);
}
