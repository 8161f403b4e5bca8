import { GraphQLError, Kind, parse, visit, type DocumentNode, type SelectionSetNode } from "graphql";
import { setting } from "../config";
import type { Violation } from "../errors";
import { arabicCount, formatNumber, messages, type Lang } from "../i18n";

/**
 * Limits on the GraphQL document itself, checked before Apollo Server hashes, parses or validates
 * it. graphql-js validation (OverlappingFieldsCanBeMerged) compares every pair of fields that share
 * a response name at one place of the response, fragments included, so an unchecked 176 KB
 * document held the event loop for seconds; under these limits the worst document validates in a
 * few milliseconds (docs/benchmarks.md, "Worst documents").
 */
export interface DocumentLimits {
  /** Bytes of query text (UTF-8), checked before anything else. */
  maxQueryBytes: number;
  /** Lexical tokens: graphql-js stops parsing past this many. */
  maxTokens: number;
  /** Field selections, fragments expanded (a fragment spread twice into one selection counts once, as graphql-js merges it). */
  maxFields: number;
  /** Pairs of fields at one response path that validation must compare. */
  maxFieldPairs: number;
  /** Fragment definitions, fragment spreads and inline fragments together. */
  maxFragments: number;
  maxDirectives: number;
  /** Deepest nesting of fields, fragments expanded; `__typename` and introspection are not counted. */
  maxDepth: number;
}

/** The settings of DocumentLimits, read by the gateway and by every subgraph. */
export const documentLimitSettings = {
  MAX_QUERY_BYTES: setting.int("Largest GraphQL query text in bytes, refused before it is hashed or parsed (the body limit is separate)", 32 * 1024),
  MAX_QUERY_TOKENS: setting.int("Most lexical tokens in a GraphQL document", 4000),
  MAX_QUERY_FIELDS: setting.int("Most field selections in a GraphQL document, fragments expanded", 500),
  MAX_QUERY_FIELD_PAIRS: setting.int("Most pairs of same-named fields at one response path (what validation compares)", 1000),
  MAX_QUERY_FRAGMENTS: setting.int("Most fragment definitions, spreads and inline fragments in a GraphQL document", 100),
  MAX_QUERY_DIRECTIVES: setting.int("Most directives in a GraphQL document", 50),
  MAX_QUERY_DEPTH: setting.int("Deepest field nesting an operation may have", 12),
};

export function documentLimitsFrom(config: {
  MAX_QUERY_BYTES: number;
  MAX_QUERY_TOKENS: number;
  MAX_QUERY_FIELDS: number;
  MAX_QUERY_FIELD_PAIRS: number;
  MAX_QUERY_FRAGMENTS: number;
  MAX_QUERY_DIRECTIVES: number;
  MAX_QUERY_DEPTH: number;
}): DocumentLimits {
  return {
    maxQueryBytes: config.MAX_QUERY_BYTES,
    maxTokens: config.MAX_QUERY_TOKENS,
    maxFields: config.MAX_QUERY_FIELDS,
    maxFieldPairs: config.MAX_QUERY_FIELD_PAIRS,
    maxFragments: config.MAX_QUERY_FRAGMENTS,
    maxDirectives: config.MAX_QUERY_DIRECTIVES,
    maxDepth: config.MAX_QUERY_DEPTH,
  };
}

type Limit = { actual: number; max: number };

const n = (value: number) => formatNumber("ar", value);

/** The document limits' refusals; in Arabic each number in Arabic-Indic digits, its noun as the number governs it. */
export const documentLimitMessages = messages({
  QUERY_TOO_LARGE: { en: (p: Limit) => `The query text is ${p.actual} bytes; at most ${p.max} are allowed.`, ar: (p: Limit) => `نص الاستعلام ${n(p.actual)} بايت؛ الحد الأقصى ${n(p.max)}.` },
  MAX_TOKENS: {
    en: (p: Limit) => `The query has more than ${p.max} tokens.`,
    ar: (p: Limit) => `في الاستعلام أكثر من ${arabicCount(p.max, { singular: "رمز", dual: "رمزين", plural: "رموز", accusative: "رمزاً" })}.`,
  },
  MAX_FIELDS: {
    en: (p: Limit) => `The query selects more than ${p.max} fields, fragments expanded.`,
    ar: (p: Limit) => `يطلب الاستعلام أكثر من ${arabicCount(p.max, { singular: "حقل", dual: "حقلين", plural: "حقول", accusative: "حقلاً" })} بعد توسيع الأجزاء.`,
  },
  MAX_FIELD_PAIRS: {
    en: (p: Limit) => `The query repeats names at one place so often that ${p.actual} pairs of fields must be compared; at most ${p.max} are allowed.`,
    ar: (p: Limit) => `يكرر الاستعلام أسماء في موضع واحد بحيث تلزم مقارنة ${arabicCount(p.actual, { singular: "زوج", dual: "زوجين", plural: "أزواج", accusative: "زوجاً" })} من الحقول؛ الحد الأقصى ${n(p.max)}.`,
  },
  MAX_FRAGMENTS: {
    en: (p: Limit) => `The query has ${p.actual} fragments; at most ${p.max} are allowed.`,
    ar: (p: Limit) => `في الاستعلام ${arabicCount(p.actual, { singular: "جزء", dual: "جزأين", plural: "أجزاء", accusative: "جزءاً" })}؛ الحد الأقصى ${n(p.max)}.`,
  },
  MAX_DIRECTIVES: {
    en: (p: Limit) => `The query has ${p.actual} directives; at most ${p.max} are allowed.`,
    ar: (p: Limit) => `في الاستعلام ${arabicCount(p.actual, { singular: "موجّه", dual: "موجّهين", plural: "موجّهات", accusative: "موجّهاً" })}؛ الحد الأقصى ${n(p.max)}.`,
  },
  MAX_DEPTH: {
    en: (p: Limit) => `The query is ${p.actual} levels deep; at most ${p.max} are allowed.`,
    ar: (p: Limit) => `عمق الاستعلام ${arabicCount(p.actual, { singular: "مستوى", dual: "مستويين", plural: "مستويات", accusative: "مستوًى" })}؛ الحد الأقصى ${n(p.max)}.`,
  },
});

