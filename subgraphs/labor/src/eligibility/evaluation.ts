import crypto from "node:crypto";
import type { RuleSet } from "../rules/ruleSet";
import { evaluateAll, type Decision } from "./engine";
import type { HouseholdFacts } from "./household";

/** One family evaluated for every program at one moment, from one set of facts. */
export interface Evaluation {
  registerNumber: string;
  facts: HouseholdFacts;
  decisions: Decision[];
  evaluatedAt: Date;
}

/** sha256 of the facts: equal digests under one rules version give equal decisions. Taken when a decision is kept, never on a read. */
export function factsDigest(facts: HouseholdFacts): string {
  const canonical = [facts.headNationality, facts.headAge, facts.adults, facts.children, facts.incomeHalalas];
  return crypto.createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

export function evaluateFamily(ruleSet: RuleSet, registerNumber: string, facts: HouseholdFacts, evaluatedAt: Date): Evaluation {
  return { registerNumber, facts, decisions: evaluateAll(ruleSet, facts), evaluatedAt };
}
