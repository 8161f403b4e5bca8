// First: tracing (when configured) must start before the service loads node:http.
import "../../kernel/observability/register";
import { runProcess } from "../../kernel/process";
import { startGateway } from "./server";

runProcess("gateway", () => startGateway());
