/**
 * The subgraphs of the `gateway` workload (bench/run.ts): one process serving every agency of the
 * registry on the port of its URL setting (CIVIL_AFFAIRS_URL, …), answering any fetch at once from
 * canned data, with no database. The answer to an operation is made the first time it arrives with
 * a given shape of variables (which entities, how many), by executing it against the agency's
 * schema (schema/<name>.graphql) with every field resolved to a fixed value; from then on it is
 * sent as stored. Civil-affairs' also publishes the token-signing key's public half (from
 * JWT_PRIVATE_KEY) and an empty list of revoked tokens, so our gateway verifies tokens as in production.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import {
  buildSchema,
  execute,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import { JWKS_PATH } from "../kernel/auth/keySet";
import { REVOKED_TOKENS_PATH } from "../kernel/auth/revocation";
import { AGENCIES } from "../subgraphs/agencies";
import { loadSigningKeys } from "../subgraphs/civil-affairs/src/identity/signingKeys";
import { ready, ROOT, SUBGRAPH_URLS } from "./contenders/common";

const SCALARS: Record<string, unknown> = { ID: "1", String: "mock", Int: 1, Float: 1.5, Boolean: true, Date: "2026-01-01", DateTime: "2026-01-01T00:00:00.000Z" };
/** Length of every list: a family of three members, say. */
const LIST_LENGTH = 3;

function mockValue(type: GraphQLOutputType, schema: GraphQLSchema): unknown {
  if (isNonNullType(type)) return mockValue(type.ofType, schema);
  if (isListType(type)) return Array.from({ length: LIST_LENGTH }, () => mockValue(type.ofType, schema));
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isAbstractType(type)) return { __typename: schema.getPossibleTypes(type)[0]!.name };
  if (isObjectType(type)) return {};
  return SCALARS[type.name] ?? "mock";
}

/** An entity is its representation (key fields and __typename); anything else gets a fixed value. */
const fieldResolver: GraphQLFieldResolver<Record<string, unknown>, unknown, { representations?: unknown }> = (source, args, _context, info) => {
  if (info.fieldName === "_entities") return args.representations;
  return Object.hasOwn(source, info.fieldName) ? source[info.fieldName] : mockValue(info.returnType, info.schema);
};

/** Variables with every value but `__typename` blanked: what the answer depends on. */
const shape = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(shape)
    : value !== null && typeof value === "object"
      ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === "__typename" ? item : shape(item)]))
      : null;

function mockSubgraph(schema: GraphQLSchema, documents: Record<string, unknown>): http.Server {
  const answers = new Map<string, string>();
  const send = (response: http.ServerResponse, status: number, body: string) =>
    response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  return http.createServer((request, response) => {
    if (request.method === "GET") {
      const document = documents[request.url ?? ""];
      send(response, document === undefined ? 404 : 200, JSON.stringify(document ?? {}));
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string; variables?: Record<string, unknown> };
      const key = `${query}\n${JSON.stringify(shape(variables ?? {}))}`;
      let answer = answers.get(key);
      if (answer === undefined) {
        const result = await execute({ schema, document: parse(query), rootValue: {}, variableValues: variables, fieldResolver, typeResolver: (value) => (value as { __typename: string }).__typename });
        answer = JSON.stringify(result);
        answers.set(key, answer);
      }
      send(response, 200, answer);
    });
  });
}

async function main(): Promise<void> {
  const signing = await loadSigningKeys(process.env.JWT_PRIVATE_KEY!, "");
  const health = { status: "ready", pid: process.pid };
  for (const agency of AGENCIES) {
    const schema = buildSchema(fs.readFileSync(path.join(ROOT, "schema", `${agency.name}.graphql`), "utf8"));
    const identity = agency.name === "civil-affairs" ? { [JWKS_PATH]: signing.jwks, [REVOKED_TOKENS_PATH]: { revoked: [] } } : {};
    const port = Number(new URL(SUBGRAPH_URLS[agency.name]!).port);
    const server = mockSubgraph(schema, { "/health": health, "/ready": health, ...identity });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    ready(`mock ${agency.name}`, port);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
