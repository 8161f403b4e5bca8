import { useEffect, useRef, useState } from "preact/hooks";
import { request } from "../api/client";
import type { ApiError } from "../api/errors";
import { useApiError } from "../api/useApiError";
import { UpdateNationalAddressDocument, type AddressFragment, type NationalAddressInput } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { addressWords } from "../ui/addressWords";
import { announce } from "../ui/announcer";
import { Field } from "../ui/Field";
import { ErrorBlock } from "../ui/ErrorBlock";
import { asApiError } from "./errors";
import { applyWords } from "./words";

type AddressField = keyof NationalAddressInput;
/** The national address's inputs in the order the form shows them. */
export const ADDRESS_FIELDS: AddressField[] = ["buildingNumber", "street", "district", "city", "postalCode", "additionalNumber", "shortAddress"];
/** Digits and codes: typed and shown left to right. */
const CODES: AddressField[] = ["buildingNumber", "postalCode", "additionalNumber", "shortAddress"];

/** The inputs' values for an address (empty without one). */
function valuesOf(address: AddressFragment | null): Record<AddressField, string> {
  return Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, address?.[field] ?? ""])) as Record<AddressField, string>;
}

interface AddressFormProps {
  address: AddressFragment | null;
  /** A refused submission's `nationalAddress.*` violations, shown next to these inputs too. */
  refusal: ApiError | null;
  /** The id of a refused submission's "no national address" problem: tied to every field. */
  related?: string;
  onSaved(): Promise<void>;
}

/** updateNationalAddress: every field at once, each refusal next to its input. */
export function AddressForm({ address, refusal, related, onSaved }: AddressFormProps) {
  const words = useWords(applyWords);
  const fields = useWords(addressWords);
  const [values, setValues] = useState(() => valuesOf(address));
  const [error, setError] = useApiError();
  const [busy, setBusy] = useState(false);
  // After a save the keyboard goes to its confirmation (the button was disabled meanwhile, which drops focus); after a refusal, to the error summary.
  const [saved, setSaved] = useState(false);
  const confirmation = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) confirmation.current?.focus();
  }, [saved]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const stored = (await request(UpdateNationalAddressDocument, { input: { ...values, shortAddress: values.shortAddress.trim() || null } })).updateNationalAddress.nationalAddress;
      // The inputs show what was stored, as the API normalised it (Western digits, a capitalised short address).
      if (stored) setValues(valuesOf(stored));
      announce(words.addressSaved);
      await onSaved();
      setSaved(true);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} noValidate>
      <ErrorBlock error={error} fields={ADDRESS_FIELDS.map((field) => [field, fields[field], `address-${field}`] as const)} />
      <div class="grid">
        {ADDRESS_FIELDS.map((field) => (
          <Field
            key={field}
            id={`address-${field}`}
            label={fields[field]}
            hint={field === "shortAddress" ? words.shortAddressHint : undefined}
            related={related}
            violations={[...(error?.violationsOf(field) ?? []), ...(refusal?.violationsOf(`nationalAddress.${field}`) ?? [])]}
          >
            {(described) => (
              <input
                {...described}
                dir={CODES.includes(field) ? "ltr" : undefined}
                inputMode={field === "shortAddress" || !CODES.includes(field) ? undefined : "numeric"}
                autoComplete="off"
                value={values[field]}
                onInput={(event) => {
                  const value = event.currentTarget.value;
                  setValues((previous) => ({ ...previous, [field]: value }));
                  setSaved(false);
                }}
              />
            )}
          </Field>
        ))}
      </div>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? words.saving : words.saveAddress}
      </button>
      {saved && (
        <p class="ok" tabIndex={-1} ref={confirmation}>
          {words.addressSaved}
        </p>
      )}
    </form>
  );
}
