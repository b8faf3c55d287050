import { Project } from '../core/project';
import { checkFormatting, FormatVerdict } from './prettier-worker';
import { apexSourceFiles } from './sources';

/**
 * Prettier's verdict on every Apex source of the project, keyed by project-relative path, computed once per run:
 * apex-syntax reads the parse failures, apex-format the formatting.
 */
export function apexFormatVerdicts(project: Project): Promise<Map<string, FormatVerdict>> {
  return project.memo('apex-format-verdicts', async () => {
    const files = apexSourceFiles(project);
    const relativeByAbsolute = new Map(files.map((file) => [project.abs(file), file]));
    const verdicts = files.length > 0 ? await checkFormatting(project.root, [...relativeByAbsolute.keys()]) : [];
    return new Map(verdicts.map((verdict) => [relativeByAbsolute.get(verdict.file) ?? verdict.file, verdict]));
  });
}
