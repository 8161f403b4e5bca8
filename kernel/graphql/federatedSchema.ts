import { buildSubgraphSchema, type GraphQLResolverMap } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { DateScalar, DateTimeScalar } from "./scalars";
import { screenTextInputs } from "./textInputs";
import { normalizeIdentifierInputs } from "./identifierInputs";
import { protectAuthenticatedTypes, roleChecker } from "./authorization";

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@authenticated", "@requiresScopes"])`;

export interface FederatedSchemaOptions {
  resolvers: NonEmptyArray<Function>;
  /** Types that no resolver returns directly but the subgraph must declare (entity stubs). */
  orphanedTypes?: Function[];
  /** `__resolveReference` (and other hand-written) resolvers, by type name. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

/** Resolver instances that need dependencies; others are constructed without arguments. */
function containerOf(instances: object[]) {
  const byClass = new Map<Function, object>(instances.map((instance) => [instance.constructor, instance]));
  return {
    get(someClass: new () => object): object {
      let instance = byClass.get(someClass);
      if (!instance) byClass.set(someClass, (instance = new someClass()));
      return instance;
    },
  };
}

/** type-graphql classes → a federation 2 subgraph schema with entity resolvers. */
export async function buildFederatedSchema(
  options: FederatedSchemaOptions,
  instances: object[] = [],
  /** Rewrites the resolver map before the subgraph schema is built (the data-access audit). */
  customize?: (resolvers: GraphQLResolverMap<unknown>, schema: GraphQLSchema) => void,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    container: containerOf(instances),
    skipCheck: true, // a subgraph may have entity-only types and no own query of a type
    authChecker: roleChecker,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, typeResolvers] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(typeResolvers as object) } as never;
  }
  resolvers.Date = DateScalar as never;
  resolvers.DateTime = DateTimeScalar as never;
  screenTextInputs(schema, resolvers);
  normalizeIdentifierInputs(schema, resolvers);
  protectAuthenticatedTypes(typeDefs, resolvers);
  customize?.(resolvers, schema);
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
