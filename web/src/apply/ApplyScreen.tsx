import { useEffect, useState } from "preact/hooks";
import { useQuery } from "../api/useQuery";
import { useApiError } from "../api/useApiError";
import { MyApplicationsDocument, type FamilyRelation } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { ErrorSummary } from "../ui/ErrorSummary";
import { commonWords } from "../ui/words";
import type { ApplyActions } from "./actions";
import { AddressSection } from "./AddressSection";
import { ApplicationView } from "./ApplicationView";
import "./apply.css";
import { withoutField } from "./errors";
import { OPEN_STATUSES } from "./labels";
import { NewApplication } from "./NewApplication";
import { PastApplications } from "./PastApplications";
import { applyWords } from "./words";
import { isAdultToday, isRefusedMinor, unansweredParts } from "../ui/adulthood";
import { ScreenHeading } from "../ui/ScreenHeading";

/**
 * Applying for a family card: the application in progress (or the form of a new one), the
 * national address Saudi Post delivers to, and the earlier applications.
 */
export function ApplyScreen() {
  const words = useWords(applyWords);
  const common = useWords(commonWords);
  const { data, error, partialErrors, loading, reload } = useQuery(MyApplicationsDocument, {});
  const [actionError, setActionError] = useApiError();
  // Which section takes the keyboard when it appears: the application just created, or the new form after a cancellation.
  const [focus, setFocus] = useState<"application" | "new" | null>(null);

  const actions: ApplyActions = { error: actionError, setError: setActionError, reload };
  const applications = [...(data?.myCardApplications ?? [])].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const open = applications.find((application) => OPEN_STATUSES.includes(application.status));
  const past = applications.filter((application) => application !== open);
  const me = data?.me ?? null;
  const offices = data?.civilAffairsOffices ?? [];
  const carded = me?.family?.card?.status === "ACTIVE";
  const relation = me?.family?.members.find((member) => member.citizen.nationalId === me.nationalId)?.relation;
  const membersOf = (relations: FamilyRelation[]) =>
    (me?.family?.members ?? []).filter((member) => relations.includes(member.relation)).map((member) => member.citizen.nationalId);
  const nothingMissing = open?.missingDocuments.length === 0;
  useEffect(() => {
    // The documents a refused submission asked for are attached now; what else it said still stands.
    if (nothingMissing) setActionError((previous) => previous && withoutField(previous, "documents"));
  }, [nothingMissing]);

  return (
    <div class="apply">
      <ScreenHeading>
        {words.title}
      </ScreenHeading>
      {loading && !data && <p role="status">{common.loading}</p>}
      <ErrorSummary error={error} onRetry={() => void reload()} />
      {unansweredParts(partialErrors, isRefusedMinor(me)).length > 0 && <p class="notice">{common.partial}</p>}
      {data && (
        <>
          {open ? (
            <ApplicationView
              key={open.id}
              application={open}
              applicantId={me?.nationalId ?? null}
              offices={offices}
              actions={actions}
              focus={focus === "application"}
              onCancelled={() => {
                setFocus("new");
                void reload();
              }}
            />
          ) : me && !me.isSaudi ? (
            <section class="card" aria-labelledby="saudi-only-title">
              <h2 id="saudi-only-title">{words.saudiOnlyTitle}</h2>
              <p>{words.saudiOnly}</p>
            </section>
          ) : me && !isAdultToday(me.birthDate) ? (
            <section class="card" aria-labelledby="minor-title">
              <h2 id="minor-title">{words.minorTitle}</h2>
              <p>{words.minor}</p>
            </section>
          ) : carded && relation === "SPOUSE" ? (
            <section class="card" aria-labelledby="heads-card-title">
              <h2 id="heads-card-title">{words.headsCardTitle}</h2>
              <p>{words.headsCard}</p>
            </section>
          ) : (
            <NewApplication
              headsActiveCard={carded && relation === "HEAD"}
              registerMembers={{ spouseIds: membersOf(["SPOUSE"]), childIds: membersOf(["SON", "DAUGHTER"]) }}
              offices={offices}
              actions={actions}
              focus={focus === "new"}
              onCreated={() => {
                setFocus("application");
                void reload();
              }}
            />
          )}
          <AddressSection
            address={me?.nationalAddress ?? null}
            refusal={actionError}
            onSaved={async () => {
              // The address problems of a refused submission are fixed; the others still stand.
              setActionError((previous) => previous && withoutField(previous, "nationalAddress"));
              await reload();
            }}
          />
          {past.length > 0 && <PastApplications applications={past} applicantId={me?.nationalId ?? null} />}
        </>
      )}
    </div>
  );
}
