import type { ApiError } from "../api/errors";
import type { AddressFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { AddressFacts } from "../ui/AddressFacts";
import { AddressForm } from "./AddressForm";
import { violationsExactly } from "./errors";
import { applyWords } from "./words";
import { FieldErrors } from "../ui/FieldErrors";

interface AddressSectionProps {
  address: AddressFragment | null;
  refusal: ApiError | null;
  onSaved(): Promise<void>;
}

/** The applicant's national address as recorded, and the form to correct it (Saudi Post delivers there). */
export function AddressSection({ address, refusal, onSaved }: AddressSectionProps) {
  const words = useWords(applyWords);
  const missing = violationsExactly(refusal, "nationalAddress");
  return (
    <section class="card" id="national-address" aria-labelledby="apply-address-title">
      <h2 id="apply-address-title">{words.addressTitle}</h2>
      <p>{words.addressHint}</p>
      {missing.length > 0 && (
        <FieldErrors id="address-missing" violations={missing} block />
      )}
      {address ? (
        <AddressFacts address={address} />
      ) : (
        <p>{words.noAddress}</p>
      )}
      <h3>{words.updateAddress}</h3>
      <AddressForm address={address} refusal={refusal} related={missing.length > 0 ? "address-missing" : undefined} onSaved={onSaved} />
    </section>
  );
}
