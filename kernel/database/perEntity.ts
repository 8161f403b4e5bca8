import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * One `make(db, entity)` per database and entity, made on first use and kept as long as the
 * database: for helpers that build an entity's statements once (EntityRows, EntityWrites).
 */
export function perEntity<T>(make: (db: DataSource, entity: EntityTarget<ObjectLiteral>) => T): (db: DataSource, entity: EntityTarget<ObjectLiteral>) => T {
  const byDataSource = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, T>>();
  return (db, entity) => {
    let made = byDataSource.get(db);
    if (!made) byDataSource.set(db, (made = new Map()));
    let one = made.get(entity);
    if (one === undefined) made.set(entity, (one = make(db, entity)));
    return one;
  };
}
