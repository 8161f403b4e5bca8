import "reflect-metadata";
import { runSubgraphProcess } from "../../../kernel/subgraph";
import { delivery } from "./definition";

runSubgraphProcess(delivery);
