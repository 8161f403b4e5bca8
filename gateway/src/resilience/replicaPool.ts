import dns from "node:dns/promises";
import net from "node:net";
import { CircuitState } from "cockatiel";
import type { Logger } from "../../../kernel/logger";
import { metrics } from "../../../kernel/observability/metrics";
import { SubgraphService } from "../subgraphService";
import type { SubgraphConnection, SubgraphHttp } from "./subgraphHttp";
import { replicaPolicy, type ReplicaPolicy, type ResilienceSettings } from "./subgraphPolicy";

/** How often a replica whose circuit is open is asked whether it is ready again (and how long it may take to answer). */
const READY_PROBE_MS = 250;
/** How long a replica that said ready but failed its trial fetch is left to its circuit's own trials. */
const FLAPPING_MS = 30_000;

/** One process serving a subgraph, with its own circuit. */
export interface Replica {
  /** Its base URL, as configured or as resolved from a service name. */
  base: string;
  source: SubgraphService;
  policy: ReplicaPolicy;
  /** Its keep-alive connections, closed when the replica is gone. */
  connection: SubgraphConnection;
}

export interface ReplicaPoolOptions {
  subgraph: string;
  /** Base URLs from the gateway's configuration (CIVIL_AFFAIRS_URL, ...). */
  bases: readonly string[];
  settings: ResilienceSettings;
  http: SubgraphHttp;
  credential: string;
  /** How often a name among `bases` is resolved again into one replica per address; 0: never. */
  resolveEveryMs: number;
  log: Logger;
}

/** "http://labor:4002" with labor at 10.0.0.7 and 10.0.0.8 → one base URL per address. */
async function resolveBase(base: string): Promise<string[]> {
  const url = new URL(base);
  // An address needs no lookup; https keeps its name, which the certificate is checked against.
  if (net.isIP(url.hostname.replace(/^\[|\]$/g, "")) || url.protocol === "https:") return [base];
  const addresses = await dns.lookup(url.hostname, { all: true, family: 4 });
  return addresses.map(({ address }) => {
    const resolved = new URL(base);
    resolved.hostname = address;
    return resolved.toString().replace(/\/$/, "");
  });
}

/**
 * The replicas of one subgraph: those configured, or those a name resolves to (a Kubernetes
 * headless Service, compose's scaled service), looked up again periodically. Each has its own
 * circuit; `inTurn` hands them out round-robin, healthy ones first, so one dead replica costs a
 * retry, never the agency.
 */
export class ReplicaPool {
  private replicas: Replica[];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Replicas whose circuit is open, and the timer asking each whether it is ready again. */
  private readonly probes = new Map<Replica, NodeJS.Timeout>();
  /** When each replica's /ready last made its trial fetch due. */
  private readonly trialsByProbe = new WeakMap<Replica, number>();

  constructor(private readonly options: ReplicaPoolOptions) {
    this.replicas = options.bases.map((base) => this.replica(base));
    if (options.resolveEveryMs > 0) {
      void this.resolve();
      this.timer = setInterval(() => void this.resolve(), options.resolveEveryMs);
      this.timer.unref();
    }
  }

  /** The replica the gateway's own (non-client) requests go to. */
  first(): Replica {
    return this.replicas[0]!;
  }

  /** Every replica, starting from the next in turn; those whose circuit is open go last. */
  inTurn(now = Date.now()): Replica[] {
    const count = this.replicas.length;
    const start = this.next++ % count;
    const ordered = count === 1 ? this.replicas : [...this.replicas.slice(start), ...this.replicas.slice(0, start)];
    if (ordered.every((replica) => replica.policy.available(now))) return ordered;
    return [...ordered.filter((replica) => replica.policy.available(now)), ...ordered.filter((replica) => !replica.policy.available(now))];
  }

