import { types, type CustomTypesConfig } from "pg";

/** PostgreSQL's `date` type. */
const DATE = 1082;
const asSent = (value: string) => value;

/*
 * `date` values are read as the text PostgreSQL sends ("2026-11-30"), by both drivers: TypeORM turns
 * a date column's value back into that text anyway, and parsing each into a Date first was 2–3% of
 * civil-affairs' CPU in a 50-family review (250 birth dates). Raw SQL gets the same text. Arrays
 * of dates (`date[]`, no column today) keep each driver's array parser, which still makes Dates.
 */

/** node-postgres' parsers with `date` as text (the pool's `types`). */
export const PG_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === DATE ? asSent : types.getTypeParser(oid, format))) as CustomTypesConfig["getTypeParser"],
};

/** PGlite's parsers with `date` as text (a query's `parsers`). */
export const PGLITE_PARSERS = { [DATE]: asSent };
