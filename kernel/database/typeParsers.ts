import { types, type CustomTypesConfig } from "pg";

/** PostgreSQL's `date` and `timestamptz` types. */
const DATE = 1082;
const TIMESTAMPTZ = 1184;
const asSent = (value: string) => value;

/*
 * `date` values are read as the text PostgreSQL sends ("2026-11-30"), by both drivers: TypeORM turns
 * a date column's value back into that text anyway, and parsing each into a Date first was 2–3% of
 * civil-affairs' CPU in a 50-family review (250 birth dates). Raw SQL gets the same text. Arrays
 * of dates (`date[]`, no column today) keep each driver's array parser, which still makes Dates.
 */

/** `count` ASCII digits of `text` from `start` as a number, NaN if one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

const HYPHEN = 45;
const SPACE = 32;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
/** An offset's hours, minutes and seconds, in seconds. */
const OFFSET_UNITS = [3600, 60, 1];

/**
 * A `timestamptz` as PostgreSQL writes it in its ISO style, "2026-12-01 20:40:48.123456+00" (or an
 * offset of "+03", "-05:30", "+05:45:12" in another session time zone), read digit by digit; any other
 * form (a year before 100 or after 9999, BC, infinity) is `fallback`'s. The milliseconds are the
 * first three digits of the fraction: a Date keeps no finer part. node-postgres' own parser ran
 * three regular expressions per value, 4.6% of civil-affairs' CPU in a 50-family review
 * (docs/benchmarks.md).
 */
export function parseTimestamptz(text: string, fallback: (text: string) => unknown): unknown {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const shaped =
    text.charCodeAt(4) === HYPHEN &&
    text.charCodeAt(7) === HYPHEN &&
    text.charCodeAt(10) === SPACE &&
    text.charCodeAt(13) === COLON &&
    text.charCodeAt(16) === COLON;
  // NaN fails every comparison; Date.UTC reads years 0–99 as 1900–1999.
  if (!shaped || !(year >= 100 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0)) return fallback(text);
  let at = 19;
  let millis = 0;
  if (text.charCodeAt(at) === DOT) {
    let place = 100;
    for (at++; at < text.length; at++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      millis += digit * place;
      place = (place / 10) | 0;
    }
  }
  const sign = text.charCodeAt(at) === PLUS ? 1 : text.charCodeAt(at) === HYPHEN ? -1 : 0;
  // Hours, then minutes and seconds when the zone's offset has them.
  let offsetSeconds = 0;
  let end = at + 1;
  for (const unit of OFFSET_UNITS) {
    offsetSeconds += digitsAt(text, end, 2) * unit;
    end += 2;
    if (unit === 1 || text.charCodeAt(end) !== COLON) break;
    end++;
  }
  if (sign === 0 || end !== text.length || Number.isNaN(offsetSeconds)) return fallback(text);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - sign * offsetSeconds * 1000);
}

const parseTimestamptzText = types.getTypeParser(TIMESTAMPTZ, "text");
const timestamptz = (text: string) => parseTimestamptz(text, parseTimestamptzText);

/** node-postgres' parsers with `date` as text and `timestamptz` read by `parseTimestamptz` (the pool's `types`). */
export const PG_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format: "text" | "binary" = "text") => {
    if (format === "text" && oid === DATE) return asSent;
    if (format === "text" && oid === TIMESTAMPTZ) return timestamptz;
    return types.getTypeParser(oid, format);
  }) as CustomTypesConfig["getTypeParser"],
};

/** PGlite's parsers with `date` as text (a query's `parsers`); its `timestamptz` parser is V8's `new Date(text)`, native already. */
export const PGLITE_PARSERS = { [DATE]: asSent };
