import { Check } from '../core/types';
import { apexFormatCheck } from './apex-format';
import { apexPmdCheck } from './apex-pmd';
import { apexTypesCheck } from './apex-types';
import { configSchemaCheck } from './config-schema';
import { conventionsCheck } from './conventions';
import { crossReferencesCheck } from './cross-references';
import { docsReferenceCheck } from './docs-reference';
import { eslintCheck } from './eslint';
import { flowScannerCheck } from './flow-scanner';
import { formatCheck } from './format';
import { metadataRulesCheck } from './metadata-rules';
import { metadataXmlCheck } from './metadata-xml';
import { openapiCheck } from './openapi';
import { packagingCheck } from './packaging';
import { typescriptCheck } from './typescript';

/** Every check of `npm run validate`, in the order of the summary table. */
export const ALL_CHECKS: Check[] = [
  configSchemaCheck,
  metadataXmlCheck,
  metadataRulesCheck,
  packagingCheck,
  crossReferencesCheck,
  conventionsCheck,
  docsReferenceCheck,
  openapiCheck,
  apexFormatCheck,
  formatCheck,
  apexTypesCheck,
  apexPmdCheck,
  flowScannerCheck,
  eslintCheck,
  typescriptCheck
];
