import type { ApiError, ErrorCode, Violation } from "../api/errors";
import { useWords } from "../i18n/catalogue";
import { useLanguage } from "../i18n/language";
import { useSession } from "../session/session";
import { commonWords } from "./words";

/** Answers that asking again cannot change (a refusal, something that is not there, a bad input): no "Try again". */
const FINAL: ErrorCode[] = ["FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT"];

/**
 * A form's inputs as [field, label, input's id] in on-screen order: the summary lists their
 * violations in that order, each under its label and a link to its input (the id of the input, or
 * of the group of inputs, it is about; none where no input can fix it).
 */
export type SummaryFields = ReadonlyArray<readonly [field: string, label: string, inputId?: string]>;

interface SummaryItem {
  violation: Violation;
  label: string | null;
  inputId: string | null;
}

/** The violations in the order of the form's inputs, each with its input's label and id (none for a field the form does not list: those last). */
function inFieldOrder(error: ApiError, fields: SummaryFields | undefined): SummaryItem[] {
  const listed = (fields ?? []).flatMap(([field, label, inputId]) => error.violationsOf(field).map((violation) => ({ violation, label, inputId: inputId ?? null })));
  const seen = new Set<Violation>();
  const unique = listed.filter(({ violation }) => !seen.has(violation) && Boolean(seen.add(violation)));
  return [...unique, ...error.violations.filter((violation) => !seen.has(violation)).map((violation) => ({ violation, label: null, inputId: null }))];
}

/**
 * Gives the keyboard to the input a summary item is about: the element itself when it takes focus,
 * else (a group: the wives, the delivery) its first input marked invalid, or its first input. The
 * link's own "#id" is not followed: the address's hash is the screen's route.
 */
function focusInput(event: Event, inputId: string): void {
  event.preventDefault();
  const target = document.getElementById(inputId);
  const focusable = target?.matches("input, select, textarea, button, [tabindex]") ? target : (target?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? target?.querySelector<HTMLElement>("input, select, textarea"));
  focusable?.focus();
}

/**
 * What went wrong, in the API's words (it answers in the request's language); read out at once. A
 * screen's "token invalid or expired" is over once the person has signed in again (the sign-in form
 * said why it appeared): it is not shown under the screen kept as he left it.
 */
export function ErrorSummary({ error, onRetry, fields }: { error: ApiError | null; onRetry?: () => void; fields?: SummaryFields }) {
  const words = useWords(commonWords);
  const language = useLanguage();
  const { session } = useSession();
  if (!error || (error.code === "UNAUTHENTICATED" && session)) return null;
  const own = error.code === "OFFLINE" || error.code === "UNEXPECTED" || error.code === "INTERNAL_SERVER_ERROR";
  const text = error.code === "OFFLINE" ? words.offline : own ? words.unexpected : error.message;
  // Worded in the other language (the reader switched since): marked so, and said how to have it in this one.
  const other = !own && error.language && error.language !== language ? error.language : undefined;
  return (
    <div class="error-summary" role="alert">
      {other && <p>{words.answeredInOtherLanguage}</p>}
      <p lang={other} dir={other && "auto"}>
        {text}
      </p>
      {error.violations.length > 0 && (
        <>
          {/* Reasons a family is not eligible are not the person's input to correct. */}
          {!error.violations.every((violation) => violation.rule === "NOT_ELIGIBLE") && <p>{words.problems}</p>}
          <ul>
            {inFieldOrder(error, fields).map(({ violation, label, inputId }) => {
              const item = (
                <>
                  {label && `${label}: `}
                  <span lang={other} dir={other && "auto"}>
                    {violation.message}
                  </span>
                </>
              );
              return (
                <li key={`${violation.field}-${violation.rule}`}>
                  {inputId ? (
                    <a href={`#${inputId}`} onClick={(event) => focusInput(event, inputId)}>
                      {item}
                    </a>
                  ) : (
                    item
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {onRetry && !FINAL.includes(error.code) && (
        <button type="button" onClick={onRetry}>
          {words.retry}
        </button>
      )}
    </div>
  );
}
