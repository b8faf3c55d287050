import { allProjectFilesViewing } from '../core/cache';
import { Check } from '../core/types';
import { APEX_REST_MAPPINGS_VIEW, isApexClass } from '../references/apex-views';

/**
 * Every OpenAPI description under docs/ (`*.openapi.yaml`) is valid OpenAPI (validated by
 * `@apidevtools/swagger-parser`, offline: no remote `$ref`), and the Apex REST resources and the descriptions agree:
 * each `@RestResource(urlMapping=...)` class in the package directories has a path in some description whose server
 * is `.../services/apexrest`, and each such path is served by some class.
 */
export const openapiCheck: Check = {
  id: 'openapi',
  title: 'OpenAPI descriptions under docs/ are valid and match the Apex REST resources',
  basis: 'house-policy',
  inputs: allProjectFilesViewing(isApexClass, APEX_REST_MAPPINGS_VIEW),
  async run(project) {
    // The implementation and its libraries load only when the check runs, not when its outcome comes from the cache.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runOpenapi } = require('./run/openapi') as typeof import('./run/openapi');
    return runOpenapi(project);
  }
};
