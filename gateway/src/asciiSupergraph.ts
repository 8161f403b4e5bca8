import { parse, print, visit } from "graphql";

const NON_ASCII = /[^\x00-\x7f]/;

/** One-byte copies of the supergraph's names, held so that V8's string table keeps them. */
const names = new Set<string>();

/**
 * The same supergraph, descriptions included, written in ASCII only, its names interned as one-byte
 * strings before the gateway builds its schema from it.
 *
 * Why: V8 stores a string holding one character beyond Latin-1 (an Arabic word, an arrow) at two
 * bytes per character, and so every name graphql-js slices from it. The supergraph's descriptions
 * hold Arabic, so the gateway's type and field names were two-byte: `__typename` values, and, once
 * interned as keys, every response key with the same text. Every response the gateway built was
 * then a two-byte string: twice the bytes to stringify, and past 128 KB (a 50-family review) a
 * fresh mapping for each copy made of it, page-faulted in and unmapped again (docs/benchmarks.md).
 *
 * A description beyond ASCII becomes a plain string with `\uXXXX` escapes, which GraphQL reads back
 * to the same text. The escaped text still holds the descriptions, and the gateway prints and
 * re-parses its schema with them, so its names are also interned here: interned first, the one-byte
 * copies are the ones every later key with that text finds.
 */
export function asciiSupergraph(sdl: string): string {
  if (!NON_ASCII.test(sdl)) return sdl;
  const escaped = visit(parse(sdl, { noLocation: true }), {
    StringValue: (node) => (NON_ASCII.test(node.value) ? { ...node, block: false } : undefined),
  });
  const printed = print(escaped).replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);
  // ASCII, but still two bytes per character in memory until copied through Latin-1.
  const text = Buffer.from(printed, "latin1").toString("latin1");
  const keys: Record<string, true> = {};
  for (const [name] of text.matchAll(/[_A-Za-z][_0-9A-Za-z]*/g)) keys[name] = true;
  for (const name of Object.keys(keys)) names.add(name);
  return text;
}
