import { Check } from '../core/types';
import { rootFiles } from '../core/cache';

export const flowScannerCheck: Check = {
  id: 'flow-scanner',
  title: 'flows follow the selected lightning-flow-scanner rules',
  basis: 'house-policy',
  inputs: (project) => [
    ...project.packageFilesEndingWith('.flow-meta.xml'),
    ...rootFiles(project, 'sfdx-project.json', '.forceignore')
  ],
  async run(project) {
    // The implementation and its libraries load only when the check runs, not when its outcome comes from the cache.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runFlowScanner } = require('./run/flow-scanner') as typeof import('./run/flow-scanner');
    return runFlowScanner(project);
  }
};
