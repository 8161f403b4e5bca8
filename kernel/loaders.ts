import DataLoader from "dataloader";
import { metrics } from "./observability/metrics";

/**
 * A loader's name for the dataloader_batch_size metric: where it is defined (file:line of the
 * loaderByKey / loaderOfMany call, e.g. "registry/loaders.ts:14"), computed once at definition.
 */
function definedAt(): string {
  const lines = (new Error().stack ?? "").split("\n").slice(3);
  const match = /([^/\\(\s]+[/\\][^/\\(\s]+\.[jt]s):(\d+)/.exec(lines[0] ?? "");
  return match ? `${match[1].replace(/\\/g, "/")}:${match[2]}` : "anonymous";
}

/** Builds one DataLoader for one request; the registry memoizes it by this function's identity. */
export type LoaderFactory<K, V, C> = (context: C) => DataLoader<K, V, string>;

/** Per-request DataLoaders: each loader is created on first use and lives as long as the request. */
export class LoaderRegistry<C> {
  private readonly loaders = new Map<LoaderFactory<any, any, C>, DataLoader<any, any, string>>();
  constructor(private readonly context: () => C) {}

  get<K, V>(factory: LoaderFactory<K, V, C>): DataLoader<K, V, string> {
    let loader = this.loaders.get(factory);
    if (!loader) {
      loader = factory(this.context());
      this.loaders.set(factory, loader);
    }
    return loader as DataLoader<K, V, string>;
  }

  /** The loader if this request has already used it, for a reader that can make do with what was loaded. */
  existing<K, V>(factory: LoaderFactory<K, V, C>): DataLoader<K, V, string> | undefined {
    return this.loaders.get(factory) as DataLoader<K, V, string> | undefined;
  }

  /** Forgets everything loaded: after a mutation has written, its response reads fresh rows. */
  clear(): void {
    this.loaders.clear();
  }
}

/**
 * Defines a loader from a batch function that returns rows; rows are matched back to keys by
 * `keyOf`, so one SQL statement answers the whole batch. Keys are compared as strings.
 */
export function loaderByKey<K, Row, C>(
  fetch: (keys: readonly K[], context: C) => Promise<Row[]>,
  keyOf: (row: Row) => K,
): LoaderFactory<K, Row | null, C> {
  const loader = definedAt();
  return (context) =>
    new DataLoader<K, Row | null, string>(
      async (keys) => {
        metrics.loaderBatchSize.observe({ loader }, keys.length);
        const rows = await fetch(keys, context);
        const byKey = new Map(rows.map((row) => [String(keyOf(row)), row]));
        return keys.map((key) => byKey.get(String(key)) ?? null);
      },
      { cacheKeyFn: String },
    );
}

/**
 * Like loaderByKey, for one-to-many relations: each key gets every row whose `keyOf` matches
 * (a row may belong to several keys, e.g. a marriage to both spouses).
 */
export function loaderOfMany<K, Row, C>(
  fetch: (keys: readonly K[], context: C) => Promise<Row[]>,
  keyOf: (row: Row) => K | K[],
): LoaderFactory<K, Row[], C> {
  const loader = definedAt();
  return (context) =>
    new DataLoader<K, Row[], string>(
      async (keys) => {
        metrics.loaderBatchSize.observe({ loader }, keys.length);
        const rows = await fetch(keys, context);
        const groups = new Map<string, Row[]>();
        const add = (key: K, row: Row) => {
          const group = groups.get(String(key));
          if (group) group.push(row);
          else groups.set(String(key), [row]);
        };
        for (const row of rows) {
          const rowKeys = keyOf(row);
          if (Array.isArray(rowKeys)) rowKeys.forEach((key) => add(key, row));
          else add(rowKeys, row);
        }
        return keys.map((key) => groups.get(String(key)) ?? []);
      },
      { cacheKeyFn: String },
    );
}
