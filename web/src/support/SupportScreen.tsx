import { useState } from "preact/hooks";
import { useWords } from "../i18n/catalogue";
import { ScreenHeading } from "../ui/ScreenHeading";
import { FamilyCase } from "./FamilyCase";
import { Families } from "./Families";
import { FIRST_PAGE, type PagePosition } from "../ui/Pager";
import { PendingEnrollments } from "./PendingEnrollments";
import "./support.css";
import { supportWords } from "./words";

/**
 * Labor officers' social support: the enrollments waiting for a decision and the families to review
 * (`#/support`), and one family (`#/support/<register number>`), opened only once the officer states
 * why. Where he is in both lists is kept while he looks at a family. Anyone else sees the API's
 * refusal.
 */
export function SupportScreen({ id }: { id?: string }) {
  const words = useWords(supportWords);
  const [pending, setPending] = useState<PagePosition>(FIRST_PAGE);
  const [families, setFamilies] = useState<PagePosition>(FIRST_PAGE);
  const [refused, setRefused] = useState(false);
  if (id) {
    return (
      <div class="support">
        <FamilyCase key={id} registerNumber={id} />
      </div>
    );
  }
  return (
    <div class="support">
      <ScreenHeading>{words.title}</ScreenHeading>
      {!refused && <p>{words.intro}</p>}
      <PendingEnrollments position={pending} onMove={setPending} onRefused={setRefused} />
      {!refused && <Families position={families} onMove={setFamilies} />}
    </div>
  );
}
