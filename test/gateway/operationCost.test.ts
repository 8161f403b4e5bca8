import { buildSchema, Kind, parse, type OperationDefinitionNode } from "graphql";
import { exceededLimits, measureOperation, type OperationLimits } from "../../gateway/src/security/limits";

/**
 * The gateway's static measure of an operation (gateway/src/security/limits.ts) on its own, against
 * a small schema written here: cost (lists multiplied by first/last/limit, a list argument's
 * length or the default size), aliases and root fields, fragments included. test/gateway/limits.test.ts
 * checks the refusals through a running gateway.
 */
const schema = buildSchema(/* GraphQL */ `
  type Query {
    office(id: ID!): Office
    offices: [Office!]!
    search(limit: Int): [Person!]!
    reviews(ids: [ID!]!): [Person!]!
    cases(first: Int, last: Int): CaseConnection!
    node(id: ID!): Node
  }

  type Mutation {
    register(names: [String!]!): [Person!]!
    apply(input: Draft!): Person
  }

  input Draft {
    childIds: [ID!]
    address: Address
  }

  input Address {
    lines: [String!]
  }

  interface Node {
    id: ID!
  }

  type Office implements Node {
    id: ID!
    name: String
    staff: [Person!]!
  }

  type Person implements Node {
    id: ID!
    name: String
    family: Family
  }

  type Family {
    members: [Person!]!
  }

  type CaseConnection {
    totalCount: Int!
    edges: [CaseEdge!]!
    nodes: [Case!]!
  }

  type CaseEdge {
    node: Case!
  }

  type Case {
    id: ID!
    history: [String!]!
  }
`);

function measure(query: string, variables: Record<string, unknown> = {}, defaultListSize = 10) {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(schema, document, operation, variables, defaultListSize);
}
const cost = (query: string, variables: Record<string, unknown> = {}, defaultListSize = 10) => measure(query, variables, defaultListSize).cost;