function violation(lang: Lang, rule: keyof typeof documentLimitMessages, limit: Limit): Violation {
  return { field: "query", rule, message: documentLimitMessages[rule][lang](limit) };
}

/** Fields merged by response path: how many selections land at each place of the response. */
interface ResponsePath {
  selections: number;
  children: Map<string, ResponsePath>;
}

/**
 * Fields (fragments expanded) and the pairs of fields at one response path, the work of
 * OverlappingFieldsCanBeMerged: k selections at one path are k(k-1)/2 comparisons, wherever in the
 * document they were written; and the deepest nesting of fields. Expansion stops once `maxFields`
 * is passed.
 */
function countFields(document: DocumentNode, maxFields: number): { fields: number; pairs: number; depth: number } {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  const expandedInto = new WeakMap<Map<string, ResponsePath>, Set<string>>();
  let fields = 0;
  let pairs = 0;
  let depth = 0;
  const add = (set: SelectionSetNode, into: Map<string, ResponsePath>, within: Set<string>, level: number): void => {
    for (const selection of set.selections) {
      if (fields > maxFields) return;
      if (selection.kind === Kind.FIELD) {
        const name = (selection.alias ?? selection.name).value;
        let path = into.get(name);
        if (!path) into.set(name, (path = { selections: 0, children: new Map() }));
        pairs += path.selections;
        path.selections += 1;
        fields += 1;
        // The gateway's plans add `__typename` everywhere: neither it nor introspection (`__schema`, under it) is a level.
        const introspection = selection.name.value.startsWith("__");
        if (!introspection) depth = Math.max(depth, level + 1);
        if (selection.selectionSet) add(selection.selectionSet, path.children, within, introspection ? -Infinity : level + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(selection.selectionSet, into, within, level);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const expanded = expandedInto.get(into) ?? new Set<string>();
        expandedInto.set(into, expanded);
        if (!fragment || expanded.has(name) || within.has(name)) continue;
        expanded.add(name);
        add(fragment, into, new Set(within).add(name), level);
      }
    }
  };
  // Validation visits every definition, used or not, duplicated or not: so does the count.
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) add(definition.selectionSet, new Map(), new Set(), 0);
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) add(definition.selectionSet, new Map(), new Set([definition.name.value]), 0);
  }
  return { fields, pairs, depth };
}

function countFragmentsAndDirectives(document: DocumentNode): { fragments: number; directives: number } {
  let fragments = 0;
  let directives = 0;
  visit(document, {
    FragmentDefinition: () => void (fragments += 1),
    FragmentSpread: () => void (fragments += 1),
    InlineFragment: () => void (fragments += 1),
    Directive: () => void (directives += 1),
  });
  return { fragments, directives };
}

/**
 * The limits a query text exceeds, every one of them (empty when it is within all). A text over
 * `maxQueryBytes` is not parsed at all; a syntax error is left to Apollo Server to report.
 */
export function documentViolations(query: string, limits: DocumentLimits, lang: Lang): Violation[] {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: most texts are judged without being measured.
  if (query.length * 3 > limits.maxQueryBytes) {
    const bytes = Buffer.byteLength(query, "utf8");
    if (bytes > limits.maxQueryBytes) return [violation(lang, "QUERY_TOO_LARGE", { actual: bytes, max: limits.maxQueryBytes })];
  }
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens: limits.maxTokens });
  } catch (error) {
    // graphql-js 16 words it "more that N tokens".
    if (error instanceof GraphQLError && /more th\w+ \d+ tokens/.test(error.message)) return [violation(lang, "MAX_TOKENS", { actual: limits.maxTokens + 1, max: limits.maxTokens })];
    return [];
  }
  const counted = { ...countFields(document, limits.maxFields), ...countFragmentsAndDirectives(document) };
  const found: Violation[] = [];
  if (counted.fields > limits.maxFields) found.push(violation(lang, "MAX_FIELDS", { actual: counted.fields, max: limits.maxFields }));
  if (counted.pairs > limits.maxFieldPairs) found.push(violation(lang, "MAX_FIELD_PAIRS", { actual: counted.pairs, max: limits.maxFieldPairs }));
  if (counted.fragments > limits.maxFragments) found.push(violation(lang, "MAX_FRAGMENTS", { actual: counted.fragments, max: limits.maxFragments }));
  if (counted.directives > limits.maxDirectives) found.push(violation(lang, "MAX_DIRECTIVES", { actual: counted.directives, max: limits.maxDirectives }));
  if (counted.depth > limits.maxDepth) found.push(violation(lang, "MAX_DEPTH", { actual: counted.depth, max: limits.maxDepth }));
  return found;
}
