import path from "node:path";
import type { Setting } from "../../../kernel/config";
import { loadRuleSet } from "./rules/loadRuleSet";
import type { RuleSet } from "./rules/ruleSet";

export const SHIPPED_RULES_FILE = path.resolve(__dirname, "..", "rules", "2026-1.json");

export const laborSettings = {
  /** Read and validated with the rest of the configuration, so a bad file stops the start before anything opens. */
  RULES_FILE: {
    doc: "The eligibility rules file of the rules version in force (rules/<version>.json)",
    fallback: SHIPPED_RULES_FILE,
    parse: (raw) => loadRuleSet(raw || SHIPPED_RULES_FILE),
  } satisfies Setting<RuleSet>,
};
