import { buildSchema, graphql } from "graphql";
import { normalizeIdentifierInputs } from "../graphql/identifierInputs";

const schema = buildSchema(`
  input Address { officeId: ID note: String }
  input Draft { spouseIds: [ID!] address: Address next: Draft }
  type Query { echo(id: ID, draft: Draft, text: String): String }
`);

/** The arguments as the resolver received them, after the kernel's normalisation. */
async function received(source: string): Promise<unknown> {
  const resolvers = { Query: { echo: (_: unknown, args: unknown) => JSON.stringify(args) } };
  normalizeIdentifierInputs(schema, resolvers);
  const result = await graphql({ schema, source, rootValue: {}, fieldResolver: (root, args) => resolvers.Query.echo(root, args) });
  return JSON.parse((result.data as { echo: string }).echo);
}

describe("IDs typed in Eastern Arabic or Persian digits", () => {
  it("reach the resolver with Western digits, in arguments, lists and nested inputs; other text stays as typed", async () => {
    const args = await received(`{ echo(id: " ٣٠٠٠٠٠٠٠٠١ ", text: "٣ غرف", draft: { spouseIds: ["١٠٠٠٠٠٠٠٢٤", "۱۰۰۰۰۰۰۰۲۴"], address: { officeId: "RUH-٠١", note: "٠١" }, next: { spouseIds: ["1"] } }) }`);
    expect(args).toEqual({
      id: "3000000001",
      text: "٣ غرف",
      draft: { spouseIds: ["1000000024", "1000000024"], address: { officeId: "RUH-01", note: "٠١" }, next: { spouseIds: ["1"] } },
    });
  });
});
