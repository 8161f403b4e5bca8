import type { ComponentChildren } from "preact";
import type { Violation } from "../api/errors";
import { FieldErrors } from "./FieldErrors";

interface FieldProps {
  id: string;
  label: string;
  /** The API's violations for this input, shown under it and tied to it for screen readers. */
  violations?: Violation[];
  hint?: string;
  /** The id of problems about this input shown elsewhere (a whole section's): tied to it too, and it is invalid. */
  related?: string;
  children: (described: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ComponentChildren;
}

/** A labelled input with its hint and its problems next to it. */
export function Field({ id, label, violations = [], hint, related, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = violations.length > 0 ? `${id}-errors` : undefined;
  const describedBy = [hintId, errorId, related].filter(Boolean).join(" ") || undefined;
  const invalid = violations.length > 0 || related !== undefined;
  return (
    <div class={invalid ? "field invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": invalid, "aria-describedby": describedBy })}
      {errorId && <FieldErrors id={errorId} violations={violations} />}
    </div>
  );
}
