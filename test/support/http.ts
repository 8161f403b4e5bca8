import { DEVELOPMENT_GATEWAY_CREDENTIAL, GATEWAY_CREDENTIAL_HEADER } from "../../kernel/auth/gatewayCredential";

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  data: T | null | undefined;
  errors: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }> | undefined;
}

export interface CallOptions {
  token?: string;
  lang?: string;
  headers?: Record<string, string>;
  /** Present the gateway's development credential, as the gateway does (default); false: a caller without it. */
  asGateway?: boolean;
}

/** The header with which the gateway proves itself to a subgraph (kernel/auth/gatewayCredential.ts). */
export const GATEWAY_CREDENTIAL: Record<string, string> = { [GATEWAY_CREDENTIAL_HEADER]: DEVELOPMENT_GATEWAY_CREDENTIAL };

/** The header with which an officer states why they read or change someone's data (kernel/audit). */
export const PURPOSE: Record<string, string> = { "x-access-purpose": "test: case handling" };

/** POSTs a GraphQL operation as a client would. */
export async function graphql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, options: CallOptions = {}): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { "content-type": "application/json", ...(options.asGateway === false ? {} : GATEWAY_CREDENTIAL), ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.lang) headers["accept-language"] = options.lang;
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: GraphQLResponse["errors"] };
  return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
}

/** Any answer's errors: over HTTP (GraphQLResponse) or in this process (graphql's ExecutionResult). */
type Answer = { errors?: ReadonlyArray<{ extensions?: Record<string, any> }> };

/** The error codes of a response, in order. */
export function codes(response: Answer): string[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

/** The violations' rules of the first BAD_USER_INPUT error. */
export function violationRules(response: Answer): string[] {
  const error = response.errors?.find((e) => e.extensions?.code === "BAD_USER_INPUT");
  return (error?.extensions?.violations ?? []).map((v: { rule: string }) => v.rule);
}

/** SQL statements the subgraph ran for this request (its x-sql-statements header). */
export function statements(response: GraphQLResponse): number {
  const value = response.headers.get("x-sql-statements");
  if (value === null) throw new Error("the response has no x-sql-statements header");
  return Number(value);
}
