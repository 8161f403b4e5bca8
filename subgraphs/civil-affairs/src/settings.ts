import { refusedInProduction, setting } from "../../../kernel/config";
import { eventSettings } from "../../../kernel/events/settings";

export const civilAffairsSettings = {
  JWT_PRIVATE_KEY: refusedInProduction(
    setting.optional("PEM (PKCS#8) ES256 key that signs access tokens, the same on every replica; unset: generated under DATA_DIR for one process (refused in production)"),
    (key, name) => (key ? undefined : `${name} is required in production: tokens must be signed with a managed key.`),
  ),
  JWT_VERIFY_KEYS: setting.optional("PEM ES256 keys published beside the signing key without signing (a rotation's next or previous key; see docs/operations.md)"),
  ACCESS_TOKEN_TTL_SECONDS: setting.int("Lifetime of an access token", 900),
  LOGIN_MAX_FAILURES: setting.int("Failed sign-ins for one ID before it is locked", 5),
  LOGIN_LOCK_MINUTES: setting.int("Window for counting failures, and how long the lock lasts", 15),
  LOGIN_MAX_IN_FLIGHT: setting.int("Sign-ins whose password is being hashed at once; more are answered RATE_LIMITED at once", 8),
  REPLACEMENT_FEE_HALALAS: setting.int("Fee of a replacement card (lost or damaged), in halalas", 10_000),
  OUTBOX_SUBSCRIBERS: setting.list("Comma-separated URLs that receive CardIssued events (delivery's and labor's /events)", "http://127.0.0.1:4003/events,http://127.0.0.1:4002/events"),
  OUTBOX_POLL_MS: setting.int("How often the outbox dispatcher looks for due events", 500),
  OUTBOX_MAX_BACKOFF_MS: setting.int("Longest wait between two delivery attempts of one event", 60_000),
  ...eventSettings,
};
