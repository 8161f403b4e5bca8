import type { Violation } from "../api/errors";

/**
 * The problems about one input (or one part of a form), under it; `id` ties them to it for screen
 * readers. Each is marked with the language it is worded in: after a language switch it may be
 * the other one (useApiError).
 */
export function FieldErrors({ id, violations, block = false }: { id: string; violations: Violation[]; block?: boolean }) {
  return (
    <ul class={block ? "field-errors block" : "field-errors"} id={id}>
      {violations.map((violation, index) => (
        <li key={index} lang={violation.language} dir="auto">
          {violation.message}
        </li>
      ))}
    </ul>
  );
}
