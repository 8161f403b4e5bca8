/**
 * Imported first by each service's main.ts: starts OpenTelemetry tracing (when configured)
 * before the service loads node:http and the rest, so the HTTP instrumentation sees them.
 */
import { serviceNameOf, startTracing } from "./tracing";

startTracing(serviceNameOf(require.main?.filename));
