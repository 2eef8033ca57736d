/** Longer than a slow answer (3 s), short enough that a hung request and its retry fail within 15 s. */
export const REQUEST_TIMEOUT_MS = 5_000;
