import { halalasOf } from "../../web/src/support/amount";

describe("a wage typed in riyals (the labor officer's wage form)", () => {
  it("reads Western and Arabic-Indic digits, thousands separators and the Arabic decimal separator", () => {
    expect(halalasOf("4500")).toBe(450_000);
    expect(halalasOf("٤٥٠٠٫٥")).toBe(450_050);
    expect(halalasOf("4,500.25")).toBe(450_025);
    expect(halalasOf("٤٬٥٠٠")).toBe(450_000);
  });

  it("is not a number with three decimals, a sign or letters", () => {
    for (const text of ["4500.123", "-5", "45a", "", "."]) expect(halalasOf(text)).toBeNull();
  });

});
