/**
 * How long a list a client may ask for. Free of any schema code: the gateway's cost measure
 * (gateway/src/security/limits.ts) reads them too.
 */

/** The officers' queues: `first` from 1 to MAX_PAGE, DEFAULT_PAGE when not given. */
export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

/** A person's report of who accessed their data, per agency. */
export const DEFAULT_ACCESSES = 100;
export const MAX_ACCESSES = 500;
