import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { printSchema } from "graphql";
import { asciiSupergraph } from "../../gateway/src/asciiSupergraph";
import { buildSupergraph } from "../../kernel/graphql/authorizationSupergraph";

const ROOT = path.resolve(__dirname, "../..");
const original = fs.readFileSync(path.join(ROOT, "schema/supergraph.graphql"), "utf8");
const apiSchema = (sdl: string) => buildSupergraph(sdl).apiSchema();
const printedApi = (sdl: string) => printSchema(apiSchema(sdl).toGraphQLJSSchema());

/** V8's serializer tags a string by how it is stored: '"' one byte per character, 'c' two. */
const storedInOneByte = (text: string) => v8.serialize(text)[2] === '"'.charCodeAt(0);

describe("the supergraph as the gateway reads it", () => {
  it("is the same schema, every description as written, Arabic included", () => {
    const ascii = asciiSupergraph(original);
    expect(ascii).not.toMatch(/[^\x00-\x7f]/);
    expect(printedApi(ascii)).toBe(printedApi(original));
    const formatted = apiSchema(ascii).toGraphQLJSSchema().getType("Money")!.toConfig() as { fields: Record<string, { description?: string | null }> };
    expect(formatted.fields.formatted!.description).toBe('Localized, e.g. "100.00 ر.س" or "SAR 100.00".');
  });

  it("keeps descriptions exact through quotes, backslashes, indentation and characters beyond the BMP", () => {
    const tricky = '"""\n  Line one: \\"quoted\\" and \\\\ a backslash, ر.س.\n    indented → 😀\n  \\"""\n"""';
    const sdl = original.replace('"""Localized, e.g. "100.00 ر.س" or "SAR 100.00"."""', tricky);
    expect(sdl).not.toBe(original);
    const ascii = asciiSupergraph(sdl);
    expect(ascii).not.toMatch(/[^\x00-\x7f]/);
    expect(printedApi(ascii)).toBe(printedApi(sdl));
    expect(printedApi(ascii)).toContain("indented → 😀");
  });

  it("names every type and field one byte per character, so the gateway's responses are built in one", () => {
    const schema = apiSchema(asciiSupergraph(original));
    const names = schema.types().flatMap((type) => [type.name, ...("fields" in type ? type.fields().map((field) => field.name) : [])]);
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((name) => !storedInOneByte(name))).toEqual([]);
  });

  // In a fresh process: V8's table of interned strings is the process's, shared by every test here.
  it("has its names interned one byte per character before the gateway builds its schema, whose field names become response keys", () => {
    const script = `
      const fs = require("node:fs");
      const v8 = require("node:v8");
      const { asciiSupergraph } = require("./gateway/src/asciiSupergraph");
      const { buildSupergraph } = require("./kernel/graphql/authorizationSupergraph");
      const sdl = asciiSupergraph(fs.readFileSync("schema/supergraph.graphql", "utf8"));
      global.gc(); // interned strings nothing holds would be dropped here
      const schema = buildSupergraph(sdl).apiSchema().toGraphQLJSSchema();
      const keys = Object.values(schema.getTypeMap()).flatMap((type) => ("getFields" in type ? Object.keys(type.getFields()) : []));
      process.stdout.write(JSON.stringify({ keys: keys.length, twoByte: keys.filter((key) => v8.serialize(key)[2] !== 0x22) }));`;
    const result = JSON.parse(execFileSync(process.execPath, ["--expose-gc", "-r", "@swc-node/register", "-e", script], { cwd: ROOT, encoding: "utf8" })) as { keys: number; twoByte: string[] };
    expect(result.keys).toBeGreaterThan(100);
    expect(result.twoByte).toEqual([]);
  });

  it("hands a supergraph that is already ASCII over unchanged", () => {
    const plain = original.replace(/[^\x00-\x7f]/g, "?");
    expect(asciiSupergraph(plain)).toBe(plain);
  });
});
