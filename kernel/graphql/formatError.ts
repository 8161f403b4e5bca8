import { BREAK, GraphQLError, Kind, parse, visit, type GraphQLFormattedError, type ValueNode } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { AppError } from "../errors";
import type { Logger } from "../logger";

/** GraphQL's own request errors: bad input in the contract's terms (the original code kept as `reason`). */
const REQUEST_ERRORS = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "OPERATION_RESOLUTION_FAILURE"]);

/** The automatic-persisted-queries protocol: clients react to these codes by resending the query. */
const PROTOCOL_CODES = new Set(["PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED"]);

const CONTRACT_CODES = new Set<string>(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "INVALID_STATE", "CONFLICT", "RATE_LIMITED"]);

/**
 * Where graphql-js says a variable went wrong: `i.kind` of `Variable "$i" got invalid value … at
 * "i.kind"`, `r` of `Variable "$r" of required type "ID!" was not provided.`; else "input". The
 * value in between is the client's, of any size: the path is looked for by the variable's name, so
 * that no pattern scans the value more than once.
 */
function variableField(message: string): string {
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(message)?.[1];
  if (!variable) return "input";
  return new RegExp(` at "(${variable}(?:\\.[_A-Za-z][_0-9A-Za-z]*|\\[\\d+\\])*)"; `).exec(message)?.[1] ?? variable;
}

/** Characters of a refusal's message kept when graphql-js quoted a client's value (or name) into it. */
const MAX_ECHOING_MESSAGE = 300;

/**
 * graphql-js quotes a refused variable's value, an object's keys and an operation's name in full,
 * often twice: a 7 MB string sent as a Boolean came back as 28 MB. A few hundred characters say
 * which it was; the violation names the field.
 */
function shortened(message: string): string {
  return message.length > MAX_ECHOING_MESSAGE ? `${message.slice(0, MAX_ECHOING_MESSAGE)}…` : message;
}

/** Which part of the request body Apollo Server refused (`` `variables` in a POST body should be… ``); else the query. */
function requestField(message: string): string {
  return /^`(variables|extensions|operationName)`/.exec(message)?.[1] ?? "query";
}

/** The path (`from`, `input.address.city`, `ids[1]`) from an argument to the value starting at `position`. */
function pathTo(value: ValueNode, position: number, path: string): string | undefined {
  if (value.loc?.start === position) return path;
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const found = pathTo(field.value, position, `${path}.${field.name.value}`);
      if (found) return found;
    }
  }
  if (value.kind === Kind.LIST) {
    for (const [index, item] of value.values.entries()) {
      const found = pathTo(item, position, `${path}[${index}]`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Which argument a refused literal was written in, found again in the document the error points into; else "input". */
function literalField(error: unknown): string {
  const node = error instanceof GraphQLError ? error.nodes?.[0] : undefined;
  if (!node?.loc) return "input";
  let field = "input";
  visit(parse(node.loc.source), {
    Argument(argument) {
      const found = pathTo(argument.value, node.loc!.start, argument.name.value);
      if (!found) return false;
      field = found;
      return BREAK;
    },
  });
  return field;
}

/** Apollo Server's own refusals that carry no code, only HTTP 400: a persisted query's hash that does not match its text, an unknown protocol version. */
function isUncodedRefusal(error: unknown): boolean {
  const extensions = error instanceof GraphQLError ? error.extensions : undefined;
  return extensions?.code === undefined && (extensions?.http as { status?: number } | undefined)?.status === 400;
}

function isValueError(error: unknown): boolean {
  const original = (error as { originalError?: unknown } | null)?.originalError;
  return original instanceof AppError && original.extensions.code === "BAD_USER_INPUT";
}

/**
 * Every error leaves with one of the contract's codes: the contract's own errors (raised here, or
 * passed on from a subgraph to the gateway) as they are; GraphQL's request errors as
 * BAD_USER_INPUT with a violation; a subgraph that could not answer as INTERNAL_SERVER_ERROR with
 * `subgraphUnavailable` (gateway/src/resilience); a fetch a subgraph refused, and anything
 * unexpected, hidden behind INTERNAL_SERVER_ERROR and logged.
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === "BAD_USER_INPUT" && !formatted.extensions?.violations) {
      // graphql-js coercion errors (a bad variable or scalar): give them the contract's violations.
      const message = shortened(formatted.message);
      const violations = [{ field: variableField(formatted.message), rule: "TYPE", message }];
      return { ...formatted, message, extensions: { ...formatted.extensions, violations } };
    }
    if (code === "GRAPHQL_VALIDATION_FAILED" && isValueError(error)) {
      // A literal our scalars refused (a date like 2024-02-30): a bad value, like a bad variable.
      return { message: formatted.message, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: "BAD_USER_INPUT", violations: [{ field: literalField(error), rule: "TYPE", message: formatted.message }] } };
    }
    if (code === "INTERNAL_SERVER_ERROR" && isUncodedRefusal(error)) {
      const violations = [{ field: "extensions", rule: "BAD_REQUEST", message: formatted.message }];
      return { message: formatted.message, extensions: { code: "BAD_USER_INPUT", reason: "BAD_REQUEST", violations } };
    }
    if (typeof code === "string" && REQUEST_ERRORS.has(code)) {
      const message = shortened(formatted.message);
      const violations = [{ field: requestField(formatted.message), rule: code, message }];
      return { ...formatted, message, extensions: { ...formatted.extensions, code: "BAD_USER_INPUT", reason: code, violations } };
    }
    const subgraphAnswer = formatted.extensions?.response as { status?: unknown } | undefined;
    if (subgraphAnswer !== undefined) {
      // A subgraph refused the gateway's fetch itself (its credential, its document): the gateway's
      // fault, and the subgraph's HTTP answer (its address, its body) is not the client's to see.
      // What a subgraph refuses of the client's own passes on without it (gateway/src/resilience).
      log.error({ status: subgraphAnswer.status, code }, "a subgraph refused the gateway's fetch");
      return { message: "Internal server error.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    if (typeof code === "string" && (CONTRACT_CODES.has(code) || PROTOCOL_CODES.has(code))) return formatted;
    if (code === "INTERNAL_SERVER_ERROR" && formatted.extensions?.subgraphUnavailable === true) return formatted;
    log.error({ err: unwrapResolverError(error) }, "unexpected error");
    return { message: "Internal server error.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}
