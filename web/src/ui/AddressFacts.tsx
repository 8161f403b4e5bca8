import type { AddressFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { addressWords } from "./addressWords";
import { Code } from "./Dates";
import { RecordedText } from "./RecordedText";

/** A Saudi national address, field by field. */
export function AddressFacts({ address }: { address: AddressFragment }) {
  const words = useWords(addressWords);
  return (
    <dl class="facts">
      <dt>{words.buildingNumber}</dt>
      <dd>
        <Code value={address.buildingNumber} />
      </dd>
      <dt>{words.street}</dt>
      <dd>
        <RecordedText text={address.street} />
      </dd>
      <dt>{words.district}</dt>
      <dd>
        <RecordedText text={address.district} />
      </dd>
      <dt>{words.city}</dt>
      <dd>
        <RecordedText text={address.city} />
      </dd>
      <dt>{words.postalCode}</dt>
      <dd>
        <Code value={address.postalCode} />
      </dd>
      <dt>{words.additionalNumber}</dt>
      <dd>
        <Code value={address.additionalNumber} />
      </dd>
      {address.shortAddress && (
        <>
          <dt>{words.shortAddress}</dt>
          <dd>
            <Code value={address.shortAddress} />
          </dd>
        </>
      )}
    </dl>
  );
}
