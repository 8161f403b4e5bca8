import { Client, types } from "pg";
import { TEST_DATABASE_URL } from "../../test/support/database";
import { parseTimestamptz, PG_TYPES } from "../database/typeParsers";

const TIMESTAMPTZ = 1184;
const parse = PG_TYPES.getTypeParser(TIMESTAMPTZ, "text") as (text: string) => unknown;
const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * What PostgreSQL writes for the instant `millis` since the epoch and `micros` more, in a session
 * `offsetSeconds` east of UTC, its fraction cut to `fractionDigits` (PostgreSQL drops trailing zeros).
 */
function postgresText(millis: number, micros: number, offsetSeconds: number, fractionDigits: number): string {
  const local = new Date(millis + offsetSeconds * 1000);
  const fraction = `${pad(local.getUTCMilliseconds(), 3)}${pad(micros, 3)}`.slice(0, fractionDigits).replace(/0+$/, "");
  const size = Math.abs(offsetSeconds);
  const zone = `${offsetSeconds < 0 ? "-" : "+"}${pad(Math.floor(size / 3600))}${size % 3600 ? `:${pad(Math.floor((size % 3600) / 60))}` : ""}${size % 60 ? `:${pad(size % 60)}` : ""}`;
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction ? `.${fraction}` : ""}${zone}`
  );
}

describe("timestamptz as node-postgres reads it (kernel/database/typeParsers.ts)", () => {
  it("reads every instant PostgreSQL writes to the millisecond, in any session time zone", () => {
    // UTC, Riyadh, Newfoundland, Kathmandu, and Kolkata's local mean time before 1906 (seconds in the offset).
    const offsets = [0, 3 * 3600, -(3 * 3600 + 30 * 60), 5 * 3600 + 45 * 60, 5 * 3600 + 53 * 60 + 28];
    let seed = 20261201;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const first = Date.UTC(1000, 0, 1);
    const last = Date.UTC(9999, 11, 31);
    const wrong: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const millis = Math.floor(first + next() * (last - first));
      const fractionDigits = i % 7;
      const text = postgresText(millis, Math.floor(next() * 1000), offsets[i % offsets.length]!, fractionDigits);
      // The milliseconds the text keeps: none with no fraction, tenths with one digit, and so on.
      const kept = 10 ** (3 - Math.min(fractionDigits, 3));
      const expected = millis - (((millis % kept) + kept) % kept);
      const read = parse(text);
      if (!(read instanceof Date) || read.getTime() !== expected) wrong.push(`${text}: ${read instanceof Date ? read.toISOString() : String(read)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("reads a fraction and an offset as the instant they name", () => {
    expect((parse("2026-12-01 20:40:48.029+00") as Date).toISOString()).toBe("2026-12-01T20:40:48.029Z");
    expect((parse("2026-12-01 23:40:48.5+03") as Date).toISOString()).toBe("2026-12-01T20:40:48.500Z");
  });

  it("leaves every other form to node-postgres' parser", () => {
    const others = ["infinity", "-infinity", "0044-03-15 12:00:00+00 BC", "0099-01-01 00:00:00+00", "12026-12-01 20:40:48+00", "2026-12-01T20:40:48Z"];
    const fallback = types.getTypeParser(TIMESTAMPTZ, "text") as (text: string) => unknown;
    for (const text of others) {
      const handedOn: string[] = [];
      parseTimestamptz(text, (value) => handedOn.push(value));
      expect(handedOn).toEqual([text]);
      expect(parse(text)).toEqual(fallback(text));
    }
  });

  it("hands a cut or malformed value on, never reads it as a shorter one", () => {
    for (const text of ["2026-12-01 20:40:48", "2026-12-01 20:40:48+0", "2026-12-01 20:40:48+03:", "2026-12-01 20:4x:48+00", "2026-12-01 20:40:48.12+00 "]) {
      const handedOn: string[] = [];
      parseTimestamptz(text, (value) => handedOn.push(value));
      expect(handedOn).toEqual([text]);
    }
  });
});

(TEST_DATABASE_URL ? describe : describe.skip)("timestamptz read from PostgreSQL", () => {
  it("is the instant PostgreSQL stores, whatever the session's time zone", async () => {
    const client = new Client({ connectionString: TEST_DATABASE_URL, types: PG_TYPES });
    await client.connect();
    try {
      for (const zone of ["UTC", "Asia/Riyadh", "America/St_Johns", "Asia/Kolkata"]) {
        await client.query(`SET TIME ZONE '${zone}'`);
        const { rows } = await client.query<{ at: Date; text: string; millis: string }>(
          `SELECT at, at::text AS text, floor(extract(epoch FROM at) * 1000)::bigint::text AS millis
             FROM unnest($1::timestamptz[]) AS at`,
          [["2026-12-01 20:40:48.029123+00", "1890-06-30 23:59:59.999999+05:53:28", "1969-12-31 23:59:59.5+00", "2000-02-29 12:00:00+00"]],
        );
        for (const row of rows) expect({ text: row.text, millis: row.at.getTime() }).toEqual({ text: row.text, millis: Number(row.millis) });
      }
    } finally {
      await client.end();
    }
  });
});