  /** Stops resolving names and closes the connections once their requests have finished. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const replica of [...this.probes.keys()]) this.stopProbe(replica);
    await Promise.all(this.replicas.map((replica) => replica.connection.close()));
  }

  private replica(base: string): Replica {
    const { subgraph, settings, http, credential, log } = this.options;
    const policy = replicaPolicy(settings);
    const url = new URL("/graphql", base);
    const connection = http.connect(url.origin);
    const replica = { base, source: new SubgraphService({ url: url.toString(), connection, credential }), policy, connection };
    metrics.replicaCircuitState.set({ subgraph, replica: base }, 0);
    policy.breaker.onStateChange((state) => {
      metrics.replicaCircuitState.set({ subgraph, replica: base }, state);
      metrics.circuitState.set({ subgraph }, this.replicas.every((other) => other.policy.breaker.state !== CircuitState.Closed) ? 1 : 0);
      log.warn({ subgraph, replica: base, circuit: ["closed", "open", "half-open", "isolated"][state] }, "subgraph replica circuit changed");
      if (state === CircuitState.Open) this.probeUntilReady(replica);
    });
    return replica;
  }

  /**
   * A replica restarted is ready again long before its circuit's next trial fetch: in a rolling
   * restart the next replica could stop meanwhile, leaving the agency with every circuit open and
   * its data missing from answers for up to SUBGRAPH_BREAKER_HALF_OPEN_MS. So while its circuit is
   * open the replica's /ready is asked every READY_PROBE_MS, and once it answers 200 the trial fetch
   * is due at once: it closes the circuit if the replica answers GraphQL, else opens it again. A
   * replica that says ready but fails its trial is not asked again for FLAPPING_MS.
   */
  private probeUntilReady(replica: Replica): void {
    if (this.probes.has(replica) || Date.now() - (this.trialsByProbe.get(replica) ?? -Infinity) < FLAPPING_MS) return;
    // Closed meanwhile by a trial fetch, the pool closed, or the replica gone from the DNS answer.
    const settled = () => this.closed || replica.policy.breaker.state !== CircuitState.Open || !this.replicas.includes(replica);
    const probe = setInterval(async () => {
      if (settled()) return this.stopProbe(replica);
      const ready = await fetch(new URL("/ready", replica.base), { signal: AbortSignal.timeout(READY_PROBE_MS) })
        .then((response) => response.arrayBuffer().then(() => response.ok))
        .catch(() => false);
      if (!ready || !this.probes.has(replica) || settled()) return;
      this.stopProbe(replica);
      this.trialsByProbe.set(replica, Date.now());
      replica.policy.trialNow();
    }, READY_PROBE_MS);
    probe.unref();
    this.probes.set(replica, probe);
  }

  private stopProbe(replica: Replica): void {
    clearInterval(this.probes.get(replica));
    this.probes.delete(replica);
  }

  /** Looks the configured names up again; a failed lookup keeps the replicas known so far. */
  private async resolve(): Promise<void> {
    try {
      const bases = [...new Set((await Promise.all(this.options.bases.map(resolveBase))).flat())];
      // A lookup that ends after close() must neither open new connections nor close closed ones.
      if (this.closed) return;
      const known = new Map(this.replicas.map((replica) => [replica.base, replica]));
      if (bases.length === 0 || (bases.length === known.size && bases.every((base) => known.has(base)))) return;
      this.replicas = bases.map((base) => known.get(base) ?? this.replica(base));
      for (const [base, replica] of known) {
        if (bases.includes(base)) continue;
        metrics.replicaCircuitState.remove({ subgraph: this.options.subgraph, replica: base });
        void replica.connection.close();
      }
      this.options.log.info({ subgraph: this.options.subgraph, replicas: bases }, "subgraph replicas changed");
    } catch (error) {
      this.options.log.warn({ subgraph: this.options.subgraph, err: error instanceof Error ? error.message : String(error) }, "could not resolve the subgraph's replicas; keeping the last ones");
    }
  }
}
