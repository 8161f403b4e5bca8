import { useEffect, useRef } from "preact/hooks";
import type { ApiError } from "../api/errors";
import { ErrorSummary, type SummaryFields } from "./ErrorSummary";

/**
 * The error summary of a form, focused when a refusal arrives (every action clears the previous
 * one first), so the keyboard starts there; not when fixed problems are struck from it.
 */
export function ErrorBlock({ error, fields }: { error: ApiError | null; fields?: SummaryFields }) {
  const box = useRef<HTMLDivElement>(null);
  const shown = useRef<ApiError | null>(null);
  useEffect(() => {
    if (error && !shown.current) box.current?.focus();
    shown.current = error;
  }, [error]);
  return (
    <div ref={box} tabIndex={-1}>
      <ErrorSummary error={error} fields={fields} />
    </div>
  );
}
