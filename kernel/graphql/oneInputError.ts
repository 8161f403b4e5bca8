import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

interface Violation {
  field: string;
  rule: string;
  message: string;
}

/** A BAD_USER_INPUT raised before execution (a bad variable or literal): no path, its violations listed. */
function inputViolations(error: GraphQLFormattedError): Violation[] | null {
  const violations = error.extensions?.violations;
  return error.extensions?.code === "BAD_USER_INPUT" && !error.path && Array.isArray(violations) ? (violations as Violation[]) : null;
}

/**
 * graphql-js refuses each bad variable or literal with an error of its own (`from` and `to` of a
 * stats window: two errors). The contract wants one BAD_USER_INPUT listing every problem at once:
 * a response that executed nothing and holds only such errors gets them as one.
 */
export function oneInputErrorPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { errors, data } = response.body.singleResult;
          if (!errors || errors.length < 2 || data !== undefined) return;
          const each = errors.map(inputViolations);
          if (each.some((violations) => violations === null)) return;
          response.body.singleResult.errors = [
            {
              message: errors.map((error) => error.message).join(" "),
              extensions: { code: "BAD_USER_INPUT", violations: each.flat() },
            },
          ];
        },
      };
    },
  };
}
