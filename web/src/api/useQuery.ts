import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { useLanguage } from "../i18n/language";
import { requestPartial, type RequestOptions } from "./client";
import { ApiError } from "./errors";

export interface QueryState<Result> {
  data: Result | null;
  /** Errors beside the data: an agency that did not answer its part. */
  partialErrors: ApiError[];
  /** Nothing could be read. */
  error: ApiError | null;
  loading: boolean;
  reload(): Promise<void>;
}

/** Reads once on mount and again when the language changes (the API words reasons and amounts). */
export function useQuery<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables, options?: RequestOptions): QueryState<Result> {
  const language = useLanguage();
  const [state, setState] = useState<Omit<QueryState<Result>, "reload">>({ data: null, partialErrors: [], error: null, loading: true });
  const key = JSON.stringify(variables);
  // Only the latest read may land: an answer to an older one (the language switched back while it
  // was on its way) would show the other language's words.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const read = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const answer = await requestPartial(document, variables, options);
      if (read === latest.current) setState({ data: answer.data, partialErrors: answer.errors, error: null, loading: false });
    } catch (error) {
      if (read === latest.current) setState({ data: null, partialErrors: [], error: error instanceof ApiError ? error : ApiError.unexpected(0), loading: false });
    }
    // The variables are compared by value (key), not by identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, key, language]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}
