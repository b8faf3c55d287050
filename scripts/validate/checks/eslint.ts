import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint, Linter } from 'eslint';
import { Check, CheckOutcome, error, Problem, warning } from '../core/types';
import { Project } from '../core/project';

/** The gate's own flat config, used for a project that has none (e.g. a test fixture). */
const GATE_CONFIG = join(__dirname, '..', '..', '..', 'eslint.config.js');

/**
 * ESLint over the Lightning web components (with their jest tests) and the project's TypeScript tooling, with the
 * project's flat config: @salesforce/eslint-config-lwc for components, typescript-eslint for scripts.
 */
export const eslintCheck: Check = {
  id: 'eslint',
  title: 'Lightning web components and TypeScript scripts pass ESLint',
  basis: 'house-policy',
  async run(project: Project): Promise<CheckOutcome> {
    const components = project.packageDirs
      .flatMap((dir) => project.filesUnder(dir))
      .filter((file) => /\/lwc\/.+\.js$/.test(file));
    const scripts = [...project.filesUnder('scripts'), ...project.filesUnder('test')].filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.startsWith('test/fixtures/')
    );
    const files = [...components, ...scripts];
    if (files.length === 0) {
      return { filesSeen: 0, problems: [] };
    }
    const ownConfig = join(project.root, 'eslint.config.js');
    // The config is loaded with require (it is CommonJS) rather than by ESLint's dynamic import, which jest's VM refuses.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(existsSync(ownConfig) ? ownConfig : GATE_CONFIG) as Linter.Config[];
    const eslint = new ESLint({ cwd: project.root, overrideConfigFile: true, overrideConfig: config });
    const results = await eslint.lintFiles(files.map((file) => project.abs(file)));
    const problems: Problem[] = [];
    for (const result of results) {
      const file = result.filePath.slice(project.root.length + 1);
      for (const message of result.messages) {
        const text = `${message.message}${message.ruleId ? ` (${message.ruleId})` : ''}`;
        problems.push(
          message.severity === 2 || message.fatal ? error(file, text, message.line) : warning(file, text, message.line)
        );
      }
    }
    return { filesSeen: files.length, problems };
  }
};
