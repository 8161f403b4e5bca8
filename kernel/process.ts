import { shutdownTracing } from "./observability/tracing";

/**
 * A service started by scripts/stack.ts (`npm start`, tests) is told its starter's PID in
 * EXIT_WITH_PARENT: once that process is gone (killed -9, or a test that gave up waiting), nobody
 * will stop it, so it stops itself, as on SIGTERM. The PID comes from the starter, not from this
 * process's first look at its parent: a starter killed while this one was still loading left it
 * reparented already, and it never stopped. Containers start services directly, without it.
 */
function exitWithParent(): void {
  const parent = Number(process.env.EXIT_WITH_PARENT);
  if (!Number.isInteger(parent) || parent <= 1) return;
  const check = () => {
    if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
  };
  check();
  setInterval(check, 1000).unref();
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
