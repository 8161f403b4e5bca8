import type { ComponentChildren } from "preact";
import type { Violation } from "../api/errors";

interface FieldProps {
  id: string;
  label: string;
  /** The API's violations for this input, shown under it and tied to it for screen readers. */
  violations?: Violation[];
  hint?: string;
  children: (described: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ComponentChildren;
}

/** A labelled input with its hint and its problems next to it. */
export function Field({ id, label, violations = [], hint, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = violations.length > 0 ? `${id}-errors` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={violations.length > 0 ? "field invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": violations.length > 0, "aria-describedby": describedBy })}
      {errorId && (
        <ul class="field-errors" id={errorId}>
          {violations.map((violation) => (
            <li key={violation.rule}>{violation.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
