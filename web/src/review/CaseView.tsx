import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import { ApiError } from "../api/errors";
import { asApiError } from "../apply/errors";
import { documentLabels, namesMembers } from "../apply/labels";
import { ReviewCaseDocument, type CaseDetailsFragment, type DocumentType, type ReviewApplicantFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage, type Language } from "../i18n/language";
import { AddressFacts } from "../ui/AddressFacts";
import { announce } from "../ui/announcer";
import { ApplicationFacts } from "../ui/ApplicationFacts";
import { Code, Day } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { History } from "../ui/History";
import { commonWords } from "../ui/words";
import { CaseDocuments } from "./CaseDocuments";
import { Moves } from "./Moves";
import { reviewWords } from "./words";
import { ScrollTable } from "../ui/ScrollTable";
import { RecordedText } from "../ui/RecordedText";

interface CaseViewProps {
  id: string;
  /** The headers of every request about this case: the officer's stated purpose (none for a non-officer). */
  headers: Record<string, string>;
  /** The viewer's national ID (his own moves in the history say "you"). */
  viewerId: string | null;
}

export interface CaseState {
  application: CaseDetailsFragment | null;
  error: ApiError | null;
  loading: boolean;
}

/** One application as its officer reviews it: applicant, application, members, documents, then the moves, and the history. */
export function CaseView({ id, headers, viewerId }: CaseViewProps) {
  const words = useWords(reviewWords);
  const common = useWords(commonWords);
  const language = useLanguage();
  const [state, setState] = useState<CaseState>({ application: null, error: null, loading: true });
  const first = useRef<HTMLHeadingElement>(null);
  const opened = useRef(false);

  /** Reads the application again (its fresh state); resolves with it, or null when it could not be read. */
  const load = useCallback(async (): Promise<CaseDetailsFragment | null> => {
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await request(ReviewCaseDocument, { id }, { headers });
      const application = data.cardApplication;
      // An application nobody may see and one that does not exist answer alike.
      const error = application ? null : new ApiError(words.notFound, "NOT_FOUND");
      setState({ application, error, loading: false });
      return application;
    } catch (failure) {
      setState({ application: null, error: asApiError(failure), loading: false });
      return null;
    }
    // The headers are the case's purpose, fixed while the case is open; the language words the fee.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, language]);

  useEffect(() => {
    void load();
  }, [load]);

  const application = state.application;
  useEffect(() => {
    // Opened: the keyboard starts at the case, and the opening is said.
    if (application && !opened.current) {
      opened.current = true;
      first.current?.focus();
      announce(words.opened);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [application]);

  if (!application) {
    return (
      <>
        {state.loading && <p role="status">{common.loading}</p>}
        <ErrorSummary error={state.error} onRetry={() => void load()} />
      </>
    );
  }
  return (
    <div class="case">
      <section class="card" aria-labelledby="case-applicant-title">
        <h2 id="case-applicant-title" tabIndex={-1} ref={first}>
          {words.applicantTitle}
        </h2>
        <PersonFacts person={application.applicant} language={language} />
      </section>
      <section class="card" aria-labelledby="case-application-title">
        <h2 id="case-application-title">{words.applicationTitle}</h2>
        <ApplicationFacts application={application} words={words} methods={{ SAUDI_POST: words.bySaudiPost, OFFICE_PICKUP: words.atOffice }} />
        {application.deliveryMethod === "SAUDI_POST" && application.deliveryAddress && (
          <>
            <h3>{words.deliveryAddress}</h3>
            <AddressFacts address={application.deliveryAddress} />
          </>
        )}
        {/* Kept after the citizen resubmits: what was asked last time, said to be that round's. */}
        {application.correctionNotes && (
          <div class="notice">
            <h3>{application.status === "NEEDS_CORRECTION" ? words.correctionNotesTitle : words.lastCorrectionNotesTitle}</h3>
            <p>{application.correctionNotes}</p>
          </div>
        )}
        {application.rejectionReason && (
          <div class="notice">
            <h3>{words.rejectionReasonTitle}</h3>
            <p>{application.rejectionReason}</p>
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="case-members-title">
        <h2 id="case-members-title">{words.membersTitle}</h2>
        {namesMembers(application.kind) ? (
          <>
            <Members title={words.wives} ids={application.requestedSpouseIds} people={application.spouses} requirements={application.documentRequirements} language={language} />
            <Members title={words.children} ids={application.requestedChildIds} people={application.children} requirements={application.documentRequirements} language={language} />
          </>
        ) : (
          <p>{words.membersFromRegister}</p>
        )}
      </section>
      <section class="card" aria-labelledby="case-documents-title">
        <h2 id="case-documents-title">{words.documentsTitle}</h2>
        <CaseDocuments application={application} headers={headers} />
        <Missing missing={application.missingDocuments} language={language} />
      </section>
      <Moves
        application={application}
        headers={headers}
        onMoved={(next) => setState({ application: next, error: null, loading: false })}
        reload={load}
      />
      <section class="card" aria-labelledby="case-history-title">
        <h2 id="case-history-title">{words.historyTitle}</h2>
        <History history={application.history} words={words} viewerId={viewerId} applicant={{ id: application.applicant.nationalId, label: words.applicant }} />
      </section>
    </div>
  );
}

/** "SA" as "Saudi Arabia" / "السعودية"; the code itself where the browser has no name for it. */
function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function nameOf(person: { fullNameAr: string; fullNameEn: string | null }, language: Language): string {
  return (language === "en" && person.fullNameEn) || person.fullNameAr;
}

function PersonFacts({ person, language }: { person: ReviewApplicantFragment; language: Language }) {
  const words = useWords(reviewWords);
  return (
    <dl class="facts">
      <dt>{words.name}</dt>
      <dd>
        <bdi lang="ar">{person.fullNameAr}</bdi>
        {person.fullNameEn && (
          <>
            {" · "}
            <bdi lang="en">{person.fullNameEn}</bdi>
          </>
        )}
      </dd>
      <dt>{words.nationalId}</dt>
      <dd>
        <Code value={person.nationalId} />
      </dd>
      <dt>{words.birthDate}</dt>
      <dd>
        <Day value={person.birthDate} />
      </dd>
      <dt>{words.nationality}</dt>
      <dd>{countryName(person.nationality, language)}</dd>
    </dl>
  );
}

/** The people named in one role, as entered, with what the registry says of each. */
/** The documents that prove a link the registry lacks: what the rules ask of a person it does not link to the applicant. */
const LINK_DOCUMENTS: DocumentType[] = ["MARRIAGE_CONTRACT", "BIRTH_CERTIFICATE"];

interface MembersProps {
  title: string;
  ids: string[];
  people: ReviewApplicantFragment[];
  requirements: CaseDetailsFragment["documentRequirements"];
  language: Language;
}

/**
 * The people named, each with what the registry says of his link to the applicant and the
 * documents asked for him. Whether they are attached is said below, by type ("still required"):
 * the API matches documents to requirements by type, not to a person.
 */
function Members({ title, ids, people, requirements, language }: MembersProps) {
  const words = useWords(reviewWords);
  const labels = useWords(documentLabels);
  return (
    <>
      <h3>{title}</h3>
      {ids.length === 0 ? (
        <p>{words.noneNamed}</p>
      ) : (
        <ScrollTable label={title}>
          <thead>
            <tr>
              <th scope="col">{words.name}</th>
              <th scope="col">{words.nationalId}</th>
              <th scope="col">{words.birthDate}</th>
              <th scope="col">{words.nationality}</th>
              <th scope="col">{words.registryLink}</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => {
              const person = people.find((candidate) => candidate.nationalId === id);
              const asked = requirements.filter((requirement) => requirement.personId === id);
              const linked = !asked.some((requirement) => LINK_DOCUMENTS.includes(requirement.type));
              return (
                <tr key={id}>
                  <td>{person ? <RecordedText text={nameOf(person, language)} /> : words.notInRegistry}</td>
                  <td>
                    <Code value={id} />
                  </td>
                  <td>{person && <Day value={person.birthDate} />}</td>
                  <td>{person && countryName(person.nationality, language)}</td>
                  <td>
                    {linked ? words.linked : words.notLinked}
                    {asked.map((requirement, index) => (
                      <span key={index}>
                        <br />
                        {words.requirement(labels[requirement.type])}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}
    </>
  );
}

/** What the rules still require, each type once with how many. */
function Missing({ missing, language }: { missing: DocumentType[]; language: Language }) {
  const words = useWords(reviewWords);
  const labels = useWords(documentLabels);
  const counts = new Map<DocumentType, number>();
  for (const type of missing) counts.set(type, (counts.get(type) ?? 0) + 1);
  return (
    <>
      <h3>{words.missingTitle}</h3>
      {counts.size === 0 ? (
        <p class="ok">{words.nothingMissing}</p>
      ) : (
        <ul>
          {[...counts].map(([type, count]) => (
            <li key={type}>
              {labels[type]}
              {count > 1 && ` (${words.neededCount(formatNumber(count, language))})`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
