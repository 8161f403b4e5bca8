import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadRuleSet } from "../src/rules/loadRuleSet";
import { ruleSetProblems } from "../src/rules/validateRuleSet";
import { labor } from "../src/definition";
import { SHIPPED_RULES_FILE } from "../src/settings";
import { startSubgraphHarness } from "../../../test/support/subgraph";

const shipped = () => JSON.parse(fs.readFileSync(SHIPPED_RULES_FILE, "utf8"));

describe("the rules file", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rules-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it("ships a valid version labelled as illustrative", () => {
    const rules = loadRuleSet(SHIPPED_RULES_FILE);
    expect(rules.version).toBe("2026-1");
    expect(rules.note).toMatch(/ILLUSTRATIVE/);
  });

  it("reports every problem with where it is", () => {
    const bad = shipped();
    delete bad.programs.FOOD_SUPPORT;
    bad.programs.PENSION = {};
    bad.programs.CITIZEN_ACCOUNT.conditions = [{ kind: "MIN_HEAD_AGE", years: -1 }, { kind: "OVER_THE_MOON" }];
    bad.programs.SOCIAL_SECURITY.amount.maxHalalas = 5;
    bad.programs.SOCIAL_SECURITY.amount.shareOfGapPercent = 101;
    bad.programs.HOUSING_SUPPORT.incomeThreshold.baseHalalas = 12.5;
    bad.programs.LUMP_SUM_AID.amount.extra = 1;
    expect(ruleSetProblems(bad)).toEqual([
      "programs.CITIZEN_ACCOUNT.conditions[0].years: must be a whole number from 0 to 150, got -1",
      "programs.CITIZEN_ACCOUNT.conditions[1]: must be an object whose kind is one of SAUDI_HEAD, MIN_HEAD_AGE, MAX_HEAD_AGE, MIN_MEMBERS, MIN_CHILDREN",
      "programs.CITIZEN_ACCOUNT.conditions: must include SAUDI_HEAD (RULES.md: a non-Saudi head is eligible for no program)",
      "programs.SOCIAL_SECURITY.amount.shareOfGapPercent: must be a whole number from 0 to 100, got 101",
      "programs.SOCIAL_SECURITY.amount.maxHalalas: must be at least minHalalas (10000)",
      "programs.LUMP_SUM_AID.amount.extra: unknown field (allowed: baseHalalas, perAdditionalAdultHalalas, perChildHalalas, shareOfGapPercent, minHalalas, maxHalalas)",
      "programs.FOOD_SUPPORT: is missing: every program needs its rules",
      "programs.HOUSING_SUPPORT.incomeThreshold.baseHalalas: must be a whole number from 0 to 100000000, got 12.5",
      "programs.PENSION: is not a program (known: CITIZEN_ACCOUNT, SOCIAL_SECURITY, LUMP_SUM_AID, FOOD_SUPPORT, HOUSING_SUPPORT)",
    ]);
  });

  it("requires a version and the note", () => {
    const bad = shipped();
    delete bad.note;
    bad.version = "2026 1";
    expect(ruleSetProblems(bad)).toEqual(['(file).version: must match /^[\\w.-]{1,20}$/, got "2026 1"', "(file).note: must be a non-empty string"]);
  });

  it("says on every program whether its figures are the shipped illustrative ones: the shipped file's are, an operator's are not", async () => {
    expect(ruleSetProblems({ ...shipped(), illustrative: "yes" })).toEqual(["(file).illustrative: must be true or false when given"]);
    const operators = shipped();
    delete operators.illustrative;
    operators.version = "2027-1";
    const programs = async (env: NodeJS.ProcessEnv) => {
      const subgraph = await startSubgraphHarness(labor, { kind: "embedded", demoData: false, env });
      try {
        const response = await subgraph.http(`{ benefitPrograms { code rulesVersion illustrativeFigures } }`);
        expect(response.errors).toBeUndefined();
        return new Set(response.data.benefitPrograms.map((program: { rulesVersion: string; illustrativeFigures: boolean }) => `${program.rulesVersion} ${program.illustrativeFigures}`));
      } finally {
        await subgraph.stop();
      }
    };
    expect(await programs({})).toEqual(new Set(["2026-1 true"]));
    expect(await programs({ RULES_FILE: write("2027-1.json", JSON.stringify(operators)) })).toEqual(new Set(["2027-1 false"]));
  });

  it("refuses a file that is not JSON, or missing, naming it", () => {
    const broken = write("broken.json", "{ not json");
    expect(() => loadRuleSet(broken)).toThrow(`Rules file ${broken} cannot be read as JSON`);
    expect(() => loadRuleSet(path.join(dir, "absent.json"))).toThrow(/cannot be read as JSON: .*ENOENT/);
  });

  it("stops labor from starting on a bad file, with the problems in the message", async () => {
    const bad = shipped();
    bad.programs.FOOD_SUPPORT.amount.minHalalas = "lots";
    const file = write("bad.json", JSON.stringify(bad));
    await expect(startSubgraphHarness(labor, { kind: "embedded", demoData: false, env: { RULES_FILE: file } })).rejects.toThrow(
      `Invalid configuration:\n- Rules file ${file} is invalid:\n- programs.FOOD_SUPPORT.amount.minHalalas: must be a whole number from 0 to 100000000, got "lots"`,
    );
  });
});
