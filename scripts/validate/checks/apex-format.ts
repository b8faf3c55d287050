import { findSyntaxErrors } from '../apex/apex-syntax';
import { apexFormatVerdicts } from '../apex/format-verdicts';
import { apexSourceFiles } from '../apex/sources';
import { Check, error, Problem } from '../core/types';

/**
 * Every Apex class and trigger is formatted as Prettier prints it with the project's config (prettier-plugin-apex).
 * Runs Prettier's API in a worker thread: no Java, ~10 ms a file. Files that do not parse are apex-syntax's.
 */
export const apexFormatCheck: Check = {
  id: 'apex-format',
  title: 'Apex classes and triggers are formatted by Prettier (prettier-plugin-apex)',
  basis: 'house-policy',
  prerequisites: ['apex-syntax'],
  async run(project) {
    const files = apexSourceFiles(project);
    const verdicts = await apexFormatVerdicts(project);
    const problems: Problem[] = [];
    // A file that parses but that Prettier could not format (a broken config, a missing plugin) says the same thing
    // for every file: one error, at the first one, with the count.
    const failures = new Map<string, string[]>();
    for (const [file, verdict] of verdicts) {
      // A file that does not parse is apex-syntax's finding.
      if (verdict.status === 'failed' && (await findSyntaxErrors(project.read(file))).length === 0) {
        failures.set(verdict.message, [...(failures.get(verdict.message) ?? []), file]);
      }
      if (verdict.status === 'unformatted') {
        problems.push(
          error(
            file,
            'not formatted as Prettier prints it (first difference on this line): run npm run prettier',
            verdict.firstDifferentLine
          )
        );
      }
    }
    for (const [message, failed] of failures) {
      const others = failed.length > 1 ? ` (and ${failed.length - 1} more Apex files)` : '';
      problems.push(error(failed[0], `Prettier could not check this file${others}: ${message}`));
    }
    return { filesSeen: files.length, problems };
  }
};
