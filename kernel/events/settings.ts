import { productionSecret, setting } from "../config";

export const DEV_EVENTS_SECRET = "dev-only-events-secret";

/** Settings of the signed event channel between civil-affairs (publisher) and its subscribers. */
export const eventSettings = {
  EVENTS_HMAC_SECRET: productionSecret("Shared secret that signs CardIssued events (HMAC-SHA256); required in production", DEV_EVENTS_SECRET),
  EVENTS_HMAC_PREVIOUS_SECRET: setting.optional("During a rotation, the secret being retired: subscribers still accept events signed with it"),
};

/** The secrets a receiver accepts: the current one, and the one being retired during a rotation. */
export function acceptedSecrets(current: string, previous: string | undefined): string[] {
  return previous ? [current, previous] : [current];
}
