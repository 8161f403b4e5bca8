import { evaluateAll, evaluateProgram, incomeThreshold } from "../src/eligibility/engine";
import { evaluateFamily, factsDigest } from "../src/eligibility/evaluation";
import type { HouseholdFacts } from "../src/eligibility/household";
import { householdFacts } from "../src/eligibility/household";
import { describeReason } from "../src/eligibility/reasons";
import { BenefitProgramCode as P } from "../src/programs/programCode";
import { loadRuleSet } from "../src/rules/loadRuleSet";
import type { RuleSet } from "../src/rules/ruleSet";
import { SHIPPED_RULES_FILE } from "../src/settings";
import { compositionOf, ABDULLAH } from "./demoFamilies";

const shipped = loadRuleSet(SHIPPED_RULES_FILE);
const household = (facts: Partial<HouseholdFacts>): HouseholdFacts => ({
  headNationality: "SA",
  headAge: 40,
  adults: 3,
  children: 1,
  incomeHalalas: 0,
  ...facts,
});

describe("the eligibility engine", () => {
  // Citizen Account, 3 adults and 1 child: 5,000 + 2 × 2,500 + 1 × 1,500 = 11,500 SAR.
  it.each([
    ["just below", 1_149_999, true],
    ["at", 1_150_000, true],
    ["just above", 1_150_001, false],
  ])("income %s the threshold", (_label, incomeHalalas, eligible) => {
    const decision = evaluateProgram(shipped, P.CITIZEN_ACCOUNT, household({ incomeHalalas }));
    expect(decision.eligible).toBe(eligible);
    expect(decision.reasons.find((r) => r.rule === "INCOME")).toMatchObject({ thresholdHalalas: 1_150_000, passed: eligible });
  });

  it.each([
    [P.CITIZEN_ACCOUNT, { adults: 1, children: 0 }, 500_000],
    [P.CITIZEN_ACCOUNT, { adults: 2, children: 3 }, 500_000 + 250_000 + 3 * 150_000],
    [P.CITIZEN_ACCOUNT, { adults: 8, children: 8 }, 2_000_000], // capped
    [P.FOOD_SUPPORT, { adults: 3, children: 3 }, 200_000 + 2 * 100_000 + 3 * 80_000],
  ])("scales %s's threshold by household make-up %j", (program, makeUp, threshold) => {
    expect(incomeThreshold(shipped.programs[program], household(makeUp))).toBe(threshold);
  });

  it("computes integer amounts from the formula, the gap share and the caps", () => {
    // Social security pays the gap: threshold 5,400 SAR − income 4,000 SAR.
    expect(evaluateProgram(shipped, P.SOCIAL_SECURITY, household({ children: 3, incomeHalalas: 400_000 })).monthlyHalalas).toBe(140_000);
    // ... at least its minimum when the gap is tiny, at most its maximum.
    expect(evaluateProgram(shipped, P.SOCIAL_SECURITY, household({ children: 3, incomeHalalas: 539_999 })).monthlyHalalas).toBe(10_000);
    expect(evaluateProgram(shipped, P.SOCIAL_SECURITY, household({ adults: 9, children: 9 })).monthlyHalalas).toBe(600_000);
    // Housing: 25% of a 12,000 − 4,001 SAR gap, rounded down to the halala.
    expect(evaluateProgram(shipped, P.HOUSING_SUPPORT, household({ children: 3, incomeHalalas: 400_100 })).monthlyHalalas).toBe(199_975);
  });

  it.each([
    ["a non-Saudi head", P.CITIZEN_ACCOUNT, { headNationality: "EG" }, "SAUDI_HEAD"],
    ["a head under the minimum age", P.SOCIAL_SECURITY, { headAge: 17 }, "MIN_HEAD_AGE"],
    ["too few members", P.FOOD_SUPPORT, { adults: 2, children: 1 }, "MIN_MEMBERS"],
    ["no child", P.HOUSING_SUPPORT, { children: 0 }, "MIN_CHILDREN"],
  ])("refuses %s, giving that reason", (_label, program, facts, rule) => {
    const decision = evaluateProgram(shipped, program, household(facts));
    expect(decision).toMatchObject({ eligible: false, monthlyHalalas: null });
    expect(decision.reasons.map((r) => r.rule)).toEqual([rule]);
  });

  it("applies a condition only the rules file names (MAX_HEAD_AGE)", () => {
    const rules: RuleSet = structuredClone(shipped);
    rules.programs.LUMP_SUM_AID.conditions.push({ kind: "MAX_HEAD_AGE", years: 60 });
    expect(evaluateProgram(rules, P.LUMP_SUM_AID, household({ headAge: 60 })).eligible).toBe(true);
    expect(evaluateProgram(rules, P.LUMP_SUM_AID, household({ headAge: 61 })).reasons.map((r) => r.rule)).toEqual(["MAX_HEAD_AGE"]);
  });

  it("gives a non-Saudi head nothing, whatever the income", () => {
    const decisions = evaluateAll(shipped, household({ headNationality: "EG", children: 5 }));
    expect(decisions.map((d) => d.eligible)).toEqual([false, false, false, false, false]);
  });

  it("lists every failed rule at once", () => {
    const decision = evaluateProgram(shipped, P.HOUSING_SUPPORT, household({ headNationality: "EG", headAge: 20, children: 0, incomeHalalas: 9_000_000 }));
    expect(decision.reasons.map((r) => r.rule)).toEqual(["SAUDI_HEAD", "MIN_HEAD_AGE", "MIN_CHILDREN", "INCOME"]);
  });

  it("is deterministic: the same facts and rules version give the same decisions and digest", () => {
    const facts = household({ children: 3, incomeHalalas: 400_000 });
    const first = evaluateFamily(shipped, "3000000002", facts, new Date("2026-01-01T00:00:00Z"));
    const again = evaluateFamily(shipped, "3000000002", { ...facts }, new Date("2026-06-01T00:00:00Z"));
    expect(again.decisions).toEqual(first.decisions);
    expect(factsDigest(again.facts)).toBe(factsDigest(first.facts));
    expect(factsDigest({ ...facts, incomeHalalas: 400_001 })).not.toBe(factsDigest(first.facts));
    expect(first.decisions.every((d) => d.rulesVersion === "2026-1")).toBe(true);
  });

  it("counts sons and daughters under 18 as children, everyone else as adults", () => {
    const family = compositionOf(ABDULLAH.register);
    expect(householdFacts(family, 400_000, "2026-12-11")).toMatchObject({ adults: 3, children: 3, headAge: 51 });
    // Reem turns 18 on 2026-12-12.
    expect(householdFacts(family, 400_000, "2026-12-12")).toMatchObject({ adults: 4, children: 2 });
  });

  it("words reasons as sentences with the figures, in English and Arabic", () => {
    const reason = { rule: "INCOME", passed: false, incomeHalalas: 920_000, thresholdHalalas: 840_000, members: 5, adults: 2, children: 3 } as const;
    expect(describeReason(reason, "en")).toBe("household income 9,200 SAR is above the 8,400 SAR threshold for 5 members (2 adults, 3 children)");
    expect(describeReason(reason, "ar")).toBe("دخل الأسرة ٩٬٢٠٠ ريال يتجاوز الحد ٨٬٤٠٠ ريال لأسرة من ٥ أفراد (بالغان و٣ أطفال)");
    // The counted nouns follow the number (a probe read "١ بالغين و٣ أطفال"): one, two, 3–10, 11 and up, none.
    const household = (members: number, adults: number, children: number) => describeReason({ ...reason, members, adults, children }, "ar").replace(/^.*لأسرة من /, "");
    expect(household(1, 1, 0)).toBe("فرد واحد (بالغ واحد ودون أطفال)");
    expect(household(2, 1, 1)).toBe("فردين (بالغ واحد وطفل واحد)");
    expect(household(14, 3, 11)).toBe("١٤ فرداً (٣ بالغين و١١ طفلاً)");
    expect(household(12, 10, 2)).toBe("١٢ فرداً (١٠ بالغين وطفلان)");
    expect(describeReason({ rule: "MIN_CHILDREN", passed: false, children: 0, count: 1 }, "ar")).toBe("عدد الأبناء دون ١٨ سنة ٠، أقل من العدد المطلوب ١");
  });
});
