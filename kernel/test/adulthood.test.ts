import { createRequestContext } from "../context";
import { ADULT_AGE, isAdultOn, isMinorChild } from "../adulthood";
import { ageOn } from "../dates";
import { createLogger } from "../logger";

/** The one adult-age rule both agencies apply, judged on a pinned day: it never reads the clock. */
describe("adulthood (18 years), on a given day", () => {
  const SARAH = "2012-07-15"; // the demo cast's minor daughter

  it("flips on the 18th birthday: a minor the day before, an adult on the day", () => {
    expect(ADULT_AGE).toBe(18);
    expect(ageOn(SARAH, "2030-07-14")).toBe(17);
    expect(isAdultOn(SARAH, "2030-07-14")).toBe(false);
    expect(isMinorChild("DAUGHTER", SARAH, "2030-07-14")).toBe(true);
    expect(ageOn(SARAH, "2030-07-15")).toBe(18);
    expect(isAdultOn(SARAH, "2030-07-15")).toBe(true);
    expect(isMinorChild("DAUGHTER", SARAH, "2030-07-15")).toBe(false);
  });

  it("counts only sons and daughters as minor children; heads and spouses never are", () => {
    expect(isMinorChild("SON", "2020-01-01", "2026-11-25")).toBe(true);
    expect(isMinorChild("HEAD", "2010-01-01", "2026-11-25")).toBe(false);
    expect(isMinorChild("SPOUSE", "2010-01-01", "2026-11-25")).toBe(false);
  });

  it("takes a 29 February birthday on 1 March in other years", () => {
    expect(isAdultOn("2008-02-29", "2026-02-28")).toBe(false);
    expect(isAdultOn("2008-02-29", "2026-03-01")).toBe(true);
    expect(isAdultOn("2012-02-29", "2030-02-28")).toBe(false);
    expect(isAdultOn("2012-02-29", "2030-03-01")).toBe(true);
  });

  it("refuses a day that is not written YYYY-MM-DD (an instant must go through the request's `today`)", () => {
    expect(() => ageOn(SARAH, "2030-07-15T00:00:00Z")).toThrow(/YYYY-MM-DD/);
  });

  it("judges on the request's day in Riyadh: the birthday starts at midnight there, 21:00 UTC the day before", () => {
    const contextAt = (now: string) => createRequestContext({ viewer: null, authorization: null, lang: "en", requestId: "t", purpose: null, purposeRequired: false, db: null as never, log: createLogger("test"), now: new Date(now) });
    const before = contextAt("2030-07-14T20:59:59Z");
    const midnight = contextAt("2030-07-14T21:00:00Z");
    expect([before.today, midnight.today]).toEqual(["2030-07-14", "2030-07-15"]);
    expect(isAdultOn(SARAH, before.today)).toBe(false);
    expect(isAdultOn(SARAH, midnight.today)).toBe(true);
    expect(midnight.now).toEqual(new Date("2030-07-14T21:00:00Z"));
  });
});
