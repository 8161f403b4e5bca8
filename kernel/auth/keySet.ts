import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import type { Logger } from "../logger";
import type { ReplicaReader } from "../http/replicas";

/** Where civil-affairs publishes the public keys that verify its access tokens. */
export const JWKS_PATH = "/.well-known/jwks.json";

/** How soon a token with a key id this verifier does not know may make it fetch the set again. */
const UNKNOWN_KEY_COOLDOWN_MS = 5_000;
/** How often a process that has no key set yet tries again. */
const FIRST_FETCH_RETRY_MS = 1_000;

/**
 * The identity provider's public keys as a verifier holds them, by key id (`kid`). A rotation adds
 * a key before tokens are signed with it and removes the old one once its tokens have expired;
 * whoever caches what a key verified listens for the change (kernel/auth/tokens.ts).
 */
export interface KeySet {
  /** For jose's jwtVerify. */
  readonly getKey: JWTVerifyGetKey;
  /** Whether a key set is loaded: a process without one reports not ready. */
  ready(): boolean;
  /** Called with the remaining key ids whenever keys leave the set. */
  onKeysRemoved(listener: (kids: ReadonlySet<string>) => void): void;
  close(): void;
}

interface Loaded {
  kids: ReadonlySet<string>;
  getKey: JWTVerifyGetKey;
}

function load(jwks: JSONWebKeySet): Loaded {
  return { kids: new Set(jwks.keys.map((key) => key.kid).filter((kid): kid is string => typeof kid === "string")), getKey: createLocalJWKSet(jwks) };
}

/** The keys of the process that signs (civil-affairs): fixed by its configuration. */
export function localKeySet(jwks: JSONWebKeySet): KeySet {
  const { getKey } = load(jwks);
  return { getKey, ready: () => true, onKeysRemoved: () => undefined, close: () => undefined };
}

function parseJwks(body: unknown): JSONWebKeySet {
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((key) => typeof key?.kid === "string")) {
    throw new Error("the key set is not a JWKS whose keys all have an id");
  }
  return { keys };
}

/**
 * The key set civil-affairs publishes, fetched from any of its replicas at start (again every
 * second until one answers) and then every `refreshMs`: the longest a new or withdrawn key goes
 * unseen here. A failed fetch keeps the last set. A token signed with a key not in the set makes
 * it fetch again at once (at most every few seconds).
 */
export function remoteKeySet(civilAffairs: ReplicaReader, options: { refreshMs: number; log: Logger }): KeySet {
  let current: Loaded | null = null;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const listeners: Array<(kids: ReadonlySet<string>) => void> = [];

  async function fetchKeys(): Promise<void> {
    try {
      const response = await civilAffairs.fetch(JWKS_PATH, { timeoutMs: 5_000 });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const next = load(parseJwks(await response.json()));
      const previous = current;
      current = next;
      if (previous && [...previous.kids].some((kid) => !next.kids.has(kid))) {
        options.log.info({ keys: [...next.kids] }, "signing keys withdrawn: tokens they signed are refused from now on");
        for (const listener of listeners) listener(next.kids);
      }
    } catch (error) {
      options.log.warn({ err: error instanceof Error ? error.message : String(error) }, current ? "could not refresh the signing keys; keeping the last set" : "no signing keys yet: not ready until civil-affairs publishes them");
    } finally {
      fetchedAt = Date.now();
    }
  }
  const refresh = () => (inFlight ??= fetchKeys().finally(() => (inFlight = null)));

  function schedule(): void {
    if (closed) return;
    timer = setTimeout(() => void refresh().then(schedule), current ? options.refreshMs : FIRST_FETCH_RETRY_MS);
    timer.unref();
  }
  void refresh().then(schedule);

  return {
    async getKey(header, token) {
      // With no set yet, every request waits for the one fetch under way (it cannot be served anyway).
      if (!current) await refresh();
      else if (header.kid !== undefined && !current.kids.has(header.kid) && Date.now() - fetchedAt >= UNKNOWN_KEY_COOLDOWN_MS) await refresh();
      if (!current) throw new Error("no signing keys loaded yet");
      return current.getKey(header, token);
    },
    ready: () => current !== null,
    onKeysRemoved: (listener) => void listeners.push(listener),
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
