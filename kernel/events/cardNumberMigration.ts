import { sqlMigration } from "../database/sqlMigration";
import { CARD_NUMBER_MAX_LENGTH } from "./cardIssued";

/**
 * Card numbers grew from 14 characters to 16: a family's 100th card has three digits of version
 * and failed with an internal error. The same migration for every subgraph that stores card
 * numbers, over its own tables, named for it (TypeORM keys migrations by name).
 */
export function cardNumberVersionsMigration(subgraph: string, tables: string[]) {
  const widthOf = (length: number) => tables.map((table) => `ALTER TABLE ${table} ALTER COLUMN card_number TYPE varchar(${length});`).join("\n");
  return sqlMigration(`${subgraph}CardNumberVersions1770000000000`, widthOf(CARD_NUMBER_MAX_LENGTH), widthOf(14));
}
