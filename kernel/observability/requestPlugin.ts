import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Logger } from "../logger";
import { metrics, operationLabel } from "./metrics";

export type RequestOutcome = "ok" | "partial" | "error";

interface Identified extends BaseContext {
  requestId?: string;
}

/**
 * One JSON log line per GraphQL request (requestId, operationName, durationMs, outcome, error
 * codes), the request counter and latency histogram, and the request id echoed in the response's
 * x-request-id header. Used by the gateway and by every subgraph.
 */
export function requestObservability<C extends Identified>(log: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      let operationName = request.operationName ?? null;
      return {
        async didResolveOperation(requestContext) {
          operationName = requestContext.operationName ?? operationName;
        },
        async willSendResponse({ response, errors, contextValue }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const single = response.body.kind === "single" ? response.body.singleResult : null;
          const sent = single?.errors ?? errors ?? [];
          const hasData = single ? single.data !== null && single.data !== undefined : false;
          const outcome: RequestOutcome = sent.length === 0 ? "ok" : hasData ? "partial" : "error";
          const labels = { operation: operationLabel(operationName), outcome };
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
