import crypto from "node:crypto";
import fs from "node:fs";
import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";

/** The registered operations: a JSON manifest `{ "<sha256 of the query text>": "<query text>" }`. */
export function loadPersistedOperations(file: string): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  const operations = new Map<string, string>();
  for (const [hash, query] of Object.entries(manifest)) {
    if (typeof query !== "string") throw new Error(`${file}: the value of ${hash} is not a query string`);
    if (sha256(query) !== hash.toLowerCase()) throw new Error(`${file}: ${hash} is not the sha256 of its query`);
    operations.set(hash.toLowerCase(), query);
  }
  return operations;
}

export function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

/**
 * Apollo Server's APQ cache, answering the manifest's hashes first: a client may send only
 * `extensions.persistedQuery.sha256Hash` of a registered operation, never the text.
 */
export class ManifestFirstCache implements KeyValueCache<string> {
  private readonly memory = new Map<string, string>();
  constructor(private readonly manifest: Map<string, string>, private readonly maxEntries = 1000) {}

  async get(key: string): Promise<string | undefined> {
    return this.manifest.get(key.slice(key.lastIndexOf(":") + 1)) ?? this.memory.get(key);
  }

  async set(key: string, value: string, _options?: KeyValueCacheSetOptions): Promise<void> {
    if (this.memory.size >= this.maxEntries) this.memory.delete(this.memory.keys().next().value as string);
    this.memory.set(key, value);
  }

  async delete(key: string): Promise<boolean | void> {
    this.memory.delete(key);
  }
}
