import type { Logger } from "../logger";
import type { ReplicaReader } from "../http/replicas";

/** Tokens revoked before their expiry (logout), by token id (`jti`). */
export interface RevocationList {
  isRevoked(jti: string): boolean | Promise<boolean>;
}

/** Where civil-affairs publishes the ids of revoked tokens that have not expired yet. */
export const REVOKED_TOKENS_PATH = "/.well-known/revoked-tokens";

export interface RevokedTokensDocument {
  revoked: Array<{ jti: string; expiresAt: string }>;
}

/**
 * The revoked tokens civil-affairs publishes, fetched again when the copy is older than
 * `refreshMs` (on the request that needs it; concurrent requests share one fetch). A revoked token
 * may therefore still pass here for up to `refreshMs` after logout. If civil-affairs cannot be
 * reached (any of its replicas), the last list is kept (and the failure logged): tokens still expire on their own.
 */
export function remoteRevocationList(civilAffairs: ReplicaReader, refreshMs: number, log?: Logger): RevocationList {
  let revoked = new Set<string>();
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;

  async function refresh(): Promise<void> {
    try {
      const response = await civilAffairs.fetch(REVOKED_TOKENS_PATH, { timeoutMs: 2000 });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as Partial<RevokedTokensDocument> | null;
      const entries = Array.isArray(body?.revoked) ? body.revoked : [];
      revoked = new Set(entries.map((entry) => entry?.jti).filter((jti): jti is string => typeof jti === "string"));
    } catch (error) {
      log?.warn({ err: error instanceof Error ? error.message : String(error) }, "could not refresh the revoked tokens; keeping the last list");
    } finally {
      fetchedAt = Date.now();
    }
  }

  return {
    async isRevoked(jti) {
      if (Date.now() - fetchedAt >= refreshMs) await (inFlight ??= refresh().finally(() => (inFlight = null)));
      return revoked.has(jti);
    },
  };
}
