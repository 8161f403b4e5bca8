import { BenefitProgramCode } from "../programs/programCode";

type Json = Record<string, unknown>;

/** A condition kind and the whole-number parameter it takes, if any. */
const CONDITION_PARAMS: Record<string, string | null> = {
  SAUDI_HEAD: null,
  MIN_HEAD_AGE: "years",
  MAX_HEAD_AGE: "years",
  MIN_MEMBERS: "count",
  MIN_CHILDREN: "count",
};
const SCALED = ["baseHalalas", "perAdditionalAdultHalalas", "perChildHalalas"];
/** Larger than any plausible monthly figure, and safely inside a 32-bit GraphQL Int. */
const MAX_HALALAS = 100_000_000;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks a parsed rules file against the RuleSet shape and its business constraints; returns every
 * problem found as "path: what is wrong" (empty when the file is good).
 */
export function ruleSetProblems(input: unknown): string[] {
  const problems: string[] = [];
  const fail = (path: string, message: string) => problems.push(`${path}: ${message}`);

  const onlyKeys = (object: Json, path: string, allowed: string[]) => {
    for (const key of Object.keys(object)) if (!allowed.includes(key)) fail(`${path}.${key}`, `unknown field (allowed: ${allowed.join(", ")})`);
  };
  const wholeNumber = (object: Json, path: string, key: string, max = MAX_HALALAS, optional = false): number | null => {
    const value = object[key];
    if (value === undefined && optional) return null;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
      fail(`${path}.${key}`, `must be a whole number from 0 to ${max}, got ${JSON.stringify(value) ?? "nothing"}`);
      return null;
    }
    return value;
  };
  const text = (object: Json, path: string, key: string, pattern?: RegExp) => {
    const value = object[key];
    if (typeof value !== "string" || value.trim() === "") fail(`${path}.${key}`, "must be a non-empty string");
    else if (pattern && !pattern.test(value)) fail(`${path}.${key}`, `must match ${pattern}, got "${value}"`);
  };

  const checkCondition = (condition: unknown, path: string) => {
    if (!isObject(condition) || typeof condition.kind !== "string" || !(condition.kind in CONDITION_PARAMS)) {
      fail(path, `must be an object whose kind is one of ${Object.keys(CONDITION_PARAMS).join(", ")}`);
      return;
    }
    const param = CONDITION_PARAMS[condition.kind];
    onlyKeys(condition, path, param ? ["kind", param] : ["kind"]);
    if (param) wholeNumber(condition, path, param, 150);
  };

  const checkProgram = (program: unknown, path: string) => {
    if (!isObject(program)) {
      fail(path, "must be an object");
      return;
    }
    onlyKeys(program, path, ["conditions", "incomeThreshold", "amount"]);
    const conditions = program.conditions;
    if (!Array.isArray(conditions)) fail(`${path}.conditions`, "must be a list");
    else {
      conditions.forEach((condition, i) => checkCondition(condition, `${path}.conditions[${i}]`));
      if (!conditions.some((c) => isObject(c) && c.kind === "SAUDI_HEAD")) {
        fail(`${path}.conditions`, "must include SAUDI_HEAD (RULES.md: a non-Saudi head is eligible for no program)");
      }
    }
    const threshold = program.incomeThreshold;
    if (!isObject(threshold)) fail(`${path}.incomeThreshold`, "must be an object");
    else {
      onlyKeys(threshold, `${path}.incomeThreshold`, [...SCALED, "capHalalas"]);
      const base = SCALED.map((key) => wholeNumber(threshold, `${path}.incomeThreshold`, key))[0];
      const cap = wholeNumber(threshold, `${path}.incomeThreshold`, "capHalalas", MAX_HALALAS, true);
      if (base != null && cap != null && cap < base) fail(`${path}.incomeThreshold.capHalalas`, `must be at least baseHalalas (${base})`);
    }
    const amount = program.amount;
    if (!isObject(amount)) fail(`${path}.amount`, "must be an object");
    else {
      onlyKeys(amount, `${path}.amount`, [...SCALED, "shareOfGapPercent", "minHalalas", "maxHalalas"]);
      SCALED.forEach((key) => wholeNumber(amount, `${path}.amount`, key));
      wholeNumber(amount, `${path}.amount`, "shareOfGapPercent", 100);
      const min = wholeNumber(amount, `${path}.amount`, "minHalalas");
      const max = wholeNumber(amount, `${path}.amount`, "maxHalalas");
      if (min != null && max != null && max < min) fail(`${path}.amount.maxHalalas`, `must be at least minHalalas (${min})`);
    }
  };

  if (!isObject(input)) return ["(file): must be a JSON object"];
  onlyKeys(input, "(file)", ["version", "note", "illustrative", "programs"]);
  text(input, "(file)", "version", /^[\w.-]{1,20}$/);
  text(input, "(file)", "note");
  if (input.illustrative !== undefined && typeof input.illustrative !== "boolean") fail("(file).illustrative", "must be true or false when given");
  const programs = input.programs;
  if (!isObject(programs)) fail("(file).programs", "must be an object with one entry per program");
  else {
    const codes = Object.values(BenefitProgramCode) as string[];
    for (const code of codes) {
      if (!(code in programs)) fail(`programs.${code}`, "is missing: every program needs its rules");
      else checkProgram(programs[code], `programs.${code}`);
    }
    for (const key of Object.keys(programs)) if (!codes.includes(key)) fail(`programs.${key}`, `is not a program (known: ${codes.join(", ")})`);
  }
  return problems;
}
