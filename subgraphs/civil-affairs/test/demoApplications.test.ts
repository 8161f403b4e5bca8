import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { signIn } from "./people";

const QUEUE = `query($status: ApplicationStatus!) { cardApplications(status: $status, first: 100) { edges { node { id kind missingDocuments } } } }`;

/** The demo history an officer works on after `npm start`. */
describe("the demo's applications", () => {
  let ca: SubgraphHarness;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", tokens: signIn });
  });
  afterAll(() => ca?.stop());

  it("passed submission's rules once past their draft: none misses a document the rules require", async () => {
    const officer = await ca.as({ nationalId: "1000000909", roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const incomplete: Array<{ status: string; kind: string; missingDocuments: string[] }> = [];
    let seen = 0;
    for (const status of ["SUBMITTED", "UNDER_REVIEW", "NEEDS_CORRECTION", "APPROVED"]) {
      const response = await officer(QUEUE, { status });
      expect(response.errors).toBeUndefined();
      for (const { node } of response.data.cardApplications.edges) {
        seen++;
        if (node.missingDocuments.length > 0) incomplete.push({ status, kind: node.kind, missingDocuments: node.missingDocuments });
      }
    }
    expect(seen).toBeGreaterThan(0);
    expect(incomplete).toEqual([]);
  });
});
