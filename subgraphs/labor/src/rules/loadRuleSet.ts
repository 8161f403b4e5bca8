import fs from "node:fs";
import type { RuleSet } from "./ruleSet";
import { ruleSetProblems } from "./validateRuleSet";

/** Reads and validates a rules file; any problem stops the start with a message naming the file and every fault. */
export function loadRuleSet(file: string): RuleSet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Rules file ${file} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problems = ruleSetProblems(parsed);
  if (problems.length > 0) throw new Error(`Rules file ${file} is invalid:\n- ${problems.join("\n- ")}`);
  return parsed as RuleSet;
}
