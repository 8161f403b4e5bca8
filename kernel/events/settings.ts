import { setting } from "../config";

export const DEV_EVENTS_SECRET = "dev-only-events-secret";

/** Settings of the signed event channel between civil-affairs (publisher) and its subscribers. */
export const eventSettings = {
  EVENTS_HMAC_SECRET: setting.string("Shared secret that signs CardIssued events (HMAC-SHA256); required in production", DEV_EVENTS_SECRET),
};
