import type { DataSource, EntityMetadata } from "typeorm";
import { entityRows } from "../kernel/database/entityRows";
import { SUBGRAPHS } from "../subgraphs/index";
import { DATABASE_KINDS } from "./support/database";
import { startTestSubgraph, type TestSubgraph } from "./support/subgraph";

/** A row's primary key as one comparable text. */
const keyOf = (metadata: EntityMetadata, entity: object) => JSON.stringify(metadata.primaryColumns.map((column) => column.getEntityValue(entity)));

/**
 * The hot reads read entities with plain SQL (kernel/database/entityRows.ts): every entity of every
 * agency, read that way from its demo data, must be what TypeORM reads, instance and values alike.
 */
describe.each(DATABASE_KINDS)("entities read with plain SQL are those TypeORM reads (%s database)", (kind) => {
  describe.each(SUBGRAPHS.map((definition) => [definition.name, definition] as const))("%s", (_name, definition) => {
    let subgraph: TestSubgraph;
    let db: DataSource;
    beforeAll(async () => {
      subgraph = await startTestSubgraph(definition, { kind, env: { DEMO_FAMILIES: "10" } });
      db = subgraph.db;
    });
    afterAll(() => subgraph?.stop());

    it("every entity, every column", async () => {
      let compared = 0;
      for (const metadata of db.entityMetadatas) {
        const byTypeOrm = await db.getRepository(metadata.target).find();
        const primary = metadata.primaryColumns[0]!.propertyName;
        const values = [...new Set(byTypeOrm.map((entity) => metadata.primaryColumns[0]!.getEntityValue(entity)))];
        const plain = await entityRows(db, metadata.target).whereIn(primary, values);
        const sorted = (entities: object[]) => [...entities].sort((a, b) => keyOf(metadata, a).localeCompare(keyOf(metadata, b)));
        expect({ entity: metadata.name, rows: sorted(plain) }).toStrictEqual({ entity: metadata.name, rows: sorted(byTypeOrm) });
        // One value and a few are read by other statements (`keyIn`): the same rows.
        for (const some of [values.slice(0, 1), values.slice(0, 3)].filter((list) => list.length > 0)) {
          const expected = byTypeOrm.filter((entity) => some.includes(metadata.primaryColumns[0]!.getEntityValue(entity)));
          expect({ entity: metadata.name, rows: sorted(await entityRows(db, metadata.target).whereIn(primary, some)) }).toStrictEqual({ entity: metadata.name, rows: sorted(expected) });
        }
        compared += plain.length;
      }
      expect(compared).toBeGreaterThan(0);
    });
  });
});
