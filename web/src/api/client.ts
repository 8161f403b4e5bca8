import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { Language } from "../i18n/language";
import { ApiError, type ApiErrorPayload } from "./errors";

/**
 * The app's GraphQL client: one POST per operation to the gateway's public endpoint, carrying only
 * the operation's sha256 (the gateway knows the text from the persisted-operations manifest built
 * from the same documents). The bundle holds no query text, so it can send nothing else.
 */

/** Where the client finds the caller's token and language; set once by the app (session, i18n). */
export interface RequestIdentity {
  token(): string | null;
  language(): Language;
  /** Told when the gateway answers UNAUTHENTICATED: the token expired or was revoked. */
  onUnauthenticated(): void;
}

let identity: RequestIdentity = { token: () => null, language: () => "ar", onUnauthenticated: () => undefined };

export function setRequestIdentity(next: RequestIdentity): void {
  identity = next;
}

interface PersistedDocument {
  __meta__?: { hash?: string };
}

function hashOf(document: unknown): string {
  const hash = (document as PersistedDocument).__meta__?.hash;
  if (!hash) throw new Error("An operation without a persisted hash: run npm run web:codegen");
  return hash.slice(hash.indexOf(":") + 1);
}

export interface RequestOptions {
  /** Extra headers, e.g. an officer's x-access-purpose. */
  headers?: Record<string, string>;
}

export interface Answer<Result> {
  /** What was answered; with errors beside it when one agency could not answer its part. */
  data: Result;
  errors: ApiError[];
}

/**
 * Runs one operation and keeps a partial answer: the unified record still shows what the agencies
 * that answered hold when one of them is down. Rejects when nothing came back.
 */
export async function requestPartial<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  options: RequestOptions = {},
): Promise<Answer<Result>> {
  const token = identity.token();
  const language = identity.language();
  const headers: Record<string, string> = { "content-type": "application/json", "accept-language": language, ...options.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(document) } } }),
    });
  } catch {
    throw ApiError.offline();
  }
  let payload: { data?: Result | null; errors?: ApiErrorPayload[] };
  try {
    payload = await response.json();
  } catch {
    throw ApiError.unexpected(response.status);
  }
  const errors = (payload.errors ?? []).map((error) => ApiError.from(error, language));
  if (errors.some((error) => error.code === "UNAUTHENTICATED") && token) identity.onUnauthenticated();
  if (!payload.data) throw errors[0] ?? ApiError.unexpected(response.status);
  return { data: payload.data, errors };
}

/** Runs one operation; resolves with its data or rejects with the first ApiError (the API's own code and words). */
export async function request<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  options: RequestOptions = {},
): Promise<Result> {
  const answer = await requestPartial(document, variables, options);
  if (answer.errors[0]) throw answer.errors[0];
  return answer.data;
}
