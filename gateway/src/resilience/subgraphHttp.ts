import { performance } from "node:perf_hooks";
import { Pool, type Dispatcher } from "undici";

/** No whole answer from a subgraph replica within SUBGRAPH_TIMEOUT_MS of the attempt's start. */
export class SubgraphTimeoutError extends Error {
  override readonly name = "SubgraphTimeoutError";
}

/** A subgraph's answer, whatever its status. */
export interface SubgraphAnswer {
  status: number;
  statusText: string;
  contentType: string | undefined;
  body: string;
}

/** One replica's keep-alive connections. */
export interface SubgraphConnection {
  post(path: string, headers: Record<string, string>, body: string): Promise<SubgraphAnswer>;
  /** Lets the requests in flight finish, then closes the connections. */
  close(): Promise<void>;
}

/**
 * One POST in flight: undici's handler of its answer (collected as it arrives, without a stream or
 * a Response object), linked into the list of deadlines.
 */
class Exchange implements Dispatcher.DispatchHandler {
  deadline = 0;
  older: Exchange | null = null;
  newer: Exchange | null = null;
  private settled = false;
  private controller: Dispatcher.DispatchController | null = null;
  private status = 0;
  private statusText = "";
  private contentType: string | undefined;
  private readonly chunks: Buffer[] = [];

  constructor(
    private readonly deadlines: Deadlines,
    private readonly resolve: (answer: SubgraphAnswer) => void,
    private readonly reject: (error: Error) => void,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController): void {
    // Timed out while waiting for a free connection: never sent.
    if (this.settled) controller.abort(new SubgraphTimeoutError("timed out before it was sent"));
    else this.controller = controller;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, status: number, headers: Record<string, string | string[] | undefined>, statusText?: string): void {
    this.status = status;
    this.statusText = statusText ?? "";
    const type = headers["content-type"];
    this.contentType = Array.isArray(type) ? type[0] : type;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (!this.settle()) return;
    this.resolve({ status: this.status, statusText: this.statusText, contentType: this.contentType, body: Buffer.concat(this.chunks).toString("utf8") });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.settle()) this.reject(error);
  }

  /** Called by the deadlines: fails the attempt now and cuts its exchange if it has started. */
  expire(timeoutMs: number): void {
    const error = new SubgraphTimeoutError(`no answer within ${timeoutMs} ms`);
    this.settled = true;
    this.reject(error);
    this.controller?.abort(error);
  }

  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.deadlines.remove(this);
    return true;
  }
}

/**
 * The deadlines of the exchanges in flight, oldest first, under one timer. Every attempt has the
 * same timeout, so they expire in the order they started: a linked list and a timer for the oldest
 * replace the timer, AbortController and (on every abort) DOMException that a timeout per fetch
 * costs. A deadline counts from the start of the attempt, time spent waiting for a connection included.
 */
class Deadlines {
  private oldest: Exchange | null = null;
  private newest: Exchange | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly timeoutMs: number) {}

  add(exchange: Exchange): void {
    exchange.deadline = performance.now() + this.timeoutMs;
    exchange.older = this.newest;
    if (this.newest) this.newest.newer = exchange;
    else this.oldest = exchange;
    this.newest = exchange;
    this.timer ??= this.arm(this.timeoutMs);
  }

  remove(exchange: Exchange): void {
    if (exchange.older) exchange.older.newer = exchange.newer;
    else if (this.oldest === exchange) this.oldest = exchange.newer;
    if (exchange.newer) exchange.newer.older = exchange.older;
    else if (this.newest === exchange) this.newest = exchange.older;
    exchange.older = exchange.newer = null;
  }

  private arm(ms: number): NodeJS.Timeout {
    return setTimeout(this.expire, Math.max(1, Math.ceil(ms))).unref();
  }

  private readonly expire = (): void => {
    const now = performance.now();
    for (let oldest = this.oldest; oldest && oldest.deadline <= now; oldest = this.oldest) {
      this.remove(oldest);
      oldest.expire(this.timeoutMs);
    }
    this.timer = this.oldest ? this.arm(this.oldest.deadline - now) : null;
  };
}

/**
 * The gateway's HTTP client to the subgraphs: an undici Pool of keep-alive connections per replica
 * (up to `maxSockets` each), and a timeout per attempt. Lighter than a fetch API: no Request,
 * Headers or Response objects, no body stream, no AbortController.
 */
export function subgraphHttp(options: { maxSockets: number; timeoutMs: number }) {
  const deadlines = new Deadlines(options.timeoutMs);
  return {
    connect(origin: string): SubgraphConnection {
      const pool = new Pool(origin, { connections: options.maxSockets });
      return {
        post: (path, headers, body) =>
          new Promise<SubgraphAnswer>((resolve, reject) => {
            const exchange = new Exchange(deadlines, resolve, reject);
            deadlines.add(exchange);
            pool.dispatch({ method: "POST", path, headers, body }, exchange);
          }),
        close: () => pool.close(),
      };
    },
  };
}

export type SubgraphHttp = ReturnType<typeof subgraphHttp>;
