import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { perEntity } from "./perEntity";
import { prepared } from "./preparedStatements";

type Row = Record<string, unknown>;

/** Up to this many values, a key condition lists them (`EntityRows.keyIn`): PostgreSQL's generic plan for an array assumes ten. */
const LISTED_KEYS = 10;

/** A WHERE condition on a key column and the value to pass for its parameter (`EntityRows.keyIn`). */
export interface KeyCondition {
  condition: string;
  value: unknown;
}

/**
 * An entity read with plain SQL: its table and select list, built once from TypeORM's metadata, and
 * rows hydrated column by column as TypeORM hydrates them (same instances, same conversions). For
 * the hot reads of the unified family query, where building each statement and mapping its rows
 * through TypeORM's query builder cost more than the read itself (docs/benchmarks.md). Statements
 * still go through `DataSource.query`, so they run on PGlite and PostgreSQL alike and are counted;
 * writes and every other read keep TypeORM.
 */
export class EntityRows<E extends ObjectLiteral> {
  /** The quoted table name, for a hand-written statement's FROM or JOIN. */
  readonly table: string;
  private readonly metadata: EntityMetadata;
  private readonly columns: ColumnMetadata[];
  /** Statement texts by their WHERE clause, `keyIn`'s conditions by alias, property, parameter and form, `whereIn`'s orders by property. */
  private readonly statements = new Map<string, string>();
  private readonly keyConditions = new Map<string, string>();
  private readonly orders = new Map<string, string>();
  private readonly selects = new Map<string, string>();
  /** Each column's key in a row read under an alias (`alias_column`), in `columns`' order, built once per alias. */
  private readonly rowKeys = new Map<string, string[]>();
  private readonly primaryIndex: number;

  constructor(
    private readonly db: DataSource,
    entity: EntityTarget<E>,
  ) {
    this.metadata = db.getMetadata(entity);
    this.table = `"${this.metadata.tableName}"`;
    // What TypeORM selects for a whole entity: not `select: false` columns, not virtual ones.
    this.columns = this.metadata.columns.filter((column) => column.isSelect && !column.isVirtual);
    this.primaryIndex = this.columns.indexOf(this.metadata.primaryColumns[0]!);
    if (this.primaryIndex < 0) throw new Error(`${this.metadata.name}: its primary column is not selected`);
  }

  /** The select list of this entity under `alias`: `"alias"."column" AS "alias_column", …`. */
  select(alias: string): string {
    let list = this.selects.get(alias);
    if (list === undefined) {
      list = this.columns.map((column) => `"${alias}"."${column.databaseName}" AS "${alias}_${column.databaseName}"`).join(", ");
      this.selects.set(alias, list);
    }
    return list;
  }

  /** The select list for a write's RETURNING clause; read its row back with `hydrateReturned`. */
  returning(): string {
    return this.select(this.metadata.tableName);
  }

  /** The quoted name `returning()` gives `property`'s column, for a statement that reads the returned rows (a CTE). */
  returnedColumn(property: keyof E & string): string {
    return `"${this.metadata.tableName}_${this.columnOf(property).databaseName}"`;
  }

  /** The entity as a write's RETURNING clause (`returning()`) gave it back. */
  hydrateReturned(row: Row): E {
    return this.hydrate(row, this.metadata.tableName)!;
  }

  /** The entity read under `alias` in `row`, or null when there is none (a left join that found nothing). */
  hydrate(row: Row, alias: string): E | null {
    const keys = this.keysOf(alias);
    if (row[keys[this.primaryIndex]!] == null) return null;
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as E;
    for (let i = 0; i < keys.length; i++) {
      const value = row[keys[i]!];
      if (value !== undefined) {
        const column = this.columns[i]!;
        column.setEntityValue(entity, this.db.driver.prepareHydratedValue(value, column));
      }
    }
    return entity;
  }

