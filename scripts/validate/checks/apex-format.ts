import { findSyntaxErrors } from '../apex/apex-syntax';
import { checkFormatting, FormatVerdict } from '../apex/prettier-worker';
import { apexSourceFiles } from '../apex/sources';
import { Project } from '../core/project';
import { Check, error, Problem } from '../core/types';

/**
 * Every Apex class and trigger parses (Salesforce's jorje grammar, through prettier-plugin-apex) and is formatted as
 * Prettier prints it with the project's config. Runs Prettier's API in a worker thread: no Java, ~10 ms a file.
 */
export const apexFormatCheck: Check = {
  id: 'apex-format',
  title: 'Apex classes and triggers parse and are formatted by Prettier (prettier-plugin-apex)',
  async run(project) {
    const files = apexSourceFiles(project);
    if (files.length === 0) {
      return { filesSeen: 0, problems: [] };
    }
    const relativeByAbsolute = new Map(files.map((file) => [project.abs(file), file]));
    const verdicts = await checkFormatting(project.root, [...relativeByAbsolute.keys()]);
    const problems = await Promise.all(
      verdicts.map((verdict) => problemsOf(project, relativeByAbsolute.get(verdict.file) ?? verdict.file, verdict))
    );
    return { filesSeen: files.length, problems: problems.flat() };
  }
};

async function problemsOf(project: Project, file: string, verdict: FormatVerdict): Promise<Problem[]> {
  switch (verdict.status) {
    case 'formatted':
    case 'ignored':
      return [];
    case 'unformatted':
      return [
        error(
          file,
          'not formatted as Prettier prints it (first difference on this line): run npm run prettier',
          verdict.firstDifferentLine
        )
      ];
    case 'failed': {
      const syntaxErrors = await findSyntaxErrors(project.read(file));
      if (syntaxErrors.length === 0) {
        return [error(file, `Prettier could not check this file: ${verdict.message}`)];
      }
      return syntaxErrors.map((syntaxError) =>
        error(
          file,
          `Apex syntax error: ${syntaxError.message} (the parser stops at this token; the mistake may be just before it)`,
          syntaxError.line
        )
      );
    }
  }
}
