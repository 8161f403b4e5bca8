import { setting } from "../../../kernel/config";

export const civilAffairsSettings = {
  JWT_PRIVATE_KEY: setting.optional("PEM (PKCS#8) ES256 key that signs access tokens; unset: generated under DATA_DIR (refused in production)"),
  ACCESS_TOKEN_TTL_SECONDS: setting.int("Lifetime of an access token", 900),
  LOGIN_MAX_FAILURES: setting.int("Failed sign-ins for one ID before it is locked", 5),
  LOGIN_LOCK_MINUTES: setting.int("Window for counting failures, and how long the lock lasts", 15),
};
