/** Everything sharing needs after start-up, in one chunk: the UI and the codec. */
export { ShareButton } from './share-button';
export { SharedLinkError, SharedPlanBanner } from './shared-plan-banner';
export { decodeSharedPlan } from '../../lib/share-link';
