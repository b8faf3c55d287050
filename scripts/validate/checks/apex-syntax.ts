import { findSyntaxErrors, nativeParserAvailable } from '../apex/apex-syntax';
import { apexFormatVerdicts } from '../apex/format-verdicts';
import { apexSourceFiles } from '../apex/sources';
import { Check, error, Problem } from '../core/types';

/**
 * Every Apex class and trigger parses with Salesforce's own grammar (jorje, the native parser shipped with
 * prettier-plugin-apex): a file that does not parse fails the deploy's compile. One error per syntax error, at the
 * line where the mistake is (a missing `;` is reported at the end of the statement that lacks it, not at the next
 * token). apex-format, apex-types and apex-pmd wait for this check and are skipped when it fails, so one typo is
 * one error, not an echo in every file that uses the broken class.
 */
export const apexSyntaxCheck: Check = {
  id: 'apex-syntax',
  title: "Apex classes and triggers parse with Salesforce's grammar (jorje)",
  basis: 'deploy-fact',
  async run(project) {
    const files = apexSourceFiles(project);
    if (files.length === 0) {
      return { filesSeen: 0, problems: [] };
    }
    const verdicts = await apexFormatVerdicts(project);
    const unparsed = files.filter((file) => {
      const status = verdicts.get(file)?.status;
      // Prettier parsed these; an ignored file, or one Prettier failed on for any reason, is parsed here.
      return status !== 'formatted' && status !== 'unformatted';
    });
    if (unparsed.length > 0 && !nativeParserAvailable()) {
      return {
        filesSeen: files.length,
        problems: [
          error(
            unparsed[0],
            `${unparsed.length} Apex file(s) could not be parsed: prettier-plugin-apex has no native parser for ` +
              `${process.platform}-${process.arch} (reinstall with npm ci)`
          )
        ]
      };
    }
    const problems: Problem[] = [];
    for (const file of unparsed) {
      for (const syntaxError of await findSyntaxErrors(project.read(file))) {
        problems.push(error(file, `Apex syntax error: ${syntaxError.message}`, syntaxError.line));
      }
    }
    return { filesSeen: files.length, problems };
  }
};
