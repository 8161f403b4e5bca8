import { useState } from "preact/hooks";
import { request } from "../api/client";
import { UpdateApplicationDocument, type ApplicationDetailsFragment, type OfficeFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { announce } from "../ui/announcer";
import type { ApplyActions } from "./actions";
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
}

/** The editable parts of a draft (or one sent back for correction), saved against its version. */
export function EditApplication({ application, offices, actions, onReset }: EditApplicationProps) {
  const words = useWords(applyWords);
  const [busy, setBusy] = useState(false);

  const save = async (choice: ApplicationChoice) => {
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
      announce(words.saved);
      await actions.reload();
      onReset();
    } catch (failure) {
      const error = asApiError(failure);
      actions.setError(error);
      if (error.code === "CONFLICT" || error.code === "INVALID_STATE") {
        // Someone (another tab, an officer) moved the application on: show it as it is now.
        announce(words.reloaded);
        await actions.reload();
        onReset();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>{words.editTitle}</h3>
      <ApplicationForm
        id="edit"
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
      />
    </>
  );
}
