import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { measureOperation } from "../../gateway/src/security/limits";
import { securitySettings } from "../../gateway/src/security/settings";
import { MAX_ACCESSES } from "../../kernel/graphql/listSizes";
import { ACCESSES_PER_AGENCY, mergeAccesses } from "../../web/src/dataAccess/records";

/**
 * "Who accessed my data" merges the three agencies' records (web/src/dataAccess/records.ts). It
 * asked each for 100: with 116 civil-affairs records the 16 oldest vanished while older labor and
 * delivery records still showed, and the count said 153 as if that were all.
 */
const access = (at: string) => ({ at, accessorNationalId: "1000000909", accessorRoles: [], action: "READ", fields: [], refusedFields: [], outcome: "ANSWERED", operationName: null, purpose: null, requestId: at }) as never;
const minutesAgo = (n: number) => new Date(Date.UTC(2026, 11, 3, 12, 0) - n * 60_000).toISOString();

describe("the merged report of who accessed my data", () => {
  it("keeps every record, newest first, when no agency's answer is full", () => {
    const { accesses, since } = mergeAccesses({ civilAffairs: [access(minutesAgo(1)), access(minutesAgo(30))], labor: [access(minutesAgo(10))], delivery: [] }, 3);
    expect(accesses.map((a) => [a.agency, a.at])).toEqual([
      ["civilAffairs", minutesAgo(1)],
      ["labor", minutesAgo(10)],
      ["civilAffairs", minutesAgo(30)],
    ]);
    expect(since).toBeNull();
  });

  it("stops at the oldest record of an agency whose answer is full, so no older record of another shows while some of its own are missing", () => {
    const civilAffairs = [1, 2, 3].map((n) => access(minutesAgo(n))); // full: it may hold more, older than 3 minutes
    const { accesses, since } = mergeAccesses({ civilAffairs, labor: [access(minutesAgo(2)), access(minutesAgo(60))], delivery: [access(minutesAgo(90))] }, 3);
    expect(accesses.map((a) => a.at)).toEqual([minutesAgo(1), minutesAgo(2), minutesAgo(2), minutesAgo(3)]);
    expect(since).toBe(minutesAgo(3));
  });

  it("asks each agency for as many records as the gateway's cost limits leave room for: five views a minute with the rest of the app", () => {
    const root = path.resolve(__dirname, "../..");
    const schema = buildSchema(fs.readFileSync(path.join(root, "schema/api.graphql"), "utf8"));
    const document = parse(fs.readFileSync(path.join(root, "web/src/dataAccess/dataAccesses.graphql"), "utf8"));
    const operation = document.definitions.find((definition) => definition.kind === "OperationDefinition") as OperationDefinitionNode;
    const cost = (first: number) => measureOperation(schema, document, operation, { first }, Number(securitySettings.LIST_SIZE_DEFAULT.fallback)).cost;
    const limit = Number(securitySettings.MAX_QUERY_COST.fallback);
    // Asking the API's most (500) of each was refused as too costly, and the screen stayed empty.
    expect(cost(MAX_ACCESSES)).toBeGreaterThan(limit);
    expect(cost(ACCESSES_PER_AGENCY)).toBeLessThanOrEqual(limit);
    expect(cost(ACCESSES_PER_AGENCY) * 5).toBeLessThanOrEqual(Number(securitySettings.COST_BUDGET_PER_MINUTE.fallback) * 0.6);
  });
});
