import { Project } from '../../scripts/validate/core/project';
import { Check, Problem } from '../../scripts/validate/core/types';
import { FixtureCopy } from './fixture';

/** Runs one check on a fixture copy and returns its errors (warnings are left out: they never fail the gate). */
export async function errorsOf(check: Check, fixture: FixtureCopy): Promise<Problem[]> {
  const outcome = await check.run(new Project(fixture.root));
  return outcome.problems.filter((problem) => problem.severity === 'error');
}

/** Runs one check on a fixture copy and returns everything it reported. */
export async function problemsOf(check: Check, fixture: FixtureCopy): Promise<Problem[]> {
  return (await check.run(new Project(fixture.root))).problems;
}
