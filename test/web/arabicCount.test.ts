import { arabicDays } from "../../web/src/i18n/arabicCount";

describe("the Arabic counted noun for days", () => {
  it("takes the plural أيام from 3 to 10 and the singular يوماً from 11 to 99 (آخر ٧ أيام، آخر ٣٠ يوماً)", () => {
    expect([3, 7, 10].map(arabicDays)).toEqual(["أيام", "أيام", "أيام"]);
    expect([11, 30, 90, 99].map(arabicDays)).toEqual(["يوماً", "يوماً", "يوماً", "يوماً"]);
    expect([1, 2, 100, 103, 115].map(arabicDays)).toEqual(["يوم", "يومان", "يوم", "أيام", "يوماً"]);
  });
});
