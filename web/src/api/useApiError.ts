import { useCallback, useRef, useState } from "preact/hooks";
import { useLanguage } from "../i18n/language";
import type { ApiError } from "./errors";

type Next = ApiError | null | ((previous: ApiError | null) => ApiError | null);

/**
 * A refusal a screen shows, said to be in the language it was worded in (the API's answers are, the
 * screen's own words are in the language of the moment they were set). It stays when the reader
 * switches language: the fields stay marked and every problem listed, in the language it came in
 * (marked so, ErrorSummary says how to have it in the new one). Asking again by itself could
 * write what the reader did not send again; reads are simply read again (useQuery).
 */
export function useApiError(): [ApiError | null, (next: Next) => void] {
  const language = useLanguage();
  const current = useRef(language);
  current.current = language;
  const [error, setError] = useState<ApiError | null>(null);
  const set = useCallback(
    (next: Next) =>
      setError((previous) => {
        const error = typeof next === "function" ? next(previous) : next;
        return error && error.wordedIn(current.current);
      }),
    [],
  );
  return [error, set];
}
