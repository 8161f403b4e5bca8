import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

const CHUNK = 500;

/** Inserts many rows a few hundred per statement (demo data, imports); rows already there are skipped. */
export async function insertInChunks<T extends ObjectLiteral>(db: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + CHUNK) as never).orIgnore().execute();
  }
}
