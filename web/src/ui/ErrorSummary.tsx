import type { ApiError, ErrorCode } from "../api/errors";
import { useWords } from "../i18n/catalogue";
import { useSession } from "../session/session";
import { commonWords } from "./words";

/** Answers that asking again cannot change (a refusal, something that is not there, a bad input): no "Try again". */
const FINAL: ErrorCode[] = ["FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT"];

/**
 * What went wrong, in the API's words (it answers in the request's language); read out at once. A
 * screen's "token invalid or expired" is over once the person has signed in again (the sign-in form
 * said why it appeared): it is not shown under the screen kept as he left it.
 */
export function ErrorSummary({ error, onRetry }: { error: ApiError | null; onRetry?: () => void }) {
  const words = useWords(commonWords);
  const { session } = useSession();
  if (!error || (error.code === "UNAUTHENTICATED" && session)) return null;
  const text = error.code === "OFFLINE" ? words.offline : error.code === "UNEXPECTED" || error.code === "INTERNAL_SERVER_ERROR" ? words.unexpected : error.message;
  return (
    <div class="error-summary" role="alert">
      <p>{text}</p>
      {error.violations.length > 0 && (
        <>
          {/* Reasons a family is not eligible are not the person's input to correct. */}
          {!error.violations.every((violation) => violation.rule === "NOT_ELIGIBLE") && <p>{words.problems}</p>}
          <ul>
            {error.violations.map((violation) => (
              <li key={`${violation.field}-${violation.rule}`}>{violation.message}</li>
            ))}
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
