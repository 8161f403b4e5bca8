import { countTicks } from "../../web/src/dashboard/axis";

describe("the dashboard charts' count axis", () => {
  it("labels every tick in the reader's digits, zero included", () => {
    const label = (language: "ar" | "en") => [0, 5, 1500].map((value) => countTicks(language).callback(value));
    expect(label("ar")).toEqual(["٠", "٥", "١٬٥٠٠"]);
    expect(label("en")).toEqual(["0", "5", "1,500"]);
  });
});
