/**
 * @apollo/federation-internals re-exports its modules through getters (TypeScript's `__exportStar`):
 * every `federation_internals_1.<name>` that @apollo/gateway and the query planner read while
 * shaping a response is a call to a keyed getter, ~6% of the gateway's CPU in the 50-family review
 * (docs/benchmarks.md). Its exports never change once it has loaded, so Node's module cache is
 * given a plain copy of them before any of those packages loads it. Imported first by server.ts.
 */
const id = require.resolve("@apollo/federation-internals");
const internals = require(id) as Record<string, unknown>;
require.cache[id]!.exports = Object.fromEntries(Object.getOwnPropertyNames(internals).map((name) => [name, internals[name]]));
