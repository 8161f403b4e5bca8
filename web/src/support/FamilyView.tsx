import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import { ApiError } from "../api/errors";
import { ErrorBlock } from "../ui/ErrorBlock";
import { asApiError } from "../apply/errors";
import { enrollmentStatusLabels, relationLabels } from "../family/labels";
import { SupportFamilyDocument, type SupportFamilyDetailsFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { useLanguage } from "../i18n/language";
import { RulesVersion } from "../ui/RulesVersion";
import { ScrollTable } from "../ui/ScrollTable";
import { announce } from "../ui/announcer";
import { Code, Day, Moment } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { commonWords } from "../ui/words";
import { useDecide } from "./decide";
import { EligibilityFacts, programName } from "./Eligibility";
import { countryName, nameOf } from "./people";
import { RecordWage } from "./RecordWage";
import { supportWords, wageSourceLabels } from "./words";
import { Amount } from "../ui/Amount";
import { RecordedText } from "../ui/RecordedText";

/**
 * One family as a labor officer reviews it, read with the stated purpose (`headers`): its members,
 * their wages, a new wage, its eligibility per program (recomputed by the API after a wage) and its
 * enrollments, the pending ones with their decision.
 */
export function FamilyView({ registerNumber, headers }: { registerNumber: string; headers: Record<string, string> }) {
  const words = useWords(supportWords);
  const common = useWords(commonWords);
  const language = useLanguage();
  const [state, setState] = useState<{ family: SupportFamilyDetailsFragment | null; error: ApiError | null; loading: boolean }>({ family: null, error: null, loading: true });
  const first = useRef<HTMLHeadingElement>(null);
  const eligibilityHeading = useRef<HTMLHeadingElement>(null);
  const opened = useRef(false);

  const load = useCallback(async (): Promise<void> => {
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const family = (await request(SupportFamilyDocument, { registerNumbers: [registerNumber] }, { headers })).familiesForReview[0] ?? null;
      // A family nobody may see and one that does not exist answer alike.
      setState({ family, error: family ? null : new ApiError(words.notFound, "NOT_FOUND"), loading: false });
    } catch (failure) {
      setState({ family: null, error: asApiError(failure), loading: false });
    }
    // The headers are the case's purpose, fixed while it is open; the language words the reasons and amounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [registerNumber, language]);

  useEffect(() => {
    void load();
  }, [load]);

  const family = state.family;
  useEffect(() => {
    // Opened: the keyboard starts at the family, and the opening is said.
    if (family && !opened.current) {
      opened.current = true;
      first.current?.focus();
      announce(words.opened(registerNumber));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [family]);

  if (!family) {
    return (
      <>
        {state.loading && <p role="status">{common.loading}</p>}
        <ErrorSummary error={state.error} onRetry={state.error?.code === "FORBIDDEN" ? undefined : () => void load()} />
      </>
    );
  }
  return (
    <div class="family-case" aria-busy={state.loading}>
      <section class="card" aria-labelledby="family-members-title">
        <h2 id="family-members-title" tabIndex={-1} ref={first}>
          {words.membersTitle}
        </h2>
        <Members family={family} />
      </section>
      <section class="card" aria-labelledby="family-wages-title">
        <h2 id="family-wages-title">{words.wagesTitle}</h2>
        {family.householdIncome && (
          <p>
            <strong>{words.householdIncome}:</strong> <Amount money={family.householdIncome} />
          </p>
        )}
        <Wages family={family} />
        <RecordWage
          family={family}
          headers={headers}
          onRecorded={async (said) => {
            await load();
            eligibilityHeading.current?.focus();
            announce(said);
          }}
        />
      </section>
      <section class="card" aria-labelledby="family-eligibility-title">
        <h2 id="family-eligibility-title" tabIndex={-1} ref={eligibilityHeading}>
          {words.eligibilityTitle}
        </h2>
        <Eligibilities family={family} />
      </section>
      <section class="card" aria-labelledby="family-enrollments-title">
        <h2 id="family-enrollments-title">{words.enrollmentsTitle}</h2>
        <Enrollments family={family} headers={headers} reload={load} />
      </section>
    </div>
  );
}

function Members({ family }: { family: SupportFamilyDetailsFragment }) {
  const words = useWords(supportWords);
  const relations = useWords(relationLabels);
  const language = useLanguage();
  return (
    <ScrollTable label={words.membersTitle} tableClass="members-table">
      <thead>
        <tr>
          <th scope="col">{words.name}</th>
          <th scope="col">{words.nationalId}</th>
          <th scope="col">{words.relation}</th>
          <th scope="col">{words.birthDate}</th>
          <th scope="col">{words.nationality}</th>
        </tr>
      </thead>
      <tbody>
        {family.members.map((member) => (
          <tr key={member.citizen.nationalId}>
            <th scope="row">
              <RecordedText text={nameOf(member, language)} />
            </th>
            <td>
              <Code value={member.citizen.nationalId} />
            </td>
            <td>{relations[member.relation]}</td>
            <td>
              <Day value={member.citizen.birthDate} />
            </td>
            <td>{countryName(member.citizen.nationality, language)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function Wages({ family }: { family: SupportFamilyDetailsFragment }) {
  const words = useWords(supportWords);
  const sources = useWords(wageSourceLabels);
  const language = useLanguage();
  const members = new Map(family.members.map((member) => [member.citizen.nationalId, member]));
  return (
    <ScrollTable label={words.wagesTitle} tableClass="wages-table">
      <thead>
        <tr>
          <th scope="col">{words.member}</th>
          <th scope="col">{words.employer}</th>
          <th scope="col">{words.wage}</th>
          <th scope="col">{words.since}</th>
          <th scope="col">{words.source}</th>
        </tr>
      </thead>
      <tbody>
        {family.wages.map((wage) => {
          const member = members.get(wage.nationalId);
          return (
            <tr key={wage.nationalId}>
              <th scope="row">{member ? <RecordedText text={nameOf(member, language)} /> : <Code value={wage.nationalId} />}</th>
              <td>{wage.employer ? <RecordedText text={wage.employer} /> : words.noWage}</td>
              <td>
                <Amount money={wage.monthlyAmount} />
              </td>
              <td>{wage.effectiveFrom ? <Day value={wage.effectiveFrom} /> : "—"}</td>
              <td>{wage.source ? sources[wage.source] : "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}

function Eligibilities({ family }: { family: SupportFamilyDetailsFragment }) {
  const words = useWords(supportWords);
  const language = useLanguage();
  const evaluated = family.eligibility[0]?.evaluatedAt;
  return (
    <>
      {evaluated && (
        <p>
          {words.evaluatedAt}: <Moment value={evaluated} />
        </p>
      )}
      <div class="grid">
        {family.eligibility.map((decision) => (
          <article class="program" key={decision.program.code} aria-labelledby={`family-program-${decision.program.code}`}>
            <h3 id={`family-program-${decision.program.code}`}>{programName(decision.program, language)}</h3>
            <EligibilityFacts decision={decision} />
            <RulesVersion program={decision.program} />
          </article>
        ))}
      </div>
    </>
  );
}

function Enrollments({ family, headers, reload }: { family: SupportFamilyDetailsFragment; headers: Record<string, string>; reload(): Promise<void> }) {
  const words = useWords(supportWords);
  const statuses = useWords(enrollmentStatusLabels);
  const language = useLanguage();
  const { decide, busy, error } = useDecide(headers, words, reload);
  if (family.enrollments.length === 0) return <p>{words.noEnrollments}</p>;
  return (
    <>
      <ErrorBlock error={error} />
      <ScrollTable label={words.enrollmentsTitle} tableClass="enrollments-table">
        <thead>
          <tr>
            <th scope="col">{words.program}</th>
            <th scope="col">{words.status}</th>
            <th scope="col">{words.appliedAt}</th>
            <th scope="col">{words.decidedAt}</th>
            <th scope="col">{words.decision}</th>
          </tr>
        </thead>
        <tbody>
          {family.enrollments.map((enrollment) => {
            const name = programName(enrollment.program, language);
            const decidable = { id: enrollment.id, programName: name, registerNumber: family.registerNumber };
            return (
              <tr key={enrollment.id}>
                <th scope="row">{name}</th>
                <td>{statuses[enrollment.status]}</td>
                <td>
                  <Moment value={enrollment.appliedAt} />
                </td>
                <td>{enrollment.decidedAt ? <Moment value={enrollment.decidedAt} /> : "—"}</td>
                <td>
                  {enrollment.status === "PENDING" ? (
                    <div class="decide">
                      <button type="button" class="primary" disabled={busy !== null} aria-label={words.approveFor(name, family.registerNumber)} onClick={() => void decide(decidable, true)}>
                        {words.approve}
                      </button>
                      <button type="button" class="danger" disabled={busy !== null} aria-label={words.rejectFor(name, family.registerNumber)} onClick={() => void decide(decidable, false)}>
                        {words.reject}
                      </button>
                    </div>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </>
  );
}
