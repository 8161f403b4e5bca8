import type { Stack } from "./stack";

/** More deaths than this within a minute and a service is left stopped: it would only die again. */
const MAX_RESTARTS_PER_MINUTE = 3;

/**
 * `npm start` as a process manager would run it: a service that dies (killed, out of memory, a
 * crash) is said so and started again; one that keeps dying is left stopped, said once. The rest
 * of the platform answers meanwhile (the gateway reports the missing agency's fields as
 * unavailable). `stopping` tells a death apart from the platform being stopped.
 */
export function superviseStack(stack: Stack, stopping: () => boolean, say: (line: string) => void = console.error): void {
  const deaths = new Map<string, number[]>();
  const watch = (name: string) => {
    stack.processes.get(name)?.once("exit", (code, signal) => {
      if (stopping()) return;
      const how = signal ?? `exit code ${code}`;
      const recent = (deaths.get(name) ?? []).filter((at) => Date.now() - at < 60_000);
      if (recent.length >= MAX_RESTARTS_PER_MINUTE) {
        say(`[${name}] stopped (${how}) for the ${recent.length + 1}th time within a minute: left stopped; its last log lines are above.`);
        return;
      }
      deaths.set(name, [...recent, Date.now()]);
      say(`[${name}] stopped unexpectedly (${how}); starting it again...`);
      stack.startService(name).then(
        () => {
          say(`[${name}] is running again.`);
          watch(name);
        },
        (error: Error) => say(`[${name}] could not be started again: ${error.message}`),
      );
    });
  };
  for (const name of stack.processes.keys()) watch(name);
}
