import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSubgraph, type RunningSubgraph } from "../kernel/subgraph";
import { SUBGRAPHS } from "../subgraphs";
import { createTestDatabase, TEST_DATABASE_URL } from "./support/database";

/**
 * Replicas that start at the same instant on an empty PostgreSQL database all come up, and the
 * demo data is there exactly once (before: migrations raced on the same tables, delivery's seeding
 * broke a foreign key and civil-affairs' doubled its applications). Migrations and seeding run
 * under one advisory lock per database (kernel/database/dataSource.ts). One round here, ten in
 * `npm run fault`.
 */
const ROUNDS = process.env.FAULT_LOAD ? 10 : 1;
const COUNTED: Record<string, string> = {
  "civil-affairs": `SELECT (SELECT count(*) FROM card_application)::int AS applications, (SELECT count(*) FROM family)::int AS families, (SELECT count(*) FROM citizen)::int AS people`,
  labor: `SELECT (SELECT count(*) FROM wage_record)::int AS wages, (SELECT count(*) FROM register_family)::int AS families, (SELECT count(*) FROM benefit_enrollment)::int AS enrollments`,
  delivery: `SELECT (SELECT count(*) FROM issued_card)::int AS cards, (SELECT count(*) FROM shipment)::int AS shipments, (SELECT count(*) FROM office_pickup)::int AS pickups`,
};

(TEST_DATABASE_URL ? describe : describe.skip)("replicas starting together on an empty database", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "replicas-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const start = (definition: (typeof SUBGRAPHS)[number], url: string) =>
    startSubgraph(definition as never, {
      ...process.env,
      NODE_ENV: "test",
      PORT: "0",
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      DEMO_DATA: "true",
      DEMO_FAMILIES: "30",
      DEMO_ANCHOR_DATE: "2026-11-01",
      OUTBOX_SUBSCRIBERS: "",
    }) as Promise<RunningSubgraph>;

  it.each(SUBGRAPHS.map((definition) => [definition.name, definition] as const))("%s: two replicas at once, demo data once", async (name, definition) => {
    for (let round = 0; round < ROUNDS; round++) await startTogether(name, definition);
  }, 120_000 * ROUNDS);

  async function startTogether(name: string, definition: (typeof SUBGRAPHS)[number]): Promise<void> {
    const [shared, alone] = await Promise.all([createTestDatabase(`${name}_shared`), createTestDatabase(`${name}_alone`)]);
    const running: RunningSubgraph[] = [];
    try {
      const replicas = await Promise.allSettled([start(definition, shared.url), start(definition, shared.url)]);
      for (const replica of replicas) if (replica.status === "fulfilled") running.push(replica.value);
      expect(replicas.map((replica) => (replica.status === "fulfilled" ? "up" : String(replica.reason)))).toEqual(["up", "up"]);
      const single = await start(definition, alone.url);
      running.push(single);
      const once = (await single.db.query(COUNTED[name]!))[0] as Record<string, number>;
      expect(Object.values(once).every((count) => count > 0)).toBe(true);
      expect((await running[0]!.db.query(COUNTED[name]!))[0]).toEqual(once);
    } finally {
      await Promise.all(running.map((r) => r.stop()));
      await Promise.all([shared.drop(), alone.drop()]);
    }
  }
});
