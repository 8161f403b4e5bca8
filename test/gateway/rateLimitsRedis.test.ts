import { createRateLimits } from "../../gateway/src/security/rateLimits";
import { capturingLogger } from "../support/capturingLogger";

/**
 * The gateway's limits when Redis cannot be reached (gateway/src/security/rateLimits.ts): they keep
 * counting in memory, and the log says so once, not at every reconnection (41 warnings with
 * stacks in 45 s before).
 */
it("says once that Redis is unavailable, without a stack, while it keeps limiting in memory", async () => {
  const { log, lines } = capturingLogger("gateway");
  const limits = createRateLimits({
    clientPoints: 2,
    clientWindowSeconds: 60,
    loginPoints: 0,
    loginWindowSeconds: 60,
    loginClientPoints: 0,
    costPerMinute: 0,
    redisUrl: "redis://127.0.0.1:9",
    redisKeyPrefix: "gw:",
    log,
  });
  try {
    await limits.consumeClient("client-a", "en");
    await limits.consumeClient("client-a", "en");
    await expect(limits.consumeClient("client-a", "en")).rejects.toMatchObject({ extensions: { code: "RATE_LIMITED" } });
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // ioredis reconnects every few hundred ms
    const said = lines.filter((line) => line.includes("redis"));
    expect(said).toHaveLength(1);
    expect(said[0]).not.toContain('"stack"');
  } finally {
    await limits.close();
  }
});
