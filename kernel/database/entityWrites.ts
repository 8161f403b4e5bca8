import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { entityRows, type EntityRows } from "./entityRows";
import { perEntity } from "./perEntity";

/** A statement's text and its parameters, as `EntityManager.query` takes them. */
export type Statement = [text: string, parameters: unknown[]];

/**
 * An entity's INSERT and UPDATE in plain SQL, each RETURNING the row as `EntityRows.hydrateReturned`
 * reads it back: for the writes of the apply path, where building each statement with TypeORM's
 * query builder cost more of the subgraph's CPU than everything else the write did
 * (docs/benchmarks.md). A statement's text depends only on which columns it names, so it is built
 * once per set of columns and can be prepared; values are converted as TypeORM converts them
 * (`preparePersistentValue`: transformers, JSON, dates), embedded columns included. Columns a
 * write leaves out keep their database defaults, as TypeORM's `DEFAULT` does.
 */
export class EntityWrites<E extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  private readonly rows: EntityRows<E>;
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly db: DataSource,
    entity: EntityTarget<E>,
  ) {
    this.metadata = db.getMetadata(entity);
    this.rows = entityRows(db, entity);
  }

  /** INSERT of the columns `values` sets, RETURNING the row (its generated id and defaults included). */
  insert(values: Partial<E>): Statement {
    const set = this.columnsSetBy(values);
    const text = this.text(`insert ${set.map((column) => column.databaseName)}`, () => {
      const names = set.map((column) => `"${column.databaseName}"`).join(", ");
      const placeholders = set.map((_, i) => `$${i + 1}`).join(", ");
      return `INSERT INTO ${this.rows.table} (${names}) VALUES (${placeholders}) RETURNING ${this.rows.returning()}`;
    });
    return [text, this.valuesOf(set, values)];
  }

  /**
   * UPDATE of the columns `changes` sets on the rows whose properties equal `where` (every one of
   * them: a guard such as the version read), RETURNING each row written.
   */
  update(changes: Partial<E>, where: Partial<E>): Statement {
    // A condition left out would widen the write (a guard's version missing writes whatever the version).
    if (Object.keys(where).length === 0 || Object.values(where).some((value) => value === undefined)) {
      throw new Error(`${this.metadata.name}: an UPDATE's conditions must each have a value`);
    }
    const [set, match] = [this.columnsSetBy(changes), this.columnsSetBy(where)];
    const text = this.text(`update ${set.map((column) => column.databaseName)} where ${match.map((column) => column.databaseName)}`, () => {
      const assignments = set.map((column, i) => `"${column.databaseName}" = $${i + 1}`).join(", ");
      const conditions = match.map((column, i) => `"${column.databaseName}" = $${set.length + i + 1}`).join(" AND ");
      return `UPDATE ${this.rows.table} SET ${assignments} WHERE ${conditions} RETURNING ${this.rows.returning()}`;
    });
    return [text, [...this.valuesOf(set, changes), ...this.valuesOf(match, where)]];
  }

  private text(key: string, build: () => string): string {
    let text = this.texts.get(key);
    if (text === undefined) this.texts.set(key, (text = build()));
    return text;
  }

  private columnsSetBy(values: Partial<E>): ColumnMetadata[] {
    return this.metadata.columns.filter((column) => !column.isVirtual && column.getEntityValue(values) !== undefined);
  }

  private valuesOf(columns: ColumnMetadata[], values: Partial<E>): unknown[] {
    return columns.map((column) => this.db.driver.preparePersistentValue(column.getEntityValue(values), column));
  }
}

const writers = perEntity((db, entity) => new EntityWrites(db, entity));

/** The plain-SQL writer of an entity in one database, made on first use. */
export function entityWrites<E extends ObjectLiteral>(db: DataSource, entity: EntityTarget<E>): EntityWrites<E> {
  return writers(db, entity) as unknown as EntityWrites<E>;
}
