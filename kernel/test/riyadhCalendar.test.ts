import { addWorkingDays, riyadhDate } from "../riyadhCalendar";

describe("working days (Friday and Saturday are the weekend)", () => {
  it.each([
    ["2025-03-10", 5, "2025-03-17", "Monday + 5: Tue Wed Thu, Sun Mon"],
    ["2025-03-13", 1, "2025-03-16", "Thursday + 1: Sunday"],
    ["2025-03-14", 1, "2025-03-16", "Friday + 1: Sunday"],
    ["2025-03-15", 1, "2025-03-16", "Saturday + 1: Sunday"],
    ["2025-03-12", 2, "2025-03-16", "Wednesday + 2: Thursday, Sunday"],
    ["2025-03-16", 10, "2025-03-30", "two whole weeks"],
    ["2025-12-30", 3, "2026-01-04", "across the new year"],
    ["2025-03-10", 0, "2025-03-10", "zero days"],
  ])("%s + %i working days = %s (%s)", (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it("takes the issue date in Riyadh (UTC+3)", () => {
    expect(riyadhDate(new Date("2025-03-10T20:59:59Z"))).toBe("2025-03-10");
    expect(riyadhDate(new Date("2025-03-10T21:00:00Z"))).toBe("2025-03-11");
  });
});
