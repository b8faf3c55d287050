/**
 * Runs the @IsTest methods of a loaded project as the platform does: each method its own transaction (statics reset,
 * database back to the @TestSetup state), outcome PASS only when the method ran to its end.
 */
import type { MethodDecl } from '../frontend/ast';
import { ApexThrown, UnsupportedError } from '../interpreter/errors';
import type { ClassInfo } from '../interpreter/objects';
import type { LoadedProject } from './project';

export type Outcome = 'PASS' | 'FAIL' | 'UNSUPPORTED';

export interface TestResult {
  className: string;
  methodName: string;
  outcome: Outcome;
  timeMs: number;
  /** FAIL: the Apex exception type; UNSUPPORTED: the construct */
  exceptionType?: string;
  message?: string;
  /** `Class.X.method: line N, column 1` lines */
  stack?: string;
}

export interface RunFilter {
  classes?: string[];
  method?: string;
}

function isTestMethod(m: MethodDecl): boolean {
  return m.ann.some((a) => a.name === 'istest') || m.mods.includes('testmethod');
}

export function testClasses(project: LoadedProject, filter: RunFilter): { info: ClassInfo; methods: MethodDecl[] }[] {
  const wanted = filter.classes?.map((c) => c.toLowerCase());
  const out: { info: ClassInfo; methods: MethodDecl[] }[] = [];
  for (const { info } of project.classes) {
    if (!info.hasAnnotation('istest')) continue;
    if (wanted && !wanted.includes(info.lname)) continue;
    const methods = info.decl!.methods.filter(
      (m) => isTestMethod(m) && (!filter.method || m.name.toLowerCase() === filter.method.toLowerCase())
    );
    if (methods.length > 0) out.push({ info, methods });
  }
  return out;
}

function describeError(e: unknown): Pick<TestResult, 'outcome' | 'exceptionType' | 'message' | 'stack'> {
  if (e instanceof ApexThrown) {
    const x = e.exception;
    return {
      outcome: 'FAIL',
      exceptionType: x.cls.name,
      message: x.exception?.message ?? '',
      stack: x.exception?.stack ?? ''
    };
  }
  if (e instanceof UnsupportedError) {
    return {
      outcome: 'UNSUPPORTED',
      exceptionType: 'UNSUPPORTED',
      message: e.what,
      stack: `${e.where}: line ${e.line}`
    };
  }
  const err = e as Error;
  if (err instanceof RangeError && !process.env.APEX_DEBUG)
    return {
      outcome: 'FAIL',
      exceptionType: 'System.LimitException',
      message: 'Maximum stack depth reached',
      stack: ''
    };
  return {
    outcome: 'UNSUPPORTED',
    exceptionType: 'UNSUPPORTED',
    message: `runtime error: ${err?.message ?? String(e)}`,
    stack: (err?.stack ?? '').split('\n').slice(1, 4).join('\n')
  };
}

export function runTests(project: LoadedProject, filter: RunFilter, onResult: (r: TestResult) => void): TestResult[] {
  const { interp, platform } = project;
  const results: TestResult[] = [];
  const orgState = platform.snapshot();
  for (const { info, methods } of testClasses(project, filter)) {
    // @TestSetup runs once per class; its data is restored before every test method
    platform.restore(orgState);
    let setupError: ReturnType<typeof describeError> | null = null;
    const setups = info.decl!.methods.filter((m) => m.ann.some((a) => a.name === 'testsetup'));
    if (setups.length > 0) {
      interp.resetStatics();
      platform.beginTest();
      try {
        for (const s of setups) interp.invoke(info, s, null, [], s.line);
      } catch (e) {
        setupError = describeError(e);
      }
    }
    const classState = platform.snapshot();
    for (const m of methods) {
      const started = Date.now();
      let result: TestResult;
      if (setupError) {
        result = {
          className: info.name,
          methodName: m.name,
          timeMs: 0,
          ...setupError,
          message: `@TestSetup failed: ${setupError.message}`
        };
      } else {
        platform.restore(classState);
        interp.resetStatics();
        platform.beginTest();
        const seeAll = (list: { name: string; params: Record<string, string | boolean> }[]): boolean =>
          list.some(
            (a) =>
              a.name === 'istest' &&
              Object.entries(a.params).some(([k, v]) => k === 'seealldata' && String(v).toLowerCase() === 'true')
          );
        platform.seeAllData = seeAll(m.ann) || seeAll(info.decl!.ann);
        try {
          interp.invoke(info, m, null, [], m.line);
          result = { className: info.name, methodName: m.name, outcome: 'PASS', timeMs: 0 };
        } catch (e) {
          result = { className: info.name, methodName: m.name, timeMs: 0, ...describeError(e) };
        }
      }
      result.timeMs = Date.now() - started;
      if (!process.env.APEX_DEBUG) interp.stack.length = 0;
      results.push(result);
      onResult(result);
    }
  }
  return results;
}
