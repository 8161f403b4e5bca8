import { runProcess } from "../../kernel/process";
import { startGateway } from "./server";

runProcess("gateway", () => startGateway());