  /** Built once per alias: a row's keys are looked up for every column of every row read. */
  private keysOf(alias: string): string[] {
    let keys = this.rowKeys.get(alias);
    if (keys === undefined) {
      keys = this.columns.map((column) => `${alias}_${column.databaseName}`);
      this.rowKeys.set(alias, keys);
    }
    return keys;
  }

  /**
   * The condition "`alias`.`property` is one of `values`" on the parameter `parameter`, with the
   * value to pass for it. The text depends only on how many values there are, up to
   * `LISTED_KEYS`, so each site prepares a bounded number of statements (`prepared`), each of which
   * PostgreSQL plans once for all values (its generic plan):
   * - one value is `= $n`;
   * - up to `LISTED_KEYS` values are listed from the array, `IN (($n::type[])[1], ($n::type[])[2])`;
   * - more are a semi-join on `unnest` of the array, which hashes the values or looks each one up.
   * An array's generic plan assumes ten elements: given fewer, PostgreSQL found a plan for the
   * values cheaper and planned the statement again on every call, 0.38 ms of planning for a 0.04 ms
   * join (docs/benchmarks.md, "Where PostgreSQL still plans"). Never `= ANY($n)`: once PostgreSQL
   * plans a prepared statement generically, `ANY` over a parameter compares every row with every
   * element (50 families' 250 people against each wage row: the 50-family review's PostgreSQL CPU
   * went up by a third).
   */
  keyIn(alias: string, property: keyof E & string, parameter: string, values: readonly unknown[]): KeyCondition {
    const listed = values.length <= LISTED_KEYS ? values.length : 0;
    const key = `${alias} ${property} ${parameter} ${listed}`;
    let condition = this.keyConditions.get(key);
    if (condition === undefined) {
      const column = this.columnOf(property);
      const name = `"${alias}"."${column.databaseName}"`;
      const array = `${parameter}::${this.db.driver.normalizeType(column)}[]`;
      condition =
        listed === 1
          ? `${name} = ${parameter}`
          : listed > 1
            ? `${name} IN (${Array.from({ length: listed }, (_, i) => `(${array})[${i + 1}]`).join(", ")})`
            : `${name} IN (SELECT unnest(${array}))`;
      this.keyConditions.set(key, condition);
    }
    return { condition, value: listed === 1 ? values[0] : [...values] };
  }

  /** Every row whose `property` is one of `values` (`keyIn`), optionally ordered by a column descending. */
  whereIn(property: keyof E & string, values: readonly unknown[], newestFirstBy?: keyof E & string): Promise<E[]> {
    const { condition, value } = this.keyIn("e", property, "$1", values);
    if (!newestFirstBy) return this.where(condition, [value]);
    let order = this.orders.get(newestFirstBy);
    if (order === undefined) {
      order = ` ORDER BY "e"."${this.columnOf(newestFirstBy).databaseName}" DESC`;
      this.orders.set(newestFirstBy, order);
    }
    return this.where(`${condition}${order}`, [value]);
  }

  /**
   * Every row (under the alias "e") that `clause` selects, as a prepared statement: `clause` is what
   * follows WHERE, the code's own text (e.g. from `keyIn`), and values go in `parameters`.
   */
  async where(clause: string, parameters: unknown[]): Promise<E[]> {
    let text = this.statements.get(clause);
    if (!text) {
      text = prepared(`SELECT ${this.select("e")} FROM ${this.table} "e" WHERE ${clause}`);
      this.statements.set(clause, text);
    }
    const rows: Row[] = await this.db.query(text, parameters);
    return rows.map((row) => this.hydrate(row, "e")!);
  }

  private columnOf(property: keyof E & string): ColumnMetadata {
    const column = this.metadata.findColumnWithPropertyPath(property);
    if (!column) throw new Error(`${this.metadata.name} has no column for "${property}"`);
    return column;
  }
}

const readers = perEntity((db, entity) => new EntityRows(db, entity));

/** The plain-SQL reader of an entity in one database, made on first use. */
export function entityRows<E extends ObjectLiteral>(db: DataSource, entity: EntityTarget<E>): EntityRows<E> {
  return readers(db, entity) as unknown as EntityRows<E>;
}
