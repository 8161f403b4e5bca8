import { buildSchema, execute, Kind, parse, print, validate, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { authorizeOperation, TYPENAME_ALIAS } from "../../gateway/src/security/authorization";
import { authorizationMetadata } from "../../gateway/src/security/directives";
import type { Viewer } from "../../kernel/auth/viewer";

/**
 * `authorizeOperation` (gateway/src/security/authorization.ts) on its own, against a small schema
 * written here: which selections it refuses and why, the filtered operation it hands the planner,
 * and how `complete` puts null back where refused fields were. test/gateway/authorization.test.ts
 * checks the same rules through the real supergraph.
 */
const SDL = /* GraphQL */ `
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM

  type Query {
    offices: [Office!]!
    me: Person @authenticated
    person(id: ID!): Person @requiresScopes(scopes: [["CIVIL_AFFAIRS_OFFICER"], ["ANALYST"]])
    stats: Stats! @requiresScopes(scopes: [["ANALYST"]])
    crossCheck: String @requiresScopes(scopes: [["CIVIL_AFFAIRS_OFFICER", "ANALYST"]])
    ledger: Ledger @requiresScopes(scopes: [["LABOR_OFFICER"]])
    node(id: ID!): Node
  }

  type Mutation {
    signIn(id: ID!): Session
    recordWage(amount: Int!): Int @requiresScopes(scopes: [["LABOR_OFFICER"]])
  }

  interface Node {
    id: ID!
  }

  type Office implements Node {
    id: ID!
    name: String
    staff: [Person!]!
    budget: Int! @requiresScopes(scopes: [["ANALYST"]])
  }

  type Person {
    id: ID!
    name: String!
    salary: Int @requiresScopes(scopes: [["LABOR_OFFICER"]])
    family: Family
  }

  type Family implements Node @authenticated {
    id: ID!
    registerNumber: String!
  }

  type Ledger @requiresScopes(scopes: [["ANALYST"]]) {
    total: Int!
  }

  type Session {
    roles: [String!]!
    person: Person
  }

  type Stats {
    total: Int!
  }
`;
const schema = buildSchema(SDL);
const metadata = authorizationMetadata(SDL);

const noura = { id: "p1", name: "Noura", salary: 9000, family: { __typename: "Family", id: "f1", registerNumber: "3000000001" } };
const fahad = { id: "p2", name: "Fahad", salary: 7000, family: null };
const riyadh = { __typename: "Office", id: "o1", name: "Riyadh", budget: 5, staff: [noura, fahad] };
/** What the subgraphs would answer: graphql-js's default resolvers read these properties. */
const ROOT = {
  offices: [riyadh],
  me: noura,
  person: () => noura,
  stats: { total: 3 },
  crossCheck: "ok",
  ledger: { total: 12 },
  node: ({ id }: { id: string }) => (id === "f1" ? noura.family : riyadh),
  signIn: () => ({ roles: ["CITIZEN"], person: noura }),
  recordWage: () => 1,
};

const viewer = (...roles: string[]): Viewer => ({ nationalId: "1000000016", roles: roles as Viewer["roles"] });
const CITIZEN = viewer("CITIZEN");

function authorize(query: string, who: Viewer | null, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  return authorizeOperation(schema, metadata, document, operation, variables, who);
}

/** Runs what the gateway would send on (the filtered operation, or the original) and completes the answer as the gateway does. */
function answer(query: string, who: Viewer | null, variables: Record<string, unknown> = {}) {
  const authorized = authorize(query, who, variables);
  const sent: DocumentNode = authorized.document ?? parse(query);
  expect(validate(schema, sent)).toEqual([]);
  const result = execute({ schema, document: sent, rootValue: ROOT, variableValues: variables }) as { data?: Record<string, unknown> | null; errors?: unknown[] };
  expect(result.errors).toBeUndefined();
  return { ...authorized, data: authorized.complete(result.data) };
}

describe("authorizeOperation", () => {
  it("lets an operation without protected selections through untouched", () => {
    const authorized = authorize(`{ offices { id name staff { name } } }`, null);
    expect(authorized.document).toBeNull();
    expect(authorized.removals).toEqual([]);
    const data = { offices: [] };
    expect(authorized.complete(data)).toBe(data);
  });

  it("refuses @authenticated fields to a caller without a token (UNAUTHENTICATED) and lets any token through", () => {
    expect(authorize(`{ offices { id } me { name } }`, null).removals).toEqual([{ path: ["me"], code: "UNAUTHENTICATED" }]);
    expect(authorize(`{ offices { id } me { name } }`, CITIZEN).removals).toEqual([]);
  });

  it("refuses @requiresScopes fields without the scopes (FORBIDDEN): any one inner list, all of it", () => {
    const refused = (query: string, who: Viewer | null) => authorize(query, who).removals.map((removal) => removal.code);
    // [["CIVIL_AFFAIRS_OFFICER"], ["ANALYST"]]: either role.
    expect(refused(`{ person(id: "p1") { name } }`, CITIZEN)).toEqual(["FORBIDDEN"]);
    expect(refused(`{ person(id: "p1") { name } }`, viewer("ANALYST"))).toEqual([]);
    expect(refused(`{ person(id: "p1") { name } }`, viewer("CITIZEN", "CIVIL_AFFAIRS_OFFICER"))).toEqual([]);
    // [["CIVIL_AFFAIRS_OFFICER", "ANALYST"]]: both roles.
    expect(refused(`{ crossCheck }`, viewer("ANALYST"))).toEqual(["FORBIDDEN"]);
    expect(refused(`{ crossCheck }`, viewer("CIVIL_AFFAIRS_OFFICER"))).toEqual(["FORBIDDEN"]);
    expect(refused(`{ crossCheck }`, viewer("CIVIL_AFFAIRS_OFFICER", "ANALYST"))).toEqual([]);
    // Without a token, a field that needs scopes is UNAUTHENTICATED, not FORBIDDEN.
    expect(refused(`{ crossCheck }`, null)).toEqual(["UNAUTHENTICATED"]);
  });

  it("requires both the field's and its type's declarations", () => {
    const refused = (who: Viewer) => authorize(`{ ledger { total } }`, who).removals;
    expect(refused(viewer("LABOR_OFFICER"))).toEqual([{ path: ["ledger"], code: "FORBIDDEN" }]);
    expect(refused(viewer("ANALYST"))).toEqual([{ path: ["ledger"], code: "FORBIDDEN" }]);
    expect(refused(viewer("LABOR_OFFICER", "ANALYST"))).toEqual([]);
  });

  it("lists every refused selection by response path: aliases, `@` for each item of a list, nested fields", () => {
    const authorized = authorize(`{ mine: me { name salary } offices { staff { salary family { registerNumber } } } }`, null);
    expect(authorized.removals).toEqual([
      { path: ["mine"], code: "UNAUTHENTICATED" },
      { path: ["offices", "@", "staff", "@", "salary"], code: "UNAUTHENTICATED" },
      // Family is @authenticated as a type: every field returning it is protected.
      { path: ["offices", "@", "staff", "@", "family"], code: "UNAUTHENTICATED" },
    ]);
    expect(authorize(`{ offices { staff { salary } } }`, CITIZEN).removals).toEqual([{ path: ["offices", "@", "staff", "@", "salary"], code: "FORBIDDEN" }]);
  });

  it("hands on a valid operation without the refused fields, fragments inlined, with __typename where selections were removed", () => {
    const authorized = authorize(`query Q { ...Root } fragment Root on Query { offices { id staff { name salary } } me { name } }`, null);
    const filtered = authorized.document!;
    expect(filtered.definitions).toHaveLength(1);
    expect(filtered.definitions[0]).toMatchObject({ kind: Kind.OPERATION_DEFINITION, name: { value: "Q" } });
    expect(validate(schema, filtered)).toEqual([]);
    const printed = print(filtered);
    expect(printed).not.toMatch(/\bsalary\b|\bme\b|fragment/);
    expect(printed).toContain(`${TYPENAME_ALIAS}: __typename`);
    // Nothing left at the root: only the helper field, still a valid operation.
    const empty = authorize(`{ me { name } }`, null).document!;
    expect(validate(schema, empty)).toEqual([]);
    expect(print(empty)).toMatch(new RegExp(`^\\{\\s*${TYPENAME_ALIAS}: __typename\\s*\\}$`));
  });

  it("follows named fragments and inline fragments, and refuses a fragment on a protected type", () => {
    expect(authorize(`{ ...F } fragment F on Query { alias: person(id: "p1") { ...P } } fragment P on Person { name salary }`, viewer("ANALYST")).removals).toEqual([
      { path: ["alias", "salary"], code: "FORBIDDEN" },
    ]);
    expect(authorize(`{ node(id: "o1") { id ... on Family { registerNumber } ... on Office { name } } }`, null).removals).toEqual([
      { path: ["node", "... on Family"], code: "UNAUTHENTICATED" },
    ]);
  });

  it("does not refuse what @skip or @include leaves out", () => {
    const query = `query($hide: Boolean!) { offices { id } me @skip(if: $hide) { name } stats @include(if: false) { total } }`;
    expect(authorize(query, null, { hide: true }).removals).toEqual([]);
    expect(authorize(query, null, { hide: false }).removals).toEqual([{ path: ["me"], code: "UNAUTHENTICATED" }]);
  });

  it("refuses a mutation field and keeps the permitted one beside it", () => {
    const authorized = authorize(`mutation { signIn(id: "p1") { roles } recordWage(amount: 1) }`, CITIZEN);
    expect(authorized.removals).toEqual([{ path: ["recordWage"], code: "FORBIDDEN" }]);
    const printed = print(authorized.document!);
    expect(printed).toMatch(/^mutation/);
    expect(printed).toContain("signIn");
    expect(printed).not.toContain("recordWage");
  });

  describe("complete: null where refused fields were", () => {
    it("answers the rest of the operation and null at each refused path, without the helper fields", () => {
      const { data } = answer(`{ __typename offices { id staff { name salary } } mine: me { name } }`, null);
      expect(data).toEqual({ __typename: "Query", offices: [{ id: "o1", staff: [{ name: "Noura", salary: null }, { name: "Fahad", salary: null }] }], mine: null });
      expect(JSON.stringify(data)).not.toContain(TYPENAME_ALIAS);
    });

    it("propagates null from a refused non-null field, as GraphQL does", () => {
      // stats is Stats!: the root becomes null.
      expect(answer(`{ offices { id } stats { total } }`, CITIZEN).data).toBeNull();
      // budget is Int! in [Office!]!, itself non-null at the root: nothing is left either.
      expect(answer(`{ offices { id budget } me { name } }`, CITIZEN).data).toBeNull();
      // A refused nullable field stops the null there.
      expect(answer(`{ person(id: "p1") { name salary } }`, viewer("ANALYST")).data).toEqual({ person: { name: "Noura", salary: null } });
    });

    it("leaves the answer as it is when nothing was refused", () => {
      const { document, data } = answer(`{ person(id: "p1") { name salary } }`, viewer("ANALYST", "LABOR_OFFICER"));
      expect(document).toBeNull();
      expect(data).toEqual({ person: { name: "Noura", salary: 9000 } });
    });

    it("completes through fragments by the runtime type", () => {
      const { data, removals } = answer(`{ node(id: "o1") { id ...on Office { name budget } } }`, CITIZEN);
      expect(removals).toEqual([{ path: ["node", "budget"], code: "FORBIDDEN" }]);
      // budget is non-null: its object (node, nullable) becomes null.
      expect(data).toEqual({ node: null });
      expect(answer(`{ node(id: "o1") { id ...on Office { name } ...on Family { registerNumber } } }`, null).data).toEqual({ node: { id: "o1", name: "Riyadh" } });
    });

    it("answers a refused mutation field null beside the permitted one", () => {
      const { data } = answer(`mutation { signIn(id: "p1") { roles person { name family { registerNumber } } } recordWage(amount: 1) }`, null);
      expect(data).toEqual({ signIn: { roles: ["CITIZEN"], person: { name: "Noura", family: null } }, recordWage: null });
    });
  });
});
