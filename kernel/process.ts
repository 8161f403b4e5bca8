import { shutdownTracing } from "./observability/tracing";

/**
 * A service started by scripts/stack.ts (`npm start`, tests) is told EXIT_WITH_PARENT=1: once the
 * process that started it is gone (killed -9, or a test that gave up waiting), nobody will stop it,
 * so it stops itself, as on SIGTERM. Containers start services directly, without it.
 */
function exitWithParent(): void {
  if (process.env.EXIT_WITH_PARENT !== "1") return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
  }, 1000).unref();
}

/** Runs a service as the process's whole life: start it, stop it cleanly on SIGTERM or SIGINT. */
export function runProcess(name: string, start: () => Promise<{ stop(): Promise<void> }>): void {
  exitWithParent();
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
