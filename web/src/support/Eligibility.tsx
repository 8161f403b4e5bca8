import type { SupportEligibilityFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { supportWords } from "./words";
import { Amount } from "../ui/Amount";
import { asSentence } from "../ui/sentence";

/** One program's decision for a family: eligible or not, the monthly amount, and the API's reasons. */
export function EligibilityFacts({ decision }: { decision: SupportEligibilityFragment }) {
  const words = useWords(supportWords);
  return (
    <>
      <p class="eligibility-line">
        <span class={decision.eligible ? "badge good" : "badge bad"}>{decision.eligible ? words.eligible : words.notEligible}</span>
        {decision.monthlyAmount && (
          <span>
            {words.monthlyAmount}: <Amount money={decision.monthlyAmount} />
          </span>
        )}
      </p>
      <ul class="reasons" aria-label={words.reasons}>
        {decision.reasons.map((reason) => (
          <li key={reason}>{asSentence(reason)}</li>
        ))}
      </ul>
    </>
  );
}

export function programName(program: { nameAr: string; nameEn: string }, language: string): string {
  return language === "en" ? program.nameEn : program.nameAr;
}
