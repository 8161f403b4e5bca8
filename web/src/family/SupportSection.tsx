import type { EnrollmentStatus, MyFamilyQuery } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { useLanguage } from "../i18n/language";
import { Moment } from "../ui/Dates";
import { RulesVersion } from "../ui/RulesVersion";
import { ScrollTable } from "../ui/ScrollTable";
import { enrollmentStatusLabels } from "./labels";
import { ProgramEnrollment } from "./ProgramEnrollment";
import { familyWords } from "./words";
import { Amount } from "../ui/Amount";
import { asSentence } from "../ui/sentence";

type Family = NonNullable<NonNullable<MyFamilyQuery["me"]>["family"]>;

/** A request that still counts: the family may not apply again for the program while one is open. */
const OPEN: ReadonlySet<EnrollmentStatus> = new Set(["PENDING", "APPROVED"]);

interface SupportSectionProps {
  family: Family;
  /** The signed-in person: the head of the family applies for programs. */
  viewerId: string;
  onEnrolled(): Promise<void>;
}

/** The social-support agency's part: eligibility per program with its reasons, applying for it, and enrollments. */
export function SupportSection({ family, viewerId, onEnrolled }: SupportSectionProps) {
  const words = useWords(familyWords);
  const statuses = useWords(enrollmentStatusLabels);
  const language = useLanguage();
  const programName = (program: { nameAr: string; nameEn: string }) => (language === "en" ? program.nameEn : program.nameAr);
  const viewerIsHead = family.members.some((member) => member.relation === "HEAD" && member.citizen.nationalId === viewerId);
  const openStatusOf = (code: string) => family.enrollments.find((enrollment) => enrollment.program.code === code && OPEN.has(enrollment.status))?.status ?? null;
  return (
    <section class="card" aria-labelledby="support-title">
      <h2 id="support-title">{words.support}</h2>
      {family.householdIncome && (
        <p>
          {words.householdIncome}: <Amount money={family.householdIncome} />
        </p>
      )}
      <div class="grid">
        {family.eligibility.map((decision) => (
          <article class="card" key={decision.program.code} aria-labelledby={`program-${decision.program.code}`}>
            <h3 id={`program-${decision.program.code}`}>{programName(decision.program)}</h3>
            <p>
              <span class={decision.eligible ? "badge good" : "badge bad"}>{decision.eligible ? words.eligible : words.notEligible}</span>
            </p>
            {decision.monthlyAmount && (
              <p>
                {words.monthlyAmount}: <Amount money={decision.monthlyAmount} />
              </p>
            )}
            <p class="hint">{words.reasons}:</p>
            <ul>
              {decision.reasons.map((reason) => (
                <li key={reason}>{asSentence(reason)}</li>
              ))}
            </ul>
            <RulesVersion program={decision.program} />
            <ProgramEnrollment
              registerNumber={family.registerNumber}
              program={{ code: decision.program.code, name: programName(decision.program) }}
              eligible={decision.eligible}
              openStatus={openStatusOf(decision.program.code)}
              viewerIsHead={viewerIsHead}
              onEnrolled={onEnrolled}
            />
          </article>
        ))}
      </div>
      <h3>{words.enrollments}</h3>
      {family.enrollments.length === 0 && <p>{words.noEnrollments}</p>}
      {family.enrollments.length > 0 && (
        <ScrollTable label={words.enrollments}>
          <thead>
            <tr>
              <th scope="col">{words.program}</th>
              <th scope="col">{words.enrollmentStatus}</th>
              <th scope="col">{words.appliedAt}</th>
              <th scope="col">{words.decidedAt}</th>
            </tr>
          </thead>
          <tbody>
            {family.enrollments.map((enrollment) => (
              <tr key={enrollment.id}>
                <td>{programName(enrollment.program)}</td>
                <td>{statuses[enrollment.status]}</td>
                <td>
                  <Moment value={enrollment.appliedAt} />
                </td>
                <td>{enrollment.decidedAt ? <Moment value={enrollment.decidedAt} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
