import { Writable } from "node:stream";
import { createLogger } from "../../kernel/logger";

/** A logger at info level whose lines are kept, one JSON line each, for a test to read. */
export function capturingLogger(service = "test"): { log: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = "info";
  try {
    return { log: createLogger(service, destination), lines };
  } finally {
    if (level === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = level;
  }
}
