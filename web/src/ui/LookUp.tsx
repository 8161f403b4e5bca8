import { useState } from "preact/hooks";
import { useWords } from "../i18n/catalogue";
import { latinDigits } from "../i18n/format";
import { hrefOf, type Screen } from "../router";
import { Field } from "./Field";
import { commonWords } from "./words";

interface LookUpProps {
  id: string;
  /** What to type, e.g. "البحث برقم التتبع". */
  label: string;
  /** The screen that opens one item by its number (`#/<screen>/<number>`). */
  screen: Screen;
}

/**
 * Opens one item by its number, whether or not it is on the list's page (a family far down the
 * list, a shipment delivered and gone from the queue): the screen's own route does the reading.
 */
export function LookUp({ id, label, screen }: LookUpProps) {
  const words = useWords(commonWords);
  const [value, setValue] = useState("");
  const submit = (event: Event) => {
    event.preventDefault();
    const number = latinDigits(value).replace(/\s+/g, "").toUpperCase();
    if (number) location.hash = hrefOf(screen, number);
  };
  return (
    <form class="look-up" role="search" aria-label={label} noValidate onSubmit={submit}>
      <Field id={id} label={label}>
        {(described) => <input {...described} type="text" dir="ltr" autoComplete="off" value={value} onInput={(event) => setValue(event.currentTarget.value)} />}
      </Field>
      <button type="submit">{words.find}</button>
    </form>
  );
}
