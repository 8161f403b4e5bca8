import { once } from "node:events";
import { setTimeout } from "node:timers/promises";
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "../../../kernel/errors";
import type { Lang } from "../../../kernel/i18n";
import type { Logger } from "../../../kernel/logger";

export interface RateLimits {
  /** Consumes points (operations) for this client; throws RATE_LIMITED (HTTP 429) when none are left. */
  consumeClient(key: string, lang: Lang, operations?: number): Promise<void>;
  /** Consumes an operation's static cost from the client's budget per minute. */
  consumeCost(key: string, cost: number, lang: Lang): Promise<void>;
  consumeLogin(nationalId: string, lang: Lang): Promise<void>;
  /** Sign-ins per client (IP address, or token subject): one client cannot fill civil-affairs' sign-ins in flight. */
  consumeLoginClient(key: string, attempts: number, lang: Lang): Promise<void>;
  close(): Promise<void>;
}

export interface RateLimitOptions {
  clientPoints: number;
  clientWindowSeconds: number;
  loginPoints: number;
  loginWindowSeconds: number;
  loginClientPoints: number;
  costPerMinute: number;
  redisUrl?: string;
  /** Put before each limit's name in its Redis keys ("gw:" makes "gw:login"). */
  redisKeyPrefix: string;
  log: Logger;
}

function limiter(redis: Redis | null, keyPrefix: string, points: number, duration: number): RateLimiterAbstract | null {
  if (points <= 0) return null;
  if (!redis) return new RateLimiterMemory({ keyPrefix, points, duration });
  // If Redis is unreachable, each instance keeps limiting on its own rather than letting everything through.
  return new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }) });
}

function rateLimited(lang: Lang, res: RateLimiterRes): AppError {
  const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new AppError("RATE_LIMITED", lang === "ar" ? "طلبات كثيرة؛ حاول لاحقاً." : "Too many requests; try again later.", {
    retryAfterSeconds: retryAfter,
    http: { status: 429, headers: new Map([["retry-after", String(retryAfter)]]) },
  });
}

async function consume(limiter: RateLimiterAbstract | null, key: string, lang: Lang, points = 1): Promise<void> {
  if (!limiter || points <= 0) return;
  try {
    await limiter.consume(key, points);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(lang, error);
    throw error;
  }
}

/** Per client (operations, and cost per minute) and per sign-in ID; RateLimiterRedis when REDIS_URL is set (shared by every gateway instance). */
export function createRateLimits(options: RateLimitOptions): RateLimits {
  const redis = options.redisUrl ? new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
  // Said once when Redis goes away and once when it is back: ioredis reports every failed reconnection.
  let unavailable = false;
  redis?.on("error", (error) => {
    if (unavailable) return;
    unavailable = true;
    options.log.warn({ err: error.message }, "redis (rate limits) unavailable: each gateway instance limits in memory until it is back");
  });
  redis?.on("ready", () => {
    if (unavailable) options.log.warn("redis (rate limits) back: limits shared again");
    unavailable = false;
  });
  const prefix = options.redisKeyPrefix;
  const client = limiter(redis, `${prefix}client`, options.clientPoints, options.clientWindowSeconds);
  const login = limiter(redis, `${prefix}login`, options.loginPoints, options.loginWindowSeconds);
  const cost = limiter(redis, `${prefix}cost`, options.costPerMinute, 60);
  const loginClient = limiter(redis, `${prefix}login-client`, options.loginClientPoints, options.loginWindowSeconds);
  // The first requests wait (up to 2 s) for the connection, so that they are counted in Redis
  // too, not in the per-instance fallback while the connection is still being made.
  const connected = redis ? Promise.race([once(redis, "ready"), setTimeout(2_000, undefined, { ref: false })]).catch(() => undefined) : Promise.resolve();
  return {
    consumeClient: async (key, lang, operations = 1) => {
      await connected;
      await consume(client, key, lang, operations);
    },
    consumeLoginClient: async (key, attempts, lang) => {
      await connected;
      await consume(loginClient, key, lang, attempts);
    },
    consumeCost: async (key, points, lang) => {
      await connected;
      await consume(cost, key, lang, points);
    },
    consumeLogin: async (nationalId, lang) => {
      await connected;
      await consume(login, nationalId, lang);
    },
    close: async () => {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
