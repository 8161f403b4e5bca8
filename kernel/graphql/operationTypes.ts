import { GraphQLError, type ASTVisitor, type ValidationContext } from "graphql";

/**
 * Refuses an operation whose root type the schema lacks (this API has no subscriptions) while the
 * document is validated, as the GraphQL specification asks: graphql-js 16 lets it through to
 * execution, which fails with an internal error and a stack in the log.
 */
export function knownOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      if (context.getSchema().getRootType(operation.operation)) return;
      context.reportError(new GraphQLError(`This API has no ${operation.operation} operations.`, { nodes: operation }));
    },
  };
}
