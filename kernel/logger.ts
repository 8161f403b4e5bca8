import pino from "pino";

export type Logger = pino.Logger;

/**
 * JSON logs (to standard output, or `destination`); secrets and SQL parameters are redacted wherever
 * they appear in a logged object.
 */
export function createLogger(service: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    base: { service },
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        "*.authorization",
        "*.password",
        "*.accessToken",
        "*.token",
        "*.headers.authorization",
        "*.headers.cookie",
        "*.variables.password",
        // A failed SQL statement carries its parameters (national IDs, addresses) and the row in its detail
        // (`params` is where the embedded database's driver puts them).
        "err.parameters",
        "err.params",
        "err.detail",
        "err.driverError.detail",
        "err.driverError.parameters",
        "err.driverError.params",
      ],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
