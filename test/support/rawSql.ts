import { Client } from "pg";
import { openPGlite } from "../../kernel/database/pglite";
import { createTestDatabase } from "./database";

/** A bare database of either kind, for migrations tested apart from any subgraph. */
export interface RawSql {
  /** Runs one or more statements (no parameters) and returns the last statement's rows. */
  run<R = Record<string, unknown>>(sql: string): Promise<R[]>;
  close(): Promise<void>;
}

export async function openRawSql(kind: string, name: string): Promise<RawSql> {
  if (kind === "embedded") {
    const pglite = await openPGlite();
    return { run: async (sql) => ((await pglite.exec(sql)).at(-1)?.rows ?? []) as never, close: () => pglite.close() };
  }
  const database = await createTestDatabase(name);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  return {
    run: async (sql) => {
      const result = (await client.query(sql)) as unknown as { rows: never[] } | Array<{ rows: never[] }>;
      return Array.isArray(result) ? result.at(-1)!.rows : result.rows;
    },
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}
