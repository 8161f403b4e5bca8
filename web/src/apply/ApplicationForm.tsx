import { useEffect, useState } from "preact/hooks";
import type { ApiError } from "../api/errors";
import type { ApplicationKind, DeliveryMethod, OfficeFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { useLanguage } from "../i18n/language";
import { Field } from "../ui/Field";
import { deliveryLabels, kindLabels, namesMembers } from "./labels";
import { PeopleFieldset, rowsToSend, type PersonRow } from "./PeopleFieldset";
import { RadioGroup } from "./RadioGroup";
import { applyWords } from "./words";
import { FieldErrors } from "../ui/FieldErrors";

/** What the form holds while the person types. */
export interface ApplicationValues {
  kind: ApplicationKind;
  spouses: PersonRow[];
  children: PersonRow[];
  deliveryMethod: DeliveryMethod | null;
  pickupOfficeId: string;
  lossDeclaration: boolean;
}

/** What the form sends: the IDs typed (empty inputs left out) and the choices made. */
export interface ApplicationChoice {
  kind: ApplicationKind;
  spouseIds: string[];
  childIds: string[];
  deliveryMethod: DeliveryMethod | null;
  pickupOfficeId: string | null;
  lossDeclaration: boolean;
}

const KINDS: ApplicationKind[] = ["NEW_CARD", "REPLACEMENT_LOST", "REPLACEMENT_DAMAGED", "MEMBERS_UPDATE"];
const METHODS: DeliveryMethod[] = ["SAUDI_POST", "OFFICE_PICKUP"];

interface ApplicationFormProps {
  /** Prefix of every input's id: the new-application and the edit forms never share one. */
  id: string;
  initial: ApplicationValues;
  /** Only a new application chooses its kind; an existing one keeps it. */
  chooseKind: boolean;
  offices: OfficeFragment[];
  /** The latest refusal: each violation is shown next to the input it names. */
  error: ApiError | null;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit(choice: ApplicationChoice): void;
  /** Told of every edit not yet submitted by this form (the choice it would send). */
  onEdited?(choice: ApplicationChoice): void;
}

/** The choice a form's values send: the IDs typed (empty inputs left out), the pickup office only for a pickup. */
function choiceOf(values: ApplicationValues): ApplicationChoice {
  return {
    kind: values.kind,
    spouseIds: namesMembers(values.kind) ? rowsToSend(values.spouses).ids : [],
    childIds: namesMembers(values.kind) ? rowsToSend(values.children).ids : [],
    deliveryMethod: values.deliveryMethod,
    pickupOfficeId: values.deliveryMethod === "OFFICE_PICKUP" ? values.pickupOfficeId || null : null,
    lossDeclaration: values.kind === "REPLACEMENT_LOST" && values.lossDeclaration,
  };
}

/** The people named, the delivery and, for a lost card, the declaration: creation and editing alike. */
export function ApplicationForm({ id, initial, chooseKind, offices, error, busy, submitLabel, busyLabel, onSubmit, onEdited }: ApplicationFormProps) {
  const words = useWords(applyWords);
  const kinds = useWords(kindLabels);
  const methods = useWords(deliveryLabels);
  const language = useLanguage();
  const [values, setValues] = useState(initial);
  const set = (change: Partial<ApplicationValues>) => setValues((previous) => ({ ...previous, ...change }));
  useEffect(() => {
    if (values !== initial) onEdited?.(choiceOf(values));
  }, [values]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const spouses = rowsToSend(values.spouses);
    const children = rowsToSend(values.children);
    set({ spouses: spouses.rows, children: children.rows });
    onSubmit(choiceOf(values));
  };

  const lossViolations = error?.violationsOf("lossDeclaration") ?? [];
  const lossErrorId = lossViolations.length > 0 ? `${id}-loss-errors` : undefined;
  return (
    <form onSubmit={submit} noValidate>
      {chooseKind && (
        <RadioGroup
          id={`${id}-kind`}
          legend={words.kind}
          options={KINDS.map((kind) => ({ value: kind, label: kinds[kind] }))}
          value={values.kind}
          onChange={(kind) => set({ kind })}
          violations={error?.violationsOf("kind") ?? []}
        />
      )}
      {namesMembers(values.kind) ? (
        <>
          <PeopleFieldset id={`${id}-spouse`} role="spouse" rows={values.spouses} onChange={(spouses) => set({ spouses })} error={error} />
          <PeopleFieldset id={`${id}-child`} role="child" rows={values.children} onChange={(children) => set({ children })} error={error} />
        </>
      ) : (
        // An application's own page says it above its form already (NamedMembers).
        chooseKind && <p class="hint">{words.membersFromRegister}</p>
      )}
      <RadioGroup
        id={`${id}-delivery`}
        legend={words.delivery}
        options={METHODS.map((method) => ({ value: method, label: methods[method] }))}
        value={values.deliveryMethod}
        onChange={(deliveryMethod) => set({ deliveryMethod })}
        violations={error?.violationsOf("deliveryMethod") ?? []}
      />
      {values.deliveryMethod === "OFFICE_PICKUP" && (
        <Field id={`${id}-office`} label={words.office} violations={error?.violationsOf("pickupOfficeId")}>
          {(described) => (
            <select {...described} value={values.pickupOfficeId} onChange={(event) => set({ pickupOfficeId: event.currentTarget.value })}>
              <option value="">{words.chooseOffice}</option>
              {offices.map((office) => (
                <option key={office.id} value={office.id}>
                  {language === "en" ? office.nameEn : office.nameAr}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {values.kind === "REPLACEMENT_LOST" && (
        <div class={lossErrorId ? "field check invalid" : "field check"}>
          <input
            type="checkbox"
            id={`${id}-loss`}
            checked={values.lossDeclaration}
            aria-invalid={Boolean(lossErrorId)}
            aria-describedby={lossErrorId}
            onChange={(event) => set({ lossDeclaration: event.currentTarget.checked })}
          />
          <label for={`${id}-loss`}>{words.lossDeclaration}</label>
          {lossErrorId && (
            <FieldErrors id={lossErrorId} violations={lossViolations} />
          )}
        </div>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
