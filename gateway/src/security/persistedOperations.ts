import crypto from "node:crypto";
import fs from "node:fs";
import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";

/** The `format` of Apollo's persisted-query manifest (what Apollo Router's safelist reads). */
export const APOLLO_MANIFEST_FORMAT = "apollo-persisted-query-manifest";

const OPERATION_TYPES = ["query", "mutation", "subscription"];

/**
 * The registered operations, by the sha256 of their text, from a JSON manifest in either format:
 * - Apollo's persisted-query manifest, as `@apollo/generate-persisted-query-manifest` writes it and
 *   Apollo Router reads it (router/router.yaml):
 *   `{ "format": "apollo-persisted-query-manifest", "version": 1, "operations": [{ "id", "name", "type", "body" }] }`.
 *   Clients send the `id` as `extensions.persistedQuery.sha256Hash`; here it must be the sha256
 *   of `body` (the generator's default), since a registered text is also accepted in full.
 * - the older map `{ "<sha256 of the query text>": "<query text>" }`.
 * A manifest that is neither, or whose entries do not hold, stops the gateway at start.
 */
export function loadPersistedOperations(file: string): Map<string, string> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`PERSISTED_OPERATIONS_FILE ${file}: cannot read it as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    throw new Error(`PERSISTED_OPERATIONS_FILE ${file}: expected an Apollo persisted-query manifest or a {sha256: query} object`);
  }
  return "format" in manifest || "operations" in manifest ? fromApolloManifest(file, manifest as Record<string, unknown>) : fromHashMap(file, manifest as Record<string, unknown>);
}

function fromApolloManifest(file: string, manifest: Record<string, unknown>): Map<string, string> {
  const fail = (problem: string): never => {
    throw new Error(`PERSISTED_OPERATIONS_FILE ${file}: ${problem}`);
  };
  if (manifest.format !== APOLLO_MANIFEST_FORMAT) fail(`"format" must be "${APOLLO_MANIFEST_FORMAT}", got ${JSON.stringify(manifest.format)}`);
  if (manifest.version !== 1) fail(`"version" must be 1, got ${JSON.stringify(manifest.version)}`);
  if (!Array.isArray(manifest.operations)) fail(`"operations" must be an array`);
  const operations = new Map<string, string>();
  (manifest.operations as unknown[]).forEach((entry, index) => {
    const at = `operations[${index}]`;
    if (typeof entry !== "object" || entry === null) return fail(`${at} is not an object`);
    const { id, body, name, type } = entry as Record<string, unknown>;
    if (typeof id !== "string" || id === "") return fail(`${at}.id must be a non-empty string`);
    if (typeof body !== "string" || body === "") return fail(`${at}.body must be the operation's text`);
    if (name !== undefined && typeof name !== "string") return fail(`${at}.name must be a string`);
    if (type !== undefined && !OPERATION_TYPES.includes(type as string)) return fail(`${at}.type must be one of ${OPERATION_TYPES.join(", ")}, got ${JSON.stringify(type)}`);
    const hash = id.toLowerCase();
    if (sha256(body) !== hash) return fail(`${at} (${typeof name === "string" ? name : id}): the id is not the sha256 of its body (the gateway matches operations by that hash)`);
    operations.set(hash, body);
  });
  return operations;
}

function fromHashMap(file: string, manifest: Record<string, unknown>): Map<string, string> {
  const operations = new Map<string, string>();
  for (const [hash, query] of Object.entries(manifest)) {
    if (typeof query !== "string") throw new Error(`PERSISTED_OPERATIONS_FILE ${file}: the value of ${hash} is not a query string`);
    if (sha256(query) !== hash.toLowerCase()) throw new Error(`PERSISTED_OPERATIONS_FILE ${file}: ${hash} is not the sha256 of its query`);
    operations.set(hash.toLowerCase(), query);
  }
  return operations;
}

export function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

/**
 * The operations registered by one or more manifest files, read at start. A hash it does not know
 * makes it look at the files again (at most once a second, and only when one changed): a client
 * rebuilt while the gateway runs (`npm run web:build` beside `npm start`) is registered at once.
 * A changed file that no longer loads keeps the operations already registered (and is logged).
 */
export class RegisteredOperations {
  private operations: Map<string, string>;
  private stamps: string;
  private checkedAt: number;

  constructor(
    private readonly files: string[],
    private readonly onReloadFailure: (error: unknown) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.operations = this.load();
    this.stamps = this.fileStamps();
    this.checkedAt = now();
  }

  get(hash: string): string | undefined {
    const key = hash.toLowerCase();
    const found = this.operations.get(key);
    if (found !== undefined || !this.reloadIfChanged()) return found;
    return this.operations.get(key);
  }

  has(hash: string): boolean {
    return this.get(hash) !== undefined;
  }

  private load(): Map<string, string> {
    return new Map(this.files.flatMap((file) => [...loadPersistedOperations(file)]));
  }

  private fileStamps(): string {
    return this.files.map((file) => (fs.existsSync(file) ? `${fs.statSync(file).mtimeMs}` : "-")).join("|");
  }

  private reloadIfChanged(): boolean {
    if (this.now() - this.checkedAt < 1000) return false;
    this.checkedAt = this.now();
    const stamps = this.fileStamps();
    if (stamps === this.stamps) return false;
    this.stamps = stamps;
    try {
      this.operations = this.load();
      return true;
    } catch (error) {
      this.onReloadFailure(error);
      return false;
    }
  }
}

/**
 * Apollo Server's APQ cache, answering the registered hashes first: a client may send only
 * `extensions.persistedQuery.sha256Hash` of a registered operation, never the text.
 */
export class ManifestFirstCache implements KeyValueCache<string> {
  private readonly memory = new Map<string, string>();
  constructor(private readonly registered: RegisteredOperations, private readonly maxEntries = 1000) {}

  async get(key: string): Promise<string | undefined> {
    return this.registered.get(key.slice(key.lastIndexOf(":") + 1)) ?? this.memory.get(key);
  }

  async set(key: string, value: string, _options?: KeyValueCacheSetOptions): Promise<void> {
    if (this.memory.size >= this.maxEntries) this.memory.delete(this.memory.keys().next().value as string);
    this.memory.set(key, value);
  }

  async delete(key: string): Promise<boolean | void> {
    this.memory.delete(key);
  }
}
