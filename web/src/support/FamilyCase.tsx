import { useState } from "preact/hooks";
import { useWords } from "../i18n/catalogue";
import { hrefOf } from "../router";
import { purposeHeaders, rememberPurpose } from "../ui/purpose";
import { useSession } from "../session/session";
import { Code } from "../ui/Dates";
import { ScreenHeading } from "../ui/ScreenHeading";
import { CasePurpose } from "../ui/CasePurpose";
import { FamilyView } from "./FamilyView";
import { supportWords } from "./words";
import { RecordedText } from "../ui/RecordedText";

/**
 * One family: first the purpose of access (asked for every family opened), then the family read
 * and acted on with it. Someone who is not a labor officer states none: the API answers him
 * (FORBIDDEN) and the screen says so.
 */
export function FamilyCase({ registerNumber }: { registerNumber: string }) {
  const words = useWords(supportWords);
  const { session } = useSession();
  const officerId = session?.nationalId ?? "";
  const officer = session?.roles.includes("LABOR_OFFICER") ?? false;
  const [purpose, setPurpose] = useState<string | null>(officer ? null : "");
  const [changing, setChanging] = useState(false);

  return (
    <>
      <ScreenHeading>
        {words.familyTitle} <Code value={registerNumber} />
      </ScreenHeading>
      <p>
        <a href={hrefOf("support")}>{words.backToList}</a>
      </p>
      {purpose === null || changing ? (
        <section class="card">
          <CasePurpose
            id="family-purpose"
            officerId={officerId}
            words={words}
            initial={purpose ?? ""}
            onOpen={(stated) => {
              if (officerId) rememberPurpose(officerId, stated);
              setChanging(false);
              setPurpose(stated);
            }}
          />
        </section>
      ) : (
        <>
          {purpose && (
            <p class="stated-purpose">
              <span>
                {words.statedPurpose}: <RecordedText text={purpose} />
              </span>{" "}
              <button type="button" class="link-button" onClick={() => setChanging(true)}>
                {words.changePurpose}
              </button>
            </p>
          )}
          <FamilyView key={purpose} registerNumber={registerNumber} headers={purpose ? purposeHeaders(purpose) : {}} />
        </>
      )}
    </>
  );
}
