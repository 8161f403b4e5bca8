import { setting } from "../../../kernel/config";
import { documentLimitSettings } from "../../../kernel/graphql/documentGuard";

/** The gateway's abuse limits (README, "Security"); merged into gatewaySettings. 0 turns a rate limit off. */
export const securitySettings = {
  ...documentLimitSettings,
  MAX_QUERY_COST: setting.int("Largest static cost of an operation (every field 1, lists multiplied by first/limit or LIST_SIZE_DEFAULT)", 20000),
  LIST_SIZE_DEFAULT: setting.int("Assumed size of a list without first/limit in the cost", 10),
  MAX_ALIASES: setting.int("Most aliased fields in one operation", 60),
  MAX_ROOT_FIELDS: setting.int("Most root fields in one operation", 60),
  MAX_BATCH_SIZE: setting.int("Most operations in one batched (JSON array) request; 1 turns batching off", 10),
  RATE_LIMIT_POINTS: setting.int("Operations per client (token subject, else IP address) per RATE_LIMIT_WINDOW_SECONDS, each of a batch counted; 0: off", 6000),
  COST_BUDGET_PER_MINUTE: setting.int("Static cost (MAX_QUERY_COST's measure) a client may spend per minute; 0: off", 100_000),
  RATE_LIMIT_WINDOW_SECONDS: setting.int("Window of the per-client rate limit", 60),
  LOGIN_RATE_LIMIT_POINTS: setting.int("login attempts per national ID per LOGIN_RATE_LIMIT_WINDOW_SECONDS at the gateway; 0: off", 60),
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: setting.int("Window of the per-national-ID and per-client login limits", 60),
  LOGIN_CLIENT_RATE_LIMIT_POINTS: setting.int("login attempts per client (IP address, else token subject) per LOGIN_RATE_LIMIT_WINDOW_SECONDS; 0: off", 120),
  TRUSTED_PROXIES: setting.list("Addresses or CIDR blocks of the proxies in front of the gateway whose X-Forwarded-For names the client (rate limits per client); none: the socket's address"),
  REDIS_URL: setting.optional("Redis URL for the rate limits shared by every gateway instance; unset: in memory, per instance"),
  REDIS_KEY_PREFIX: setting.string("Prefix of the gateway's keys in Redis, for platforms (or test runs) that share one Redis", "gw:"),
  PERSISTED_OPERATIONS_FILE: setting.optional("Manifest of the registered operations: Apollo's persisted-query manifest, or a JSON map {sha256: query}"),
  ONLY_PERSISTED_OPERATIONS: setting.bool("Refuse any operation not in PERSISTED_OPERATIONS_FILE (production clients)", false),
};
