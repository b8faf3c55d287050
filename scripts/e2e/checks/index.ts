import { E2eCheck } from '../context';
import { PORTAL_FLOW_CHECKS } from './portal-flows';
import { REST_SERVICE_CHECKS } from './rest-service';
import { SUBSCRIPTION_BUILD_CHECKS } from './subscription-builds';

/** Every end-to-end check, in the order of the seeds' data flows. */
export const ALL_E2E_CHECKS: readonly E2eCheck[] = [
  ...PORTAL_FLOW_CHECKS,
  ...SUBSCRIPTION_BUILD_CHECKS,
  ...REST_SERVICE_CHECKS
];
