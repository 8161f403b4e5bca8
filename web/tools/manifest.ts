import fs from "node:fs";
import { parse, type OperationDefinitionNode } from "graphql";
import { APOLLO_MANIFEST_FORMAT, sha256 } from "../../gateway/src/security/persistedOperations";
import { PERSISTED_DOCUMENTS } from "./paths";

export interface ManifestOperation {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

/**
 * The web app's operations as Apollo's persisted-query manifest (the format the gateway and Apollo
 * Router load), from the list GraphQL Code Generator writes: the app sends each one's id only.
 */
export function webManifest(documents: Record<string, string> = JSON.parse(fs.readFileSync(PERSISTED_DOCUMENTS, "utf8"))) {
  const operations: ManifestOperation[] = Object.entries(documents).map(([key, body]) => {
    const id = key.slice(key.indexOf(":") + 1);
    if (sha256(body) !== id) throw new Error(`${PERSISTED_DOCUMENTS}: ${key} is not the sha256 of its text; run npm run web:codegen`);
    const operation = parse(body).definitions.find((definition): definition is OperationDefinitionNode => definition.kind === "OperationDefinition");
    if (!operation?.name) throw new Error(`${PERSISTED_DOCUMENTS}: ${key} has no named operation`);
    return { id, name: operation.name.value, type: operation.operation, body };
  });
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { format: APOLLO_MANIFEST_FORMAT, version: 1, operations };
}
