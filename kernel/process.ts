import { shutdownTracing } from "./observability/tracing";

/** Runs a service as the process's whole life: start it, stop it cleanly on SIGTERM or SIGINT. */
export function runProcess(name: string, start: () => Promise<{ stop(): Promise<void> }>): void {
  start().then(
    (running) => {
      // Stop (no new connections, in-flight requests finish, database closed), flush the traces, exit.
      const shutdown = () =>
        running.stop().then(
          () => shutdownTracing().then(() => process.exit(0)),
          () => shutdownTracing().then(() => process.exit(1)),
        );
      process.once("SIGTERM", shutdown);
      process.once("SIGINT", shutdown);
    },
    (error) => {
      console.error(`${name} failed to start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
