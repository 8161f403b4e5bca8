import fs from "node:fs";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { compose } from "../scripts/composition";
import { checkContract, formatReport, SHARED_CONTRACT, VENDORED_CONTRACT } from "../scripts/contractCheck";

const shared = fs.existsSync(SHARED_CONTRACT) ? fs.readFileSync(SHARED_CONTRACT, "utf8") : null;
const vendored = fs.readFileSync(VENDORED_CONTRACT, "utf8");

describe("the public API contract", () => {
  // The vendored copy lets the check run without ../shared; a difference means the contract moved.
  (shared === null ? it.skip : it)("vendored schema/contract/api.graphql equals ../shared/contract/api.graphql", () => {
    expect(vendored).toBe(shared);
  });

  it("is fully covered by the composed supergraph's API schema (see `npm run contract:check`)", async () => {
    const { supergraphSdl } = await compose();
    const report = checkContract(shared ?? vendored, supergraphSdl);
    // The whole report as the failure message, every gap at once.
    expect(formatReport(report)).toBe(`Contract: all ${report.total} items covered.`);
  });
});

describe("checkContract", () => {
  const subgraph = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@inaccessible"])
    enum Color { RED GREEN }
    type A @key(fields: "id") { id: ID! n: Int hidden: String @inaccessible }
    union U = A
    type Query { a(id: ID!, extra: Int!): A color: Color u: U }`;
  const contract = `
    enum Color { RED BLUE }
    type A { id: ID! n: String hidden: String }
    type B { x(y: Int): Int }
    union U = A | B
    type Query { a(id: ID!): A color: Color u: U }`;

  it("lists what the API schema lacks or types differently, @inaccessible counting as absent", () => {
    const composed = composeServices([{ name: "s", url: "http://s", typeDefs: parse(subgraph) }]);
    if (!composed.supergraphSdl) throw new Error(String(composed.errors));
    const report = checkContract(contract, composed.supergraphSdl);
    expect(report.gaps.map((g) => `${g.item}: ${g.expected} / ${g.actual}`).sort()).toEqual([
      "A.hidden: String / missing",
      "A.n: String / Int",
      "B: type / missing (with its 2 members)",
      "Color.BLUE: enum value / missing",
      "Query.a(extra:): absent or optional / required Int!",
      "U | B: union member / missing",
    ]);
    expect(report.total).toBe(18);
  });
});
