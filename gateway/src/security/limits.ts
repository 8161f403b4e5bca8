import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { MAX_ACCESSES, MAX_PAGE } from "../../../kernel/graphql/listSizes";

export interface OperationLimits {
  maxCost: number;
  maxAliases: number;
  maxRootFields: number;
  /** Assumed size of a list field without a `first`/`last`/`limit` argument or a list argument. */
  defaultListSize: number;
}

export interface OperationMeasure {
  cost: number;
  aliases: number;
  rootFields: number;
}

const SIZE_ARGUMENTS = new Set(["first", "last", "limit"]);

/**
 * No subgraph returns more for a size argument (kernel/graphql/listSizes.ts): a connection's page
 * (every queue) at most MAX_PAGE, a list (the data-access report's) at most MAX_ACCESSES. A larger
 * one is refused there, OUT_OF_RANGE on that argument; the cost takes it at that size, so that
 * `first: 1000000` is answered with which argument is wrong, not that the query costs millions.
 */
const LARGEST_PAGE = MAX_PAGE;
const LARGEST_LIST = Math.max(MAX_PAGE, MAX_ACCESSES);

/**
 * Measures an operation statically, fragments expanded (each fragment measured once, so a query
 * that nests fragments cannot make the measurement itself expensive). Introspection fields
 * (`__schema`, `__type`, `__typename`) are not counted.
 *
 * Cost: every field costs 1 plus the cost of its selections; a list field multiplies that by its
 * `first`/`last`/`limit` argument, at most LARGEST_LIST (or that of the connection it is in, at most LARGEST_PAGE: `cardApplications(first:) { edges }`),
 * else by the length of its longest list argument (e.g.
 * `familiesForReview(registerNumbers: [...])`), else by `defaultListSize`. Every item of a list an
 * argument holds costs 1 more (`childIds: [...]`), so that a list of a million IDs is refused here,
 * not walked by a subgraph.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  defaultListSize: number,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const memo = new Map<string, Omit<OperationMeasure, "rootFields"> & { fields: number }>();
  const visiting = new Set<string>();

  const valueOf = (node: ValueNode): unknown => {
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.LIST) return node.values;
    return undefined;
  };

  const sizeArgument = (args: readonly { name: { value: string }; value: ValueNode }[] | undefined, largest: number): number | undefined => {
    for (const arg of args ?? []) {
      const value = valueOf(arg.value);
      if (SIZE_ARGUMENTS.has(arg.name.value) && typeof value === "number" && Number.isFinite(value)) return Math.min(Math.max(0, value), largest);
    }
    return undefined;
  };
  /**
   * Items in the lists an argument holds, however deep in input objects and variables: each costs
   * 1, as a field does. Walked without recursion (the variables are not type-checked yet: a list
   * nested 3,000 deep must be counted, not overflow the stack), each variable once however often
   * it is used.
   */
  const variableItems = new Map<string, number>();
  const itemsOfVariable = (name: string): number => {
    let items = variableItems.get(name);
    if (items !== undefined) return items;
    items = 0;
    const pending: unknown[] = [variables[name]];
    while (pending.length > 0) {
      const value = pending.pop();
      const inside = Array.isArray(value) ? value : value !== null && typeof value === "object" ? Object.values(value) : [];
      if (Array.isArray(value)) items += value.length;
      for (const item of inside) pending.push(item);
    }
    variableItems.set(name, items);
    return items;
  };
  const listItemsOfNode = (argument: ValueNode): number => {
    let items = 0;
    const pending: ValueNode[] = [argument];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node.kind === Kind.VARIABLE) items += itemsOfVariable(node.name.value);
      else if (node.kind === Kind.LIST) {
        items += node.values.length;
        for (const value of node.values) pending.push(value);
      } else if (node.kind === Kind.OBJECT) for (const field of node.fields) pending.push(field.value);
    }
    return items;
  };

  const multiplier = (args: readonly { name: { value: string }; value: ValueNode }[] | undefined, connectionSize: number | undefined): number => {
    const size = sizeArgument(args, LARGEST_LIST);
    if (size !== undefined) return size;
    if (connectionSize !== undefined) return connectionSize;
    let longestList = -1;
    for (const arg of args ?? []) {
      const value = valueOf(arg.value);
      if (Array.isArray(value)) longestList = Math.max(longestList, value.length);
    }
    return longestList >= 0 ? longestList : defaultListSize;
  };

  /** `connectionSize`: the `first` of the enclosing connection field, the size of its lists (edges, nodes). */
  const measure = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType | undefined, connectionSize?: number): Omit<OperationMeasure, "rootFields"> & { fields: number } => {
    let cost = 0;
    let aliases = 0;
    let fields = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith("__")) continue;
        fields += 1;
        if (selection.alias) aliases += 1;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        const named = field ? getNamedType(field.type) : undefined;
        const isList = field !== undefined && isListType(getNullableType(field.type));
        const childConnection = isList ? undefined : sizeArgument(selection.arguments, LARGEST_PAGE);
        const child = selection.selectionSet ? measure(selection.selectionSet, named && isCompositeType(named) ? named : undefined, childConnection) : { cost: 0, aliases: 0, fields: 0 };
        const times = isList ? multiplier(selection.arguments, connectionSize) : 1;
        cost += (1 + child.cost) * times;
        for (const arg of selection.arguments ?? []) cost += listItemsOfNode(arg.value);
        aliases += child.aliases;
        continue;
      }
      let inner;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        inner = measure(selection.selectionSet, condition && isCompositeType(condition) ? condition : undefined, connectionSize);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        const memoKey = `${name}:${connectionSize ?? ""}`;
        inner = memo.get(memoKey);
        if (!inner) {
          visiting.add(name);
          const condition = schema.getType(fragment.typeCondition.name.value);
          inner = measure(fragment.selectionSet, condition && isCompositeType(condition) ? condition : undefined, connectionSize);
          visiting.delete(name);
          memo.set(memoKey, inner);
        }
      }
      cost += inner.cost;
      aliases += inner.aliases;
      fields += inner.fields;
    }
    return { cost, aliases, fields };
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  const result = measure(operation.selectionSet, root);
  return { cost: result.cost, aliases: result.aliases, rootFields: result.fields };
}

/** The limits an operation exceeds, as violations of one BAD_USER_INPUT error. */
export function exceededLimits(measure: OperationMeasure, limits: OperationLimits): Array<{ rule: string; actual: number; max: number }> {
  const exceeded = [];
  if (measure.cost > limits.maxCost) exceeded.push({ rule: "MAX_COST", actual: measure.cost, max: limits.maxCost });
  if (measure.aliases > limits.maxAliases) exceeded.push({ rule: "MAX_ALIASES", actual: measure.aliases, max: limits.maxAliases });
  if (measure.rootFields > limits.maxRootFields) exceeded.push({ rule: "MAX_ROOT_FIELDS", actual: measure.rootFields, max: limits.maxRootFields });
  return exceeded;
}
