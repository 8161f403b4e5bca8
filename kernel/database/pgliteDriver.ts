import { EventEmitter } from "node:events";
import type { PGlite } from "@electric-sql/pglite";
import { PGLITE_PARSERS } from "./typeParsers";
import { PgliteStatements } from "./pgliteStatements";
import { preparedName } from "./preparedStatements";

/**
 * A node-postgres-shaped module over one in-process PGlite database, for TypeORM's postgres
 * driver. PGlite is a single session, so the pool hands out that session to one holder at a time:
 * a transaction keeps it until release, and nobody else's statements can interleave with it.
 */
export function pgliteModule(database: PGlite) {
  const waiting: Array<() => void> = [];
  let busy = false;

  const acquire = () =>
    new Promise<void>((resolve) => {
      if (!busy) {
        busy = true;
        resolve();
      } else waiting.push(resolve);
    });
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else busy = false;
  };

  const statements = new PgliteStatements(database, { ...database.parsers, ...PGLITE_PARSERS });
  const client = Object.assign(new EventEmitter(), {
    async query(sql: string, params?: unknown[]) {
      const name = preparedName(sql);
      const result = name
        ? await statements.run(name, sql, params ?? [])
        : params && params.length > 0
          ? await database.query<Record<string, unknown>>(sql, params, { parsers: PGLITE_PARSERS })
          : ((await database.exec(sql, { parsers: PGLITE_PARSERS })).at(-1) ?? { rows: [], affectedRows: 0 });
      const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length, command };
    },
  });

  class Pool extends EventEmitter {
    connect(callback: (error: Error | null, connection: typeof client, done: () => void) => void) {
      void acquire().then(() => {
        let released = false;
        callback(null, client, () => {
          if (!released) {
            released = true;
            release();
          }
        });
      });
    }
    end(callback: (error: Error | null) => void) {
      database.close().then(() => callback(null), callback);
    }
  }

  return { Pool };
}
