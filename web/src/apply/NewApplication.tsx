import { useEffect, useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import { CreateApplicationDocument, type OfficeFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { announce } from "../ui/announcer";
import type { ApplyActions } from "./actions";
import { ApplicationForm, type ApplicationChoice } from "./ApplicationForm";
import { ErrorBlock } from "../ui/ErrorBlock";
import { asApiError } from "./errors";
import { newRow } from "./PeopleFieldset";
import { useApplicationSummaryFields } from "./summaryFields";
import { applyWords } from "./words";

interface NewApplicationProps {
  /** The applicant heads a family with an active card: he asks for a replacement or a members update, not a new card. */
  headsActiveCard: boolean;
  /** His register's spouses and children: a members update starts from them (nobody dropped unasked). */
  registerMembers: { spouseIds: string[]; childIds: string[] };
  offices: OfficeFragment[];
  actions: ApplyActions;
  /** Move the keyboard here when shown (after the previous application was cancelled). */
  focus: boolean;
  onCreated(): void;
}

/** The people a form starts with, or one empty row to type into. */
/** The prefix of the new application's input ids, which its error summary links to. */
const FORM_ID = "new";

const startingRows = (ids: string[]) => (ids.length ? ids.map((id) => newRow(id)) : [newRow()]);

/** The form of a new application: kind, people, delivery; createCardApplication on send. */
export function NewApplication({ headsActiveCard, registerMembers, offices, actions, focus, onCreated }: NewApplicationProps) {
  const words = useWords(applyWords);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);

  const create = async (choice: ApplicationChoice) => {
    setBusy(true);
    actions.setError(null);
    try {
      await request(CreateApplicationDocument, {
        input: {
          kind: choice.kind,
          spouseIds: choice.spouseIds,
          childIds: choice.childIds,
          deliveryMethod: choice.deliveryMethod,
          pickupOfficeId: choice.pickupOfficeId,
          ...(choice.kind === "REPLACEMENT_LOST" ? { lossDeclaration: choice.lossDeclaration } : {}),
        },
      });
      announce(words.created);
      onCreated();
    } catch (failure) {
      const error = asApiError(failure);
      actions.setError(error);
      // Another tab opened an application meanwhile: show it.
      if (error.code === "CONFLICT") void actions.reload();
    } finally {
      setBusy(false);
    }
  };

  const summaryFields = useApplicationSummaryFields(actions.error, FORM_ID);
  return (
    <section class="card" aria-labelledby="new-application-title">
      <h2 id="new-application-title" tabIndex={-1} ref={heading}>
        {words.newTitle}
      </h2>
      <p>{words.newIntro}</p>
      <ErrorBlock error={actions.error} fields={summaryFields} />
      <ApplicationForm
        id={FORM_ID}
        initial={{
          kind: headsActiveCard ? "MEMBERS_UPDATE" : "NEW_CARD",
          spouses: startingRows(headsActiveCard ? registerMembers.spouseIds : []),
          children: startingRows(headsActiveCard ? registerMembers.childIds : []),
          deliveryMethod: null,
          pickupOfficeId: "",
          lossDeclaration: false,
        }}
        chooseKind
        offices={offices}
        error={actions.error}
        busy={busy}
        submitLabel={words.create}
        busyLabel={words.creating}
        onSubmit={(choice) => void create(choice)}
      />
    </section>
  );
}
