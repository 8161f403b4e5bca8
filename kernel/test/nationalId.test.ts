import { checkNationalId, withCheckDigit } from "../nationalId";
import { normalizeDigits } from "../digits";

describe("national ID validation", () => {
  it.each(["1000000016", "1000000024", "2000000014", "1000000909"])("accepts %s", (id) => {
    expect(checkNationalId(id)).toEqual({ ok: true, nationalId: id, isCitizen: id.startsWith("1") });
  });

  it("accepts Eastern Arabic and Persian digits and normalises them", () => {
    expect(checkNationalId("١٠٠٠٠٠٠٠٠٨")).toEqual({ ok: true, nationalId: "1000000008", isCitizen: true });
    expect(checkNationalId("۱۰۰۰۰۰۰۰۱۶")).toMatchObject({ ok: true, nationalId: "1000000016" });
    expect(normalizeDigits(" ٠١٢٣٤٥٦٧٨٩ ")).toBe("0123456789");
  });

  it.each([
    ["100000001", "FORMAT"],
    ["10000000161", "FORMAT"],
    ["10000000a6", "FORMAT"],
    ["", "FORMAT"],
    ["3000000010", "PREFIX"],
    ["0000000000", "PREFIX"],
    ["1000000017", "CHECK_DIGIT"],
    ["2000000015", "CHECK_DIGIT"],
  ])("refuses %s (%s)", (id, problem) => {
    expect(checkNationalId(id)).toEqual({ ok: false, problem });
  });

  it("computes check digits that the validator accepts, and only those", () => {
    for (const nine of ["100000001", "123456789", "287654321"]) {
      const id = withCheckDigit(nine);
      expect(checkNationalId(id).ok).toBe(true);
      const wrong = `${nine}${(Number(id[9]) + 1) % 10}`;
      expect(checkNationalId(wrong)).toEqual({ ok: false, problem: "CHECK_DIGIT" });
    }
  });
});
