import { SeverityLevel } from '@salesforce/code-analyzer-core';

/** One rule of the apex-pmd check. docs/quality-gate/apex.md says why each is selected. */
export interface SelectedRule {
  engine: 'pmd' | 'regex';
  name: string;
  /** Set where this project treats the rule as must-fix although Code Analyzer's default severity is 3-5. */
  raiseTo?: SeverityLevel;
  /** How to fix a violation, appended to the tool's message. */
  fix: string;
}

/** Severities 1 (Critical) and 2 (High) fail the gate; 3-5 (Moderate, Low, Info) are reported as warnings. */
export function failsGate(severity: SeverityLevel): boolean {
  return severity <= SeverityLevel.High;
}

const MUST_FIX = SeverityLevel.High;

export const SELECTED_RULES: SelectedRule[] = [
  // Security
  { engine: 'pmd', name: 'ApexCRUDViolation', fix: 'use WITH USER_MODE / AccessLevel.USER_MODE or check access first' },
  {
    engine: 'pmd',
    name: 'ApexSharingViolations',
    raiseTo: MUST_FIX,
    fix: 'declare `with sharing` (or `inherited sharing`; `without sharing` with a comment saying why)'
  },
  {
    engine: 'pmd',
    name: 'ApexSOQLInjection',
    fix: 'use bind variables (:name), Database.queryWithBinds or String.escapeSingleQuotes'
  },
  { engine: 'pmd', name: 'ApexOpenRedirect', fix: 'redirect only to known, relative URLs' },
  { engine: 'pmd', name: 'ApexXSSFromEscapeFalse', fix: 'keep addError escaping on (do not pass false)' },
  { engine: 'pmd', name: 'ApexXSSFromURLParam', fix: 'encode URL parameters before output' },
  {
    engine: 'pmd',
    name: 'ApexCSRF',
    fix: 'no DML in constructors or init methods; do it in an action the user triggers'
  },
  { engine: 'pmd', name: 'ApexInsecureEndpoint', fix: 'call https:// endpoints only' },
  { engine: 'pmd', name: 'ApexBadCrypto', fix: 'generate keys and IVs at run time (Crypto.generateAesKey)' },
  { engine: 'pmd', name: 'ApexSuggestUsingNamedCred', fix: 'put the endpoint and credentials in a Named Credential' },
  { engine: 'pmd', name: 'ApexDangerousMethods', fix: 'do not disable security or log secrets' },
  // Performance and governor limits
  {
    engine: 'pmd',
    name: 'OperationWithLimitsInLoop',
    raiseTo: MUST_FIX,
    fix: 'collect inside the loop, then query / DML / publish once after it (bulkify)'
  },
  { engine: 'pmd', name: 'OperationWithHighCostInLoop', fix: 'describe once before the loop and reuse the result' },
  {
    engine: 'pmd',
    name: 'EagerlyLoadedDescribeSObjectResult',
    fix: 'pass SObjectDescribeOptions.DEFERRED to getDescribe / describeSObjects'
  },
  { engine: 'pmd', name: 'AvoidNonRestrictiveQueries', fix: 'add a WHERE or LIMIT (custom metadata: use getAll())' },
  {
    engine: 'pmd',
    name: 'AvoidDirectAccessTriggerMap',
    raiseTo: MUST_FIX,
    fix: 'iterate over Trigger.new / Trigger.old instead of indexing a single record'
  },
  { engine: 'regex', name: 'AvoidGetHeapSizeInLoop', fix: 'check the heap size outside the loop' },
  // Error prone
  { engine: 'pmd', name: 'EmptyCatchBlock', fix: 'handle, log or rethrow the exception' },
  { engine: 'pmd', name: 'EmptyIfStmt', fix: 'remove the empty if or give it a body' },
  { engine: 'pmd', name: 'EmptyWhileStmt', fix: 'remove the empty loop or give it a body' },
  { engine: 'pmd', name: 'EmptyTryOrFinallyBlock', fix: 'remove the empty block' },
  { engine: 'pmd', name: 'EmptyStatementBlock', fix: 'remove the empty block or give it a body' },
  {
    engine: 'pmd',
    name: 'AvoidHardcodingId',
    raiseTo: MUST_FIX,
    fix: 'Ids differ between orgs: query the record or use custom metadata'
  },
  { engine: 'pmd', name: 'OverrideBothEqualsAndHashcode', fix: 'override both equals and hashCode' },
  { engine: 'pmd', name: 'TypeShadowsBuiltInNamespace', fix: 'rename the type' },
  {
    engine: 'pmd',
    name: 'MethodWithSameNameAsEnclosingClass',
    fix: 'rename the method (constructors have no return type)'
  },
  {
    engine: 'pmd',
    name: 'InvocableClassNoArgConstructor',
    raiseTo: MUST_FIX,
    fix: 'give the @InvocableVariable class a visible no-argument constructor, or none at all'
  },
  {
    engine: 'pmd',
    name: 'AvoidStatefulDatabaseResult',
    fix: 'keep counts or Ids, not Database.*Result objects, in batch state'
  },
  { engine: 'pmd', name: 'InaccessibleAuraEnabledGetter', fix: 'make the @AuraEnabled getter public or global' },
  { engine: 'pmd', name: 'AvoidNonExistentAnnotations', fix: 'remove or correct the annotation' },
  { engine: 'pmd', name: 'TestMethodsMustBeInTestClasses', fix: 'move the test method into an @IsTest class' },
  {
    engine: 'regex',
    name: 'MinVersionForAbstractVirtualClassesWithPrivateMethod',
    fix: 'raise the class apiVersion to 61.0 or later'
  },
  // Tests
  {
    engine: 'pmd',
    name: 'ApexUnitTestClassShouldHaveAsserts',
    raiseTo: MUST_FIX,
    fix: 'assert the outcome with Assert.areEqual(expected, actual, message)'
  },
  {
    engine: 'pmd',
    name: 'ApexAssertionsShouldIncludeMessage',
    raiseTo: MUST_FIX,
    fix: 'add a message saying what the assertion proves'
  },
  { engine: 'pmd', name: 'ApexUnitTestShouldNotUseSeeAllDataTrue', fix: 'create the test data in the test' },
  {
    engine: 'pmd',
    name: 'ApexUnitTestMethodShouldHaveIsTestAnnotation',
    fix: 'replace the deprecated testMethod keyword with @IsTest'
  },
  // Design and documentation
  {
    engine: 'pmd',
    name: 'AvoidLogicInTrigger',
    raiseTo: MUST_FIX,
    fix: 'keep the trigger to one line that calls a handler class'
  },
  { engine: 'pmd', name: 'AvoidGlobalModifier', fix: 'use public unless the member must be global' },
  {
    engine: 'pmd',
    name: 'ApexDoc',
    raiseTo: MUST_FIX,
    fix: 'document public and global members: /** @description ... @param ... @return ... */'
  },
  { engine: 'pmd', name: 'CognitiveComplexity', fix: 'split it into smaller methods or classes' },
  { engine: 'pmd', name: 'UnusedLocalVariable', fix: 'remove the variable' },
  { engine: 'pmd', name: 'IfStmtsMustUseBraces', fix: 'add braces' },
  { engine: 'pmd', name: 'IfElseStmtsMustUseBraces', fix: 'add braces' },
  { engine: 'pmd', name: 'ForLoopsMustUseBraces', fix: 'add braces' },
  { engine: 'pmd', name: 'WhileLoopsMustUseBraces', fix: 'add braces' }
];
