import type { DataSource } from "typeorm";
import type { RevocationList, RevokedTokensDocument } from "../../../../kernel/auth/revocation";
import { CLOCK_TOLERANCE_SECONDS } from "../../../../kernel/auth/tokens";
import type { Logger } from "../../../../kernel/logger";

interface Row {
  jti: string;
  expires_at: Date | string;
}

/**
 * Civil-affairs' own revoked tokens (table revoked_token). Its verifier checks an in-memory copy:
 * written through on logout (so a revoked token is refused here at once), loaded at start and
 * reloaded from the table every `refreshMs` (other instances' logouts), so that verifying a token
 * never runs SQL on the request path.
 */
export class RevokedTokens implements RevocationList {
  private readonly revoked = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly log: Logger,
  ) {}

  /** Rows still worth publishing: until the token's expiry plus the verifiers' clock tolerance. */
  private async current(): Promise<Row[]> {
    return this.db.query(`SELECT jti, expires_at FROM revoked_token WHERE expires_at > now() - make_interval(secs => $1) ORDER BY expires_at`, [
      CLOCK_TOLERANCE_SECONDS,
    ]);
  }

  async load(): Promise<void> {
    const rows = await this.current();
    this.revoked.clear();
    for (const row of rows) this.revoked.set(row.jti, new Date(row.expires_at).getTime());
  }

  start(refreshMs: number): void {
    this.timer = setInterval(() => {
      this.load().catch((error) => this.log.warn({ err: error }, "could not reload the revoked tokens"));
    }, refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  isRevoked(jti: string): boolean {
    const expiresAt = this.revoked.get(jti);
    return expiresAt !== undefined && expiresAt + CLOCK_TOLERANCE_SECONDS * 1000 > Date.now();
  }

  async revoke(jti: string, nationalId: string, expiresAt: Date): Promise<void> {
    await this.db.query(`INSERT INTO revoked_token (jti, national_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (jti) DO NOTHING`, [jti, nationalId, expiresAt]);
    this.revoked.set(jti, expiresAt.getTime());
  }

  /** What GET /.well-known/revoked-tokens answers (read from the table). */
  async document(): Promise<RevokedTokensDocument> {
    const rows = await this.current();
    return { revoked: rows.map((row) => ({ jti: row.jti, expiresAt: new Date(row.expires_at).toISOString() })) };
  }
}
