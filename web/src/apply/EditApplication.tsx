import { useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import { UpdateApplicationDocument, type ApplicationDetailsFragment, type OfficeFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { announce } from "../ui/announcer";
import type { ApplyActions, UnsavedEdits } from "./actions";
import { ApplicationForm, type ApplicationChoice } from "./ApplicationForm";
import { asApiError } from "./errors";
import { rowsOf } from "./PeopleFieldset";
import { applyWords } from "./words";

interface EditApplicationProps {
  application: ApplicationDetailsFragment;
  offices: OfficeFragment[];
  actions: ApplyActions;
  /** Start the form again from the application as stored (after a save or a conflict). */
  onReset(): void;
  /** Set to what saves the edits not saved yet (true when there were none or they were saved): the submission runs it first. */
  saveUnsaved: UnsavedEdits;
}

/** The prefix of the edit form's input ids, which the application's error summary links to. */
export const EDIT_FORM_ID = "edit";

/** The editable parts of a draft (or one sent back for correction), saved against its version. */
export function EditApplication({ application, offices, actions, onReset, saveUnsaved }: EditApplicationProps) {
  const words = useWords(applyWords);
  const [busy, setBusy] = useState(false);
  const unsaved = useRef<ApplicationChoice | null>(null);
  saveUnsaved.current = async () => (unsaved.current ? save(unsaved.current) : true);

  const save = async (choice: ApplicationChoice): Promise<boolean> => {
    setBusy(true);
    actions.setError(null);
    try {
      await request(UpdateApplicationDocument, {
        id: application.id,
        expectedVersion: application.version,
        input: {
          spouseIds: choice.spouseIds,
          childIds: choice.childIds,
          deliveryMethod: choice.deliveryMethod,
          pickupOfficeId: choice.pickupOfficeId,
          // The API does not say whether the loss was declared before: only a declaration is sent, never a withdrawal.
          ...(choice.lossDeclaration ? { lossDeclaration: true } : {}),
        },
      });
      unsaved.current = null;
      announce(words.saved);
      await actions.reload();
      onReset();
      return true;
    } catch (failure) {
      const error = asApiError(failure);
      actions.setError(error);
      if (error.code === "CONFLICT" || error.code === "INVALID_STATE") {
        // Someone (another tab, an officer) moved the application on: show it as it is now.
        announce(words.reloaded);
        await actions.reload();
        onReset();
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>{words.editTitle}</h3>
      <ApplicationForm
        id={EDIT_FORM_ID}
        initial={{
          kind: application.kind,
          spouses: rowsOf(application.requestedSpouseIds),
          children: rowsOf(application.requestedChildIds),
          deliveryMethod: application.deliveryMethod,
          pickupOfficeId: application.pickupOffice?.id ?? "",
          lossDeclaration: false,
        }}
        chooseKind={false}
        offices={offices}
        error={actions.error}
        busy={busy}
        submitLabel={words.save}
        busyLabel={words.saving}
        onSubmit={(choice) => void save(choice)}
        onEdited={(choice) => (unsaved.current = choice)}
      />
    </>
  );
}
