import { useEffect, useRef, useState } from "preact/hooks";
import type { ApplicationDetailsFragment, OfficeFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { ApplicationFacts } from "../ui/ApplicationFacts";
import { History } from "../ui/History";
import type { ApplyActions, UnsavedEdits } from "./actions";
import { CancelApplication } from "./CancelApplication";
import { DocumentsPanel } from "./DocumentsPanel";
import { EDIT_FORM_ID, EditApplication } from "./EditApplication";
import { ErrorBlock } from "../ui/ErrorBlock";
import { CANCELLABLE_STATUSES, deliveryLabels, EDITABLE_STATUSES } from "./labels";
import { NamedMembers } from "./NamedMembers";
import { SubmitApplication } from "./SubmitApplication";
import { useApplicationSummaryFields } from "./summaryFields";
import { applyWords } from "./words";

interface ApplicationViewProps {
  application: ApplicationDetailsFragment;
  applicantId: string | null;
  offices: OfficeFragment[];
  actions: ApplyActions;
  /** Move the keyboard here when shown (just created). */
  focus: boolean;
  onCancelled(): void;
}

/** The application in progress: its facts, the edit form and documents while editable, submit, cancel, history. */
export function ApplicationView({ application, applicantId, offices, actions, focus, onCancelled }: ApplicationViewProps) {
  const words = useWords(applyWords);
  const methods = useWords(deliveryLabels);
  const heading = useRef<HTMLHeadingElement>(null);
  // Bumped to start the edit form again from the stored application (after a save or a conflict).
  const [formGeneration, setFormGeneration] = useState(0);
  // What saves the edit form's unsaved edits: submitting saves them first.
  const saveUnsaved = useRef<UnsavedEdits["current"]>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const editable = EDITABLE_STATUSES.includes(application.status);
  const summaryFields = useApplicationSummaryFields(actions.error, editable ? EDIT_FORM_ID : null);
  // The form starts again from what was stored: the keyboard, on its save button, goes to the application's heading, above what the save changed.
  const startFormAgain = () => {
    setFormGeneration((value) => value + 1);
    heading.current?.focus();
  };
  return (
    <section class="card application-view" aria-labelledby="application-title">
      <h2 id="application-title" tabIndex={-1} ref={heading}>
        {words.currentTitle}
      </h2>
      <ErrorBlock error={actions.error} fields={summaryFields} />
      <ApplicationFacts application={application} words={words} methods={methods} addressInline />
      {application.status === "NEEDS_CORRECTION" && application.correctionNotes && (
        <div class="notice">
          <p>
            <strong>{words.correctionNotes}</strong>
          </p>
          <p>{application.correctionNotes}</p>
        </div>
      )}
      <NamedMembers application={application} />
      {editable && <EditApplication key={formGeneration} application={application} offices={offices} actions={actions} onReset={startFormAgain} saveUnsaved={saveUnsaved} />}
      <DocumentsPanel application={application} editable={editable} refusal={actions.error} onAttached={actions.reload} />
      {editable && <SubmitApplication application={application} actions={actions} saveUnsaved={saveUnsaved} onSubmitted={() => heading.current?.focus()} />}
      {CANCELLABLE_STATUSES.includes(application.status) && <CancelApplication applicationId={application.id} actions={actions} onCancelled={onCancelled} />}
      <h3>{words.historyTitle}</h3>
      <History history={application.history} words={words} viewerId={applicantId} />
    </section>
  );
}
