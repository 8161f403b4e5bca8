import "reflect-metadata";
import { runSubgraphProcess } from "../../../kernel/subgraph";
import { labor } from "./definition";

runSubgraphProcess(labor);
