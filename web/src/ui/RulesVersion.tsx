import { catalogue, useWords } from "../i18n/catalogue";

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
 * Which rules version made an eligibility decision (RULES.md: every decision says so), and, while
 * its figures are the shipped illustrative defaults, that they are.
 */
export function RulesVersion({ program }: { program: { rulesVersion: string; illustrativeFigures: boolean } }) {
  const words = useWords(rulesWords);
  return (
    <p class="muted">
      <bdi>{words.rulesVersion(program.rulesVersion)}</bdi>
      {program.illustrativeFigures && ` (${words.illustrative})`}
    </p>
  );
}
