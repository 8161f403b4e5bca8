import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from "@apollo/server";
import { Kind } from "graphql";
import type { Logger } from "../logger";
import { metrics, operationLabel } from "./metrics";

export type RequestOutcome = "ok" | "partial" | "error";

interface Identified extends BaseContext {
  requestId?: string;
}

/** What names a request in the metrics: a value from a set the client cannot grow. */
export type OperationLabel<C extends BaseContext> = (requestContext: GraphQLRequestContext<C>) => string;

/**
 * A subgraph's label: the operation's first root field (`_entities`, `me`), one of its schema's, or
 * "invalid" for a request that did not validate. Operation names are the client's (the gateway
 * passes them on inside its fetches' names): labelled by them, a client choosing a new name per
 * request filled the label set with its own and left real operations as "other".
 */
export function rootFieldLabel<C extends BaseContext>(requestContext: GraphQLRequestContext<C>): string {
  const first = requestContext.operation?.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? operationLabel(first.name.value) : "invalid";
}

/**
 * One JSON log line per GraphQL request (requestId, operationName, durationMs, outcome, error
 * codes), the request counter and latency histogram labelled by `label`, and the request id echoed
 * in the response's x-request-id header. Used by the gateway and by every subgraph.
 */
export function requestObservability<C extends Identified>(log: Logger, label: OperationLabel<C> = rootFieldLabel): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      // The name a client sent for an operation the document may not hold: any length, so only its start is logged.
      let operationName = request.operationName?.slice(0, 100) ?? null;
      return {
        async didResolveOperation(requestContext) {
          operationName = requestContext.operationName ?? operationName;
        },
        async willSendResponse(requestContext) {
          const { response, errors, contextValue } = requestContext;
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const single = response.body.kind === "single" ? response.body.singleResult : null;
          const sent = single?.errors ?? errors ?? [];
          const hasData = single ? single.data !== null && single.data !== undefined : false;
          const outcome: RequestOutcome = sent.length === 0 ? "ok" : hasData ? "partial" : "error";
          const labels = { operation: label(requestContext), outcome };
          metrics.requests.inc(labels);
          metrics.requestDuration.observe(labels, seconds);
          const requestId = contextValue.requestId;
          if (requestId) response.http.headers.set("x-request-id", requestId);
          const codes = [...new Set(sent.map((e) => String(e.extensions?.code ?? "UNKNOWN")))];
          log.info(
            { requestId, operationName, durationMs: Math.round(seconds * 10_000) / 10, outcome, ...(codes.length ? { errorCodes: codes } : {}) },
            "graphql request",
          );
        },
      };
    },
  };
}
