import { retryableLazy } from '../../lib/retryable-lazy';

/** The one import of the share chunk: start-up only reads the address (`useSharedLink`). */
const shareUi = () => import('./share-ui');

/** The share UI for `LazyPart`, one lazy component per attempt (Retry). */
export const shareButton = retryableLazy(() => shareUi(), (m) => m.ShareButton);
export const sharedPlanBanner = retryableLazy(() => shareUi(), (m) => m.SharedPlanBanner);
export const sharedLinkError = retryableLazy(() => shareUi(), (m) => m.SharedLinkError);

/** Decodes a share payload, loading the codec first. */
export const decodeSharedPayload = (payload: string) => shareUi().then((m) => m.decodeSharedPlan(payload));
