import { Check } from '../core/types';
import { apexFormatCheck } from './apex-format';
import { apexPmdCheck } from './apex-pmd';
import { apexSyntaxCheck } from './apex-syntax';
import { apexTypesCheck } from './apex-types';
import { configSchemaCheck } from './config-schema';
import { conventionsCheck } from './conventions';
import { crossReferencesCheck } from './cross-references';
// Recall (issue 11): Lightning web components and the metadata that names them.
import { lwcReferencesCheck } from './lwc-references';
import { docsReferenceCheck } from './docs-reference';
import { eslintCheck } from './eslint';
import { flowScannerCheck } from './flow-scanner';
import { formatCheck } from './format';
import { metadataRulesCheck } from './metadata-rules';
import { metadataXmlCheck } from './metadata-xml';
import { openapiCheck } from './openapi';
import { packagingCheck } from './packaging';
import { typescriptCheck } from './typescript';

/**
 * Every check of `npm run validate`, in the order of the summary table. Each says its basis (deploy fact or house
 * policy; docs/quality-gate/README.md); `--deploy-only` runs the deploy-fact ones.
 */
export const ALL_CHECKS: Check[] = [
  configSchemaCheck,
  metadataXmlCheck,
  metadataRulesCheck,
  packagingCheck,
  crossReferencesCheck,
  lwcReferencesCheck,
  conventionsCheck,
  docsReferenceCheck,
  openapiCheck,
  apexSyntaxCheck,
  apexFormatCheck,
  formatCheck,
  apexTypesCheck,
  apexPmdCheck,
  flowScannerCheck,
  eslintCheck,
  typescriptCheck
];
