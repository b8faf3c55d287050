import { Check } from '../core/types';
import { allProjectFiles, rootFiles } from '../core/cache';

/**
 * `sfdx-project.json` and every `config/*-scratch-def.json` against @salesforce/schemas, plus what the schemas leave
 * open: package directories that do not exist, a `sourceApiVersion` in the form the CLI accepts, and scratch org
 * `settings` against the Metadata API settings types.
 * Scratch org features the schema does not list are warnings, since its list lags behind the features Salesforce offers.
 */
export const configSchemaCheck: Check = {
  id: 'config-schema',
  title: 'sfdx-project.json and scratch org definitions match the Salesforce JSON schemas',
  basis: 'deploy-fact',
  runsWithoutProject: true,
  // The files it parses, and the names of all others: a package directory's emptiness and the files a replacement
  // matches depend on which files exist, not on what they hold (an Apex edit does not run it again).
  inputs: (project) => ({
    contents: [...rootFiles(project, 'sfdx-project.json', '.forceignore'), ...project.filesUnder('config')],
    names: allProjectFiles(project)
  }),
  async run(project) {
    // The implementation and its libraries load only when the check runs, not when its outcome comes from the cache.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runConfigSchema } = require('./run/config-schema') as typeof import('./run/config-schema');
    return runConfigSchema(project);
  }
};
