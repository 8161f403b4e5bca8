import { useState } from "preact/hooks";
import { useWords } from "../i18n/catalogue";
import { hrefOf } from "../router";
import { useSession } from "../session/session";
import { ScreenHeading } from "../ui/ScreenHeading";
import { CaseView } from "./CaseView";
import { CasePurpose } from "../ui/CasePurpose";
import { purposeHeaders, rememberPurpose } from "../ui/purpose";
import { FIRST_POSITION, Queue, type QueuePosition } from "./Queue";
import "./review.css";
import { reviewWords } from "./words";
import { RecordedText } from "../ui/RecordedText";

/**
 * Civil-affairs officers' review: the queue of card applications (`#/review`), and one application
 * (`#/review/<id>`), opened only once the officer states why. Where he is in the queue is kept while
 * he looks at a case.
 */
export function ReviewScreen({ id }: { id?: string }) {
  const [position, setPosition] = useState<QueuePosition>(FIRST_POSITION);
  return <div class="review">{id ? <Case key={id} id={id} /> : <Queue position={position} onMove={setPosition} />}</div>;
}

/**
 * One case: first the purpose of access (asked again for every case opened, never kept for the
 * day), then the application read and acted on with that purpose. Someone who is not a
 * civil-affairs officer states none: the API answers him (FORBIDDEN) and the screen says so.
 */
function Case({ id }: { id: string }) {
  const words = useWords(reviewWords);
  const { session } = useSession();
  const officerId = session?.nationalId ?? null;
  const officer = session?.roles.includes("CIVIL_AFFAIRS_OFFICER") ?? false;
  const [purpose, setPurpose] = useState<string | null>(officer ? null : "");
  const [lastPurpose, setLastPurpose] = useState("");

  return (
    <>
      <ScreenHeading>{words.caseTitle}</ScreenHeading>
      <p>
        <a href={hrefOf("review")}>{words.backToQueue}</a>
      </p>
      {purpose === null ? (
        <CasePurpose
          id="case-purpose"
          words={words}
          officerId={officerId ?? ""}
          initial={lastPurpose}
          onOpen={(stated) => {
            if (officerId) rememberPurpose(officerId, stated);
            setLastPurpose(stated);
            setPurpose(stated);
          }}
        />
      ) : (
        <>
          {purpose && (
            <p class="stated-purpose">
              <span>
                {words.statedPurpose}: <RecordedText text={purpose} />
              </span>{" "}
              <button type="button" class="link-button" onClick={() => setPurpose(null)}>
                {words.changePurpose}
              </button>
            </p>
          )}
          <CaseView key={purpose} id={id} headers={purpose ? purposeHeaders(purpose) : {}} viewerId={officerId} />
        </>
      )}
    </>
  );
}