describe("the cost measure", () => {
  it("counts every field 1 plus its selections, introspection fields not at all", () => {
    expect(measure(`{ __typename office(id: "1") { __typename id name } }`)).toEqual({ cost: 3, aliases: 0, rootFields: 1 });
    expect(measure(`{ __schema { types { name } } }`)).toEqual({ cost: 0, aliases: 0, rootFields: 0 });
  });

  it("multiplies a list without a size by the default list size, nested lists by each other", () => {
    expect(cost(`{ offices { id } }`)).toBe((1 + 1) * 10);
    expect(cost(`{ offices { id } }`, {}, 3)).toBe((1 + 1) * 3);
    expect(cost(`{ offices { id staff { id name } } }`)).toBe((1 + 1 + (1 + 2) * 10) * 10);
  });

  it("sizes a list by its first, last or limit argument, written or given as a variable", () => {
    expect(cost(`{ search(limit: 3) { id } }`)).toBe((1 + 1) * 3);
    expect(cost(`query($n: Int) { search(limit: $n) { id } }`, { n: 7 })).toBe((1 + 1) * 7);
    // A variable not given: the default size.
    expect(cost(`query($n: Int) { search(limit: $n) { id } }`)).toBe((1 + 1) * 10);
    expect(cost(`{ search(limit: 400) { id family { members { id } } } }`)).toBe((1 + 1 + (1 + (1 + 1) * 10)) * 400);
  });

  it("takes a size beyond what any subgraph returns at that largest size (a list 500, a connection's page 100): the subgraph names the argument out of range", () => {
    expect(cost(`{ search(limit: 1000000) { id } }`)).toBe((1 + 1) * 500);
    expect(cost(`query($n: Int) { cases(first: $n) { edges { node { id } } } }`, { n: 2147483647 })).toBe(1 + (1 + 2) * 100);
  });

  it("sizes a connection's edges and nodes by the connection's first or last", () => {
    // cases is one object; its edges (and nodes) are the list that `first` sizes. history has no size: 10.
    const node = 1 + 1 + (1 + 0) * 10; // node { id history }
    expect(cost(`{ cases(first: 5) { totalCount edges { node { id history } } } }`)).toBe(1 + 1 + (1 + node) * 5);
    expect(cost(`{ cases(last: 2) { nodes { id } } }`)).toBe(1 + (1 + 1) * 2);
    expect(cost(`query($n: Int) { cases(first: $n) { edges { node { id } } } }`, { n: 80 })).toBe(1 + (1 + 2) * 80);
    // Without first or last, the default size.
    expect(cost(`{ cases { nodes { id } } }`)).toBe(1 + (1 + 1) * 10);
  });

  it("sizes a list by the length of its longest list argument, and counts each item of the argument 1", () => {
    expect(cost(`{ reviews(ids: ["a", "b", "c"]) { id } }`)).toBe((1 + 1) * 3 + 3);
    const ids = Array.from({ length: 100 }, (_, i) => String(i));
    expect(cost(`query($ids: [ID!]!) { reviews(ids: $ids) { id } }`, { ids })).toBe((1 + 1) * 100 + 100);
    expect(cost(`{ reviews(ids: []) { id } }`)).toBe(0);
    expect(cost(`mutation { register(names: ["a", "b"]) { id } }`)).toBe((1 + 1) * 2 + 2);
  });

  it("counts each item of a list inside an input object 1, written or given as a variable: a field returning one object does not carry a million IDs for free", () => {
    expect(cost(`mutation { apply(input: { childIds: ["a", "b"], address: { lines: ["x"] } }) { id } }`)).toBe(1 + 1 + 3);
    const childIds = Array.from({ length: 300_000 }, (_, i) => String(i));
    expect(cost(`mutation($draft: Draft!) { apply(input: $draft) { id } }`, { draft: { childIds, address: { lines: ["x", "y"] } } })).toBe(1 + 1 + 300_002);
    expect(cost(`mutation($ids: [ID!]) { apply(input: { childIds: $ids }) { id } }`, { ids: ["a", "b", "c"] })).toBe(1 + 1 + 3);
    // Nested 20,000 deep (variables are measured before they are type-checked): counted, not a stack overflow.
    let deep: unknown = ["x"];
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(cost(`mutation($ids: [ID!]) { apply(input: { childIds: $ids }) { id } }`, { ids: deep })).toBe(1 + 1 + 20_001);
  });

  it("counts a fragment's cost, fields and aliases at every spread, in the size of the list it is spread into", () => {
    const offices = (1 + 1) * 10; // offices { id }
    expect(measure(`{ ...A ...A } fragment A on Query { offices { id } }`)).toEqual({ cost: 2 * offices, aliases: 0, rootFields: 2 });
    expect(measure(`{ ... on Query { offices { id } } }`)).toEqual({ cost: offices, aliases: 0, rootFields: 1 });
    // One fragment spread in two connections of different sizes: each spread costs its own.
    const spread = `{ a: cases(first: 3) { ...C } b: cases(first: 4) { ...C } } fragment C on CaseConnection { edges { n: node { id } } }`;
    expect(measure(spread)).toEqual({ cost: 1 + (1 + 2) * 3 + (1 + (1 + 2) * 4), aliases: 2 + 2, rootFields: 2 });
  });

  it("measures fragments spread over and over once each: the measure stays cheap, the cost does not", () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, …: 2^40 spreads of F40 in all, which a measure
    // that walked every spread would never finish.
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(" ");
    expect(measure(`{ ...F0 } ${fragments} fragment F40 on Query { offices { id } }`)).toEqual({ cost: 2 ** 40 * 20, aliases: 0, rootFields: 2 ** 40 });
  });

  it("does not loop on fragments that spread each other (validation refuses them; the measure must still end)", () => {
    expect(measure(`{ ...A } fragment A on Query { offices { id } ...B } fragment B on Query { ...A }`).cost).toBe(20);
  });

  it("counts aliases wherever they are, and root fields however they are written", () => {
    expect(measure(`{ a: offices { x: id y: id } b: office(id: "1") { id } }`)).toMatchObject({ aliases: 4, rootFields: 2 });
    expect(measure(`{ office(id: "1") { id } ...R ... on Query { node(id: "1") { id } } } fragment R on Query { o: offices { id } }`)).toMatchObject({ aliases: 1, rootFields: 3 });
  });
});

describe("the limits an operation exceeds", () => {
  const limits: OperationLimits = { maxCost: 5000, maxAliases: 60, maxRootFields: 60, defaultListSize: 10 };

  it("allows an operation at every limit and lists each limit exceeded, in order, with its figures", () => {
    expect(exceededLimits({ cost: 5000, aliases: 60, rootFields: 60 }, limits)).toEqual([]);
    expect(exceededLimits({ cost: 5001, aliases: 61, rootFields: 61 }, limits)).toEqual([
      { rule: "MAX_COST", actual: 5001, max: 5000 },
      { rule: "MAX_ALIASES", actual: 61, max: 60 },
      { rule: "MAX_ROOT_FIELDS", actual: 61, max: 60 },
    ]);
    expect(exceededLimits(measure(`{ search(limit: 2000) { id family { members { id } } } }`), limits).map((exceeded) => exceeded.rule)).toEqual(["MAX_COST"]);
  });
});
