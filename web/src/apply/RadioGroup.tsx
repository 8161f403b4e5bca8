import type { Violation } from "../api/errors";
import { FieldErrors } from "../ui/FieldErrors";

interface RadioGroupProps<Value extends string> {
  id: string;
  legend: string;
  options: Array<{ value: Value; label: string }>;
  value: Value | null;
  onChange(value: Value): void;
  /** The API's violations about the choice, shown under it and tied to the group. */
  violations: Violation[];
}

/** One choice among a few: a fieldset with its legend, one labelled radio per option. */
export function RadioGroup<Value extends string>({ id, legend, options, value, onChange, violations }: RadioGroupProps<Value>) {
  const errorId = violations.length > 0 ? `${id}-errors` : undefined;
  return (
    <fieldset id={id} class={errorId ? "choices invalid" : "choices"} aria-describedby={errorId}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <div class="choice" key={option.value}>
          <input type="radio" id={`${id}-${option.value}`} name={id} value={option.value} checked={value === option.value} aria-invalid={Boolean(errorId)} onChange={() => onChange(option.value)} />
          <label for={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      {errorId && (
        <FieldErrors id={errorId} violations={violations} />
      )}
    </fieldset>
  );
}
