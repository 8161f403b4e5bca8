import path from "node:path";
import { setting, type Setting } from "../../../kernel/config";
import { eventSettings } from "../../../kernel/events/settings";
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
  ELIGIBILITY_REFRESH_MS: setting.int("How often the families' stored eligibility is brought up to date (new day, new rules)", 15 * 60_000),
  ...eventSettings,
};
