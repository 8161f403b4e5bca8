/** A 502/503/504 or no answer: that replica could not serve, another may. */
const unavailable = (status: number) => status === 502 || status === 503 || status === 504;

/**
 * One service reached at several replicas (a setting made with `setting.urls`). Reads (a GET, or a
 * POST that changes nothing) from whichever replica answers, starting from the next one on each
 * call so the load spreads; a replica that is down or unavailable is skipped.
 */
export class ReplicaReader {
  private next = 0;
  constructor(private readonly urls: readonly string[]) {}

  async fetch(path: string, init: RequestInit & { timeoutMs: number }): Promise<Response> {
    const { timeoutMs, ...request } = init;
    const start = this.next++ % this.urls.length;
    let failure: unknown = new Error("no replica");
    for (let i = 0; i < this.urls.length; i++) {
      const base = this.urls[(start + i) % this.urls.length]!;
      try {
        const response = await fetch(new URL(path, base), { ...request, signal: AbortSignal.timeout(timeoutMs) });
        if (!unavailable(response.status) || i === this.urls.length - 1) return response;
        await response.body?.cancel();
        failure = new Error(`HTTP ${response.status} from ${base}`);
      } catch (error) {
        failure = error;
      }
    }
    throw failure;
  }
}
