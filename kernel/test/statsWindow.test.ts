import type { AppError } from "../errors";
import { daySeries, riyadhDays, statsWindow } from "../stats/window";

const at = (iso: string) => new Date(iso);

function violationsOf(run: () => unknown): Array<{ field: string; rule: string }> {
  try {
    run();
  } catch (error) {
    const { code, violations } = (error as AppError).extensions as { code: string; violations: Array<{ field: string; rule: string }> };
    expect(code).toBe("BAD_USER_INPUT");
    return violations.map(({ field, rule }) => ({ field, rule }));
  }
  throw new Error("expected BAD_USER_INPUT");
}

describe("a dashboard window (RULES.md, Dashboards)", () => {
  const now = at("2026-11-29T09:00:00Z");

  it("ends now and starts 30 days before its end when neither bound is given", () => {
    const window = statsWindow("en", null, null, now);
    expect(window.to).toEqual(now);
    expect(window.from).toEqual(at("2026-10-30T09:00:00Z"));
    expect(window.days[0]).toBe("2026-10-30");
    expect(window.days[window.days.length - 1]).toBe("2026-11-29");
  });

  it("starts 30 days before a given end", () => {
    expect(statsWindow("en", null, at("2026-01-31T00:00:00+03:00"), now).from).toEqual(at("2026-01-01T00:00:00+03:00"));
  });

  it("refuses a start after the end, naming from", () => {
    expect(violationsOf(() => statsWindow("en", at("2026-02-02T00:00:00Z"), at("2026-02-01T00:00:00Z"), now))).toEqual([{ field: "from", rule: "AFTER_TO" }]);
    expect(violationsOf(() => statsWindow("ar", at("2026-12-02T00:00:00Z"), null, now))).toEqual([{ field: "from", rule: "AFTER_TO" }]);
  });

  it("accepts 366 days and refuses one second more", () => {
    const to = at("2026-11-01T00:00:00+03:00");
    expect(statsWindow("en", at("2025-10-31T00:00:00+03:00"), to, now).days).toHaveLength(366);
    expect(violationsOf(() => statsWindow("en", at("2025-10-30T23:59:59+03:00"), to, now))).toEqual([{ field: "from", rule: "WINDOW_TOO_LONG" }]);
  });

  it("lists Riyadh calendar days: 21:00 UTC is already the next day", () => {
    expect(riyadhDays(at("2026-03-01T20:59:59Z"), at("2026-03-01T21:00:01Z"))).toEqual(["2026-03-01", "2026-03-02"]);
    expect(riyadhDays(at("2026-03-01T21:00:00Z"), at("2026-03-02T20:59:59Z"))).toEqual(["2026-03-02"]);
  });

  it("does not list the day that starts exactly at the window's (exclusive) end", () => {
    expect(riyadhDays(at("2026-03-01T00:00:00+03:00"), at("2026-03-04T00:00:00+03:00"))).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
  });

  it("fills every day of the window, zero where nothing happened, oldest first", () => {
    const window = statsWindow("en", at("2026-03-01T00:00:00+03:00"), at("2026-03-04T00:00:00+03:00"), now);
    expect(daySeries(window, [{ day: "2026-03-03", count: "2" }, { day: "2026-03-01", count: 5 }])).toEqual([
      { day: "2026-03-01", count: 5 },
      { day: "2026-03-02", count: 0 },
      { day: "2026-03-03", count: 2 },
    ]);
  });
});
