import "reflect-metadata";
import { runSubgraphProcess } from "../../../kernel/subgraph";
import { civilAffairs } from "./definition";

runSubgraphProcess(civilAffairs);
