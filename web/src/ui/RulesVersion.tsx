import { catalogue, useWords } from "../i18n/catalogue";
import { formatDigits } from "../i18n/format";
import { useLanguage } from "../i18n/language";

const rulesWords = catalogue(
  {
    rulesVersion: (version: string) => `إصدار القواعد ${version}`,
    illustrative: "أرقام توضيحية افتراضية، وليست الأرقام الرسمية",
  },
  {
    rulesVersion: (version: string) => `Rules version ${version}`,
    illustrative: "illustrative default figures, not the official ones",
  },
);

/**
 * Which rules version made an eligibility decision (RULES.md: every decision says so), in the
 * reader's digits, and, while its figures are the shipped illustrative defaults, that they are.
 */
export function RulesVersion({ program }: { program: { rulesVersion: string; illustrativeFigures: boolean } }) {
  const words = useWords(rulesWords);
  const language = useLanguage();
  return (
    <p class="muted">
      <bdi>{words.rulesVersion(formatDigits(program.rulesVersion, language))}</bdi>
      {program.illustrativeFigures && ` (${words.illustrative})`}
    </p>
  );
}
