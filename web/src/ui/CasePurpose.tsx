import { useEffect, useRef, useState } from "preact/hooks";
import type { Violation } from "../api/errors";
import { useWords } from "../i18n/catalogue";
import { purposeViolations, recentPurposes } from "./purpose";
import { Field } from "./Field";
import { commonWords } from "./words";

/** A screen's words for the purpose question (the case it is about is the screen's: a shipment, a family). */
export interface CasePurposeWords {
  purposeTitle: string;
  purpose: string;
  purposeHint: string;
  purposeRequired: string;
  purposeTooShort: string;
  purposeTooLong: string;
  openCase: string;
}

interface CasePurposeProps {
  /** The input's id, unique on the page (several screens and cases use this form). */
  id: string;
  officerId: string;
  words: CasePurposeWords;
  /** What he stated for this case before, when he changes it. */
  initial?: string;
  /** The heading's level where the form sits. */
  level?: 2 | 3;
  /** Takes the keyboard when shown (a case opened in place, or its purpose changed). */
  focus?: boolean;
  onOpen(purpose: string): void;
}

/**
 * Before a case (a shipment, a family) is read: why the officer opens it (README "Purpose"), sent
 * as x-access-purpose with every request about the case. Asked for every case he opens, his last
 * five purposes offered to pick from (ui/purpose.ts keeps them per officer) as buttons that fill
 * the field: a list attached to the input would make it a combobox from the second case on, where
 * it is a text box on the first.
 */
export function CasePurpose({ id, officerId, words, initial = "", level = 2, focus = false, onOpen }: CasePurposeProps) {
  const common = useWords(commonWords);
  const [purpose, setPurpose] = useState(initial);
  const [violations, setViolations] = useState<Violation[]>([]);
  const recent = recentPurposes(officerId);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus || initial) input.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = (event: Event) => {
    event.preventDefault();
    const problems = purposeViolations(purpose, words);
    setViolations(problems);
    if (problems.length > 0) {
      input.current?.focus();
      return;
    }
    onOpen(purpose.trim());
  };

  const Heading = level === 2 ? "h2" : "h3";
  const recentId = `${id}-recent`;
  return (
    <section class="purpose-form">
      <Heading id={`${id}-title`}>{words.purposeTitle}</Heading>
      <form noValidate onSubmit={submit}>
        <Field id={id} label={words.purpose} hint={words.purposeHint} violations={violations}>
          {(described) => (
            <input
              {...described}
              ref={input}
              type="text"
              required
              aria-required="true"
              autoComplete="off"
              value={purpose}
              onInput={(event) => setPurpose(event.currentTarget.value)}
            />
          )}
        </Field>
        {recent.length > 0 && (
          <div class="recent-purposes" role="group" aria-labelledby={recentId}>
            <p class="hint" id={recentId}>
              {common.recentPurposes}
            </p>
            <ul>
              {recent.map((item) => (
                <li key={item}>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => {
                      setPurpose(item);
                      input.current?.focus();
                    }}
                  >
                    {item}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" class="primary">
          {words.openCase}
        </button>
      </form>
    </section>
  );
}
