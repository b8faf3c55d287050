/**
 * apex-ls diagnostics of its Warning category that the Apex compiler in an org rejects. apex-ls reports them as
 * warnings; the org's compiler refuses the class ("Final members can only be assigned in their declaration, init
 * blocks, or constructors"), so `apex-types` reports them as errors with this rule id.
 * Evidence: docs/quality-gate/apex.md, "Compile rules apex-ls does not check".
 */
const COMPILE_ERROR_WARNINGS: Array<{ id: string; message: RegExp }> = [
  { id: 'apex-final-reassigned', message: /^(Field|Variable) '[^']+' can not be assigned to, it is final/ }
];

/** The rule id when an apex-ls warning is in fact a compile error in an org; undefined otherwise. */
export function compileErrorRuleOf(message: string): string | undefined {
  return COMPILE_ERROR_WARNINGS.find((rule) => rule.message.test(message))?.id;
}
