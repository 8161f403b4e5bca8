import "reflect-metadata";
// First: tracing (when configured) must start before the service loads node:http.
import "../../../kernel/observability/register";
import { runSubgraphProcess } from "../../../kernel/subgraph";
import { civilAffairs } from "./definition";

runSubgraphProcess(civilAffairs);
