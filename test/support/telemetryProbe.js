// Preloaded into a gateway process by test/gateway/telemetry.test.ts: reports on stderr if the
// gateway ever creates @apollo/gateway's exporter of usage metrics to Apollo.
const telemetry = require("@apollo/gateway/dist/utilities/opentelemetry");
const create = telemetry.createDataCollectionExporter;
telemetry.createDataCollectionExporter = (...args) => {
  process.stderr.write("TELEMETRY_EXPORTER_CREATED\n");
  return create(...args);
};
