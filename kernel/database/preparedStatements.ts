import { Client } from "pg";

/** Statement texts marked as prepared, each with its name (texts are the code's own constants or built from them). */
const names = new Map<string, string>();

/**
 * Marks a statement the platform sends on every request (the hot reads, the audit INSERT): on
 * PostgreSQL each connection parses it once, as a named prepared statement, instead of on every
 * call, which was most of PostgreSQL's CPU per statement (docs/benchmarks.md). PostgreSQL still
 * plans it again for each call's values while a plan for those values looks cheaper than its plan
 * for any values, as it does for joins keyed by a short array (docs/benchmarks.md, "Where
 * PostgreSQL still plans"). Returns the text unchanged, so callers keep passing it to `query`.
 */
export function prepared(text: string): string {
  if (!names.has(text)) names.set(text, `fr_${names.size + 1}`);
  return text;
}

/** The name a statement marked by `prepared` goes by, or undefined for any other text. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}

/**
 * The PostgreSQL connection of every subgraph's pool (openDatabase passes it to node-postgres's
 * Pool): a marked statement goes by name, prepared once per connection; anything else goes as
 * before. TypeORM still runs, logs and counts every statement; only the protocol message changes.
 * Embedded databases (PGlite) prepare them their own way (pgliteStatements.ts).
 */
export class PreparingClient extends Client {
  override query(...args: unknown[]): never {
    const [config, values, callback] = args;
    const name = typeof config === "string" ? preparedName(config) : undefined;
    const send = super.query.bind(this) as (...sent: unknown[]) => never;
    return name ? send({ name, text: config, values }, callback) : send(...args);
  }
}
