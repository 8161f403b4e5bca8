import pino from "pino";

export type Logger = pino.Logger;

/** JSON logs; secrets and SQL parameters are redacted wherever they appear in a logged object. */
export function createLogger(service: string): Logger {
  return pino({
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
        // A failed SQL statement carries its parameters (national IDs, addresses) and the row in its detail.
        "err.parameters",
        "err.detail",
        "err.driverError.detail",
        "err.driverError.parameters",
      ],
      censor: "[redacted]",
    },
  });
}
