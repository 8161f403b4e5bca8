import { categoryTicks, countTicks } from "../../web/src/dashboard/axis";

describe("the dashboard charts' count axis", () => {
  it("labels every tick in the reader's digits, zero included", () => {
    const label = (language: "ar" | "en") => [0, 5, 1500].map((value) => countTicks(language).callback(value));
    expect(label("ar")).toEqual(["٠", "٥", "١٬٥٠٠"]);
    expect(label("en")).toEqual(["0", "5", "1,500"]);
  });
});

describe("the dashboard charts' category axis", () => {
  it("breaks an office's long name between words so that each office is told apart, and leaves a day's label whole", () => {
    const offices = ["مكتب الأحوال المدنية بالرياض - العليا", "مكتب الأحوال المدنية بالدمام"];
    const lines = offices.map((_, index) => categoryTicks(offices).callback(index));
    expect(lines).toEqual([["مكتب الأحوال", "المدنية بالرياض -", "العليا"], ["مكتب الأحوال", "المدنية بالدمام"]]);
    expect(lines.map((label) => label.join(" "))).toEqual(offices);
    expect(categoryTicks(["٢٣ نوفمبر"]).callback(0)).toEqual(["٢٣ نوفمبر"]);
  });
});
