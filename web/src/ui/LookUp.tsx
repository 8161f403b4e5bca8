import { useRef, useState } from "preact/hooks";
import type { Violation } from "../api/errors";
import { useWords } from "../i18n/catalogue";
import { latinDigits } from "../i18n/format";
import { hrefOf, type Screen } from "../router";
import { announce } from "./announcer";
import { Field } from "./Field";
import { commonWords } from "./words";

interface LookUpProps {
  id: string;
  /** What to type, e.g. "البحث برقم التتبع". */
  label: string;
  /** The screen that opens one item by its number (`#/<screen>/<number>`). */
  screen: Screen;
  /** The number's shape (Western digits, upper case), checked before anything is opened or a purpose asked for. */
  shape: RegExp;
  /** What to say when the typed number has another shape. */
  shapeMessage: string;
}

/**
 * Opens one item by its number, whether or not it is on the list's page (a family far down the
 * list, a shipment delivered and gone from the queue): the screen's own route does the reading.
 * The search landmark takes no name of its own, so that the input is the one thing its label names.
 */
export function LookUp({ id, label, screen, shape, shapeMessage }: LookUpProps) {
  const words = useWords(commonWords);
  const [value, setValue] = useState("");
  const [problems, setProblems] = useState<Violation[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const number = latinDigits(value).replace(/\s+/g, "").toUpperCase();
    const problem = !number ? words.lookUpEmpty : shape.test(number) ? null : shapeMessage;
    setProblems(problem ? [{ field: id, rule: "CLIENT", message: problem }] : []);
    if (problem) {
      announce(problem);
      input.current?.focus();
      return;
    }
    location.hash = hrefOf(screen, number);
  };
  return (
    <form class="look-up" role="search" noValidate onSubmit={submit}>
      <Field id={id} label={label} violations={problems}>
        {(described) => (
          <input {...described} ref={input} type="text" dir="ltr" autoComplete="off" value={value} onInput={(event) => setValue(event.currentTarget.value)} />
        )}
      </Field>
      <button type="submit">{words.find}</button>
    </form>
  );
}
