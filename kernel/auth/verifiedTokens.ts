import type { Viewer } from "./viewer";

export interface VerifiedToken {
  viewer: Viewer;
  jti: string | null;
  /** The id of the key that signed it. */
  kid: string | null;
  /** When the token stops being accepted, clock tolerance included (epoch ms). */
  acceptedUntil: number;
}

/**
 * Tokens whose signature was already checked, so a busy client is not verified again on every
 * request (an ES256 verification is the largest fixed cost of a request). Bounded: the oldest
 * entry makes room. Expiry is checked on every hit; revocation stays the caller's job.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, VerifiedToken>();
  constructor(private readonly capacity = 10_000) {}

  get(token: string, now = Date.now()): VerifiedToken | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (now >= entry.acceptedUntil) {
      this.entries.delete(token);
      return null;
    }
    return entry;
  }

  /** Forgets every token signed by a key that left the key set. */
  retainKeys(kids: ReadonlySet<string>): void {
    for (const [token, entry] of this.entries) if (entry.kid === null || !kids.has(entry.kid)) this.entries.delete(token);
  }

  set(token: string, entry: VerifiedToken): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, entry);
  }
}
