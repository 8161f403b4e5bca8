import crypto from "node:crypto";
import { Client } from "pg";

/**
 * Tests run on the embedded database always, and on PostgreSQL too when TEST_DATABASE_URL is set
 * (CI sets it). Each test file gets fresh databases, dropped at the end.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export type DatabaseKind = "embedded" | "postgres";

/** The kinds of database this run tests against. */
export const DATABASE_KINDS: DatabaseKind[] = TEST_DATABASE_URL ? ["embedded", "postgres"] : ["embedded"];

async function admin<T>(server: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty PostgreSQL database (on TEST_DATABASE_URL's server unless `server` is another) and returns its URL and a function that drops it. */
export async function createTestDatabase(label: string, server = TEST_DATABASE_URL): Promise<{ url: string; drop(): Promise<void> }> {
  if (!server) throw new Error("TEST_DATABASE_URL is not set");
  const name = `t_${label.replace(/\W/g, "_")}_${crypto.randomBytes(4).toString("hex")}`.toLowerCase();
  await admin(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
