import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { useLanguage, type Language } from "../i18n/language";
import type { ApiError } from "./errors";

type Next = ApiError | null | ((previous: ApiError | null) => ApiError | null);

/**
 * A refusal a screen shows, in the words the API answered it with. When the reader switches
 * language it is dropped (not kept for switching back) rather than left in the other one: the
 * next attempt is answered in the new language (reads are simply read again, useQuery). An
 * update from the previous refusal (striking what was fixed) keeps the language it came in.
 */
export function useApiError(): [ApiError | null, (next: Next) => void] {
  const language = useLanguage();
  const current = useRef<Language>(language);
  current.current = language;
  const [held, setHeld] = useState<{ error: ApiError; language: Language } | null>(null);
  const set = useCallback(
    (next: Next) =>
      setHeld((previous) => {
        if (typeof next !== "function") return next && { error: next, language: current.current };
        const error = next(previous?.error ?? null);
        return error && { error, language: previous?.language ?? current.current };
      }),
    [],
  );
  // Gone for good, not hidden: switching back must not bring an old refusal back.
  useEffect(() => setHeld((previous) => (previous && previous.language !== language ? null : previous)), [language]);
  return [held && held.language === language ? held.error : null, set];
}
