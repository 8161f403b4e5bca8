import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { buildSchema, parse, print, visit, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from "graphql";
import { compose, type Composition } from "../scripts/composition";
import { candidateSupergraph } from "../scripts/schema/candidate";
import { checkAgainstRelease } from "../scripts/schema/cli";
import { apiSdlOf, checkSchema, daysBetween, DEPRECATION_DAYS, formatCheckReport, type CheckInput, type ReleaseMetadata } from "../scripts/schema/check";
import { composeSdl, federationVersion, readOperations, readReleased, releaseFiles, type ReleasedSet } from "../scripts/schema/released";
import { currentSupergraphYaml, routingUrl, SUPERGRAPH_YAML } from "../scripts/schema/supergraphYaml";
import { SUBGRAPHS } from "../subgraphs";

const TODAY = "2026-11-29";

/** A day `days` before TODAY. */
const daysAgo = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

const paths = (findings: Array<{ path: string }>) => findings.map((f) => f.path).sort();

describe("npm run schema:check on the platform's own schema", () => {
  let composition: Composition;
  let released: ReleasedSet;

  beforeAll(async () => {
    composition = await compose();
    const found = readReleased();
    if (found === null) throw new Error("schema/released/ is missing: run `npm run schema:release`");
    released = found;
  });

  /** The code's subgraphs with one subgraph's SDL changed, recomposed in memory. */
  function recomposeWith(change: (sdl: string) => string, agency = composition.subgraphs[composition.subgraphs.length - 1].name): string {
    return composeSdl(
      SUBGRAPHS.map((definition) => {
        const sdl = composition.subgraphs.find((s) => s.name === definition.name)!.sdl;
        return { name: definition.name, url: routingUrl(definition), sdl: definition.name === agency ? change(sdl) : sdl };
      }),
    );
  }

  /** Rewrites the fields of an agency's `type Query` (definition or extension). */
  const editQuery = (edit: (fields: readonly FieldDefinitionNode[]) => FieldDefinitionNode[]) => (sdl: string) =>
    print(
      visit(parse(sdl), {
        enter(node) {
          if ((node.kind === "ObjectTypeDefinition" || node.kind === "ObjectTypeExtension") && node.name.value === "Query") {
            const type = node as ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
            return { ...type, fields: edit(type.fields ?? []) };
          }
          return undefined;
        },
      }),
    );

  /**
   * The first released Query field of the last agency that has one (any will do: the point is that
   * clients rely on it; a field added since the release is not yet theirs to lose).
   */
  function someQueryField(): { agency: string; field: string } {
    const releasedQuery = buildSchema(released.apiSdl).getQueryType()!.getFields();
    for (const { name, sdl } of [...composition.subgraphs].reverse()) {
      let field: string | undefined;
      editQuery((fields) => {
        field ??= fields.find((candidate) => candidate.name.value in releasedQuery)?.name.value;
        return [...fields];
      })(sdl);
      if (field) return { agency: name, field };
    }
    throw new Error("no subgraph defines a Query field");
  }

  /** What `npm run schema:check` runs: the check with the allow-file, the contract and web/ as on disk. */
  const check = (candidateSupergraphSdl: string) => checkAgainstRelease(released, candidateSupergraphSdl, new Date().toISOString().slice(0, 10));

  it("(1) passes: today's code against schema/released/ (or run `npm run schema:check` for the report)", async () => {
    const report = await check(composition.supergraphSdl);
    if (!report.ok) throw new Error(formatCheckReport(report));
    expect(report.contract?.gaps).toEqual([]);
  });

  it("(2) fails on a field removed from a subgraph, naming it", async () => {
    const { agency, field } = someQueryField();
    const candidate = recomposeWith(editQuery((fields) => fields.filter((f) => f.name.value !== field)), agency);
    const report = await check(candidate);
    expect(report.ok).toBe(false);
    expect(report.breaking).toContainEqual(expect.objectContaining({ type: "FIELD_REMOVED", path: `Query.${field}` }));
    expect(formatCheckReport(report)).toMatch(new RegExp(`FAIL[\\s\\S]*Breaking changes[\\s\\S]*Query\\.${field}: Field '${field}' was removed`));
  });

  it("(2) fails on a new required argument, naming it", async () => {
    const { agency, field } = someQueryField();
    const extra = parse("type T { f(schemaCheckProbe: Int!): Int }").definitions[0] as ObjectTypeDefinitionNode;
    const arg = extra.fields![0].arguments![0];
    const candidate = recomposeWith(editQuery((fields) => fields.map((f) => (f.name.value === field ? { ...f, arguments: [...(f.arguments ?? []), arg] } : f))), agency);
    const report = await check(candidate);
    expect(report.ok).toBe(false);
    expect(paths(report.breaking)).toEqual([`Query.${field}.schemaCheckProbe`]);
    expect(report.breaking[0].type).toBe("FIELD_ARGUMENT_ADDED");
    expect(formatCheckReport(report)).toContain(`Query.${field}.schemaCheckProbe`);
  });

  it("(3) passes an additive change, listing it as safe", async () => {
    const addition = (parse("type T { schemaCheckProbe(limit: Int): String }").definitions[0] as ObjectTypeDefinitionNode).fields![0];
    const candidate = recomposeWith(editQuery((fields) => [...fields, addition]));
    const report = await check(candidate);
    if (!report.ok) throw new Error(formatCheckReport(report));
    expect(paths(report.safe)).toEqual(expect.arrayContaining(["Query.schemaCheckProbe"]));
    expect(report.breaking).toEqual([]);
  });

  it("`-- <agency>` takes that agency's code and the others as released", async () => {
    const { agency, field } = someQueryField();
    const other = SUBGRAPHS.map((s) => s.name).find((name) => name !== agency)!;
    // Pretend `agency` released without the field: checking another agency composes the released SDL...
    const releasedWithout: ReleasedSet = {
      ...released,
      subgraphs: { ...released.subgraphs, [agency]: editQuery((fields) => fields.filter((f) => f.name.value !== field))(released.subgraphs[agency]) },
    };
    const queryFields = (supergraphSdl: string) => Object.keys(buildSchema(apiSdlOf(supergraphSdl)).getQueryType()!.getFields());
    const viaOther = await candidateSupergraph(releasedWithout, other, composition);
    expect(queryFields(viaOther.supergraphSdl)).not.toContain(field);
    // ...checking `agency` itself composes its code now, which has it.
    const viaAgency = await candidateSupergraph(releasedWithout, agency, composition);
    expect(queryFields(viaAgency.supergraphSdl)).toContain(field);
    await expect(candidateSupergraph(released, "no-such-agency")).rejects.toThrow(/Unknown agency "no-such-agency".*civil-affairs/);
  });

  it("`-- <agency>` passes each agency's unchanged code, the web app's wait for the others' unreleased fields set apart", async () => {
    for (const { name } of SUBGRAPHS) {
      const { composition: candidate, supergraphSdl } = await candidateSupergraph(released, name, composition);
      const subgraph = { name, candidateSdl: candidate.subgraphs.find((s) => s.name === name)!.sdl, releasedSdl: released.subgraphs[name] ?? null };
      const report = await checkAgainstRelease(released, supergraphSdl, TODAY, subgraph);
      expect({ name, ok: report.ok, invalid: report.invalidOperations }).toEqual({ name, ok: true, invalid: [] });
    }
  });

  it("schema/released/: the released subgraph SDLs compose to the released API schema (what `-- <agency>` relies on)", () => {
    const supergraph = composeSdl(
      released.metadata.subgraphs.map((name) => ({ name, url: `http://${name}`, sdl: released.subgraphs[name] })),
    );
    expect(apiSdlOf(supergraph)).toBe(released.apiSdl);
    expect(released.metadata.releasedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("(7) supergraph.yaml is what the generator writes from the registry (`npm run schema:check -- --write-supergraph`)", async () => {
    const expected = await currentSupergraphYaml();
    const committed = fs.existsSync(SUPERGRAPH_YAML) ? fs.readFileSync(SUPERGRAPH_YAML, "utf8") : "<missing>";
    expect(committed).toBe(expected);
    // And the generator says what rover needs: the composition's version, every agency's file and URL.
    const yaml = parseYaml(committed) as { federation_version: string; subgraphs: Record<string, { routing_url: string; schema: { file: string } }> };
    expect(yaml.federation_version).toBe(`=${federationVersion()}`);
    expect(Object.keys(yaml.subgraphs)).toEqual(SUBGRAPHS.map((s) => s.name));
    for (const definition of SUBGRAPHS) {
      const entry = yaml.subgraphs[definition.name];
      expect(entry.routing_url).toBe(`http://localhost:${definition.defaultPort}/graphql`);
      const file = path.resolve(path.dirname(SUPERGRAPH_YAML), entry.schema.file);
      expect(fs.readFileSync(file, "utf8").trim()).toBe(composition.subgraphs.find((s) => s.name === definition.name)!.sdl.trim());
    }
  });
});

describe("checkSchema on a small schema", () => {
  const subgraph = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
    enum Status { ALIVE DECEASED }
    type Person @key(fields: "id") { id: ID! name: String status: Status age: Int }
    type Query {
      person(id: ID!): Person
      people(first: Int = 10): [Person!]!
      oldPeople: [Person!]! @deprecated(reason: "use people")
    }`;
  const supergraphOf = (sdl: string) => composeSdl([{ name: "s", url: "http://s", sdl }]);
  const releasedApiSdl = apiSdlOf(supergraphOf(subgraph));
  const metadata = (deprecations: Record<string, string> = {}): ReleaseMetadata => ({ releasedOn: daysAgo(200), federationVersion: "2.14.4", subgraphs: ["s"], deprecations });
  const check = (candidate: string, overrides: Partial<CheckInput> = {}) =>
    checkSchema({
      candidateSupergraphSdl: supergraphOf(candidate),
      releasedApiSdl,
      metadata: metadata({ "Query.oldPeople": daysAgo(10) }),
      allowFile: null,
      today: TODAY,
      contractSdl: null,
      operations: [],
      ...overrides,
    });

  it("passes the unchanged schema with nothing to report", async () => {
    const report = await check(subgraph);
    expect(report.ok).toBe(true);
    expect([...report.breaking, ...report.dangerous, ...report.safe]).toEqual([]);
    expect(formatCheckReport(report)).toContain("No change to the API schema.");
  });

  it("(2) fails on a removed enum value, a retyped field and a retyped argument", async () => {
    const report = await check(subgraph.replace("ALIVE DECEASED", "ALIVE").replace("age: Int", "age: String").replace("person(id: ID!)", "person(id: Int!)"));
    expect(report.ok).toBe(false);
    expect(report.breaking.map((f) => `${f.type} ${f.path}`).sort()).toEqual([
      "ENUM_VALUE_REMOVED Status.DECEASED",
      "FIELD_ARGUMENT_TYPE_CHANGED Query.person.id",
      "FIELD_TYPE_CHANGED Person.age",
    ]);
    const text = formatCheckReport(report);
    expect(text).toContain("Breaking changes (3), each fails the check:");
    expect(text).toContain("Status.DECEASED: Enum value 'DECEASED' was removed from enum 'Status'");
  });

  it("(3) passes additions: a type, a field, an optional argument", async () => {
    const report = await check(subgraph.replace("age: Int", "age: Int nickname: String").replace("person(id: ID!)", "person(id: ID!, asOf: String)") + "\ntype Extra { x: Int }");
    expect(report.ok).toBe(true);
    expect(report.breaking).toEqual([]);
    expect(paths(report.safe)).toEqual(["Extra", "Extra.x", "Person.nickname"]);
    // GraphQL Inspector calls a new optional argument on an existing field dangerous: it passes, reported.
    expect(paths(report.dangerous)).toEqual(["Query.person.asOf"]);
  });

  it("(4) lets a breaking change listed in the allow-file pass, and only that one", async () => {
    const candidate = subgraph.replace("age: Int", "").replace("ALIVE DECEASED", "ALIVE");
    const entry = { path: "Person.age", reason: "No client reads age: the web app computes it from the birth date.", date: daysAgo(1), reviewedBy: "schema review" };
    const report = await check(candidate, { allowFile: { allowed: [entry] } });
    expect(paths(report.allowed)).toEqual(["Person.age"]);
    expect(report.allowed[0].reason).toContain(entry.reason);
    expect(paths(report.breaking)).toEqual(["Status.DECEASED"]);
    expect(report.ok).toBe(false);

    const both = await check(candidate, { allowFile: { allowed: [entry, { ...entry, path: "Status.DECEASED" }, { ...entry, path: "Person.name" }] } });
    expect(both.ok).toBe(true);
    expect(paths(both.unusedAllowEntries as Array<{ path: string }>)).toEqual(["Person.name"]);
    expect(formatCheckReport(both)).toContain("allowed on");
  });

  it("(4) refuses allow-file entries without a reason or a review date", async () => {
    const report = await check(subgraph.replace("age: Int", ""), { allowFile: { allowed: [{ path: "Person.age", date: "someday" }] } });
    expect(report.ok).toBe(false);
    expect(paths(report.breaking)).toEqual(["Person.age"]);
    expect(report.allowFileErrors.join("\n")).toMatch(/entry 1 \(Person\.age\).*reason.*date/);
  });

  it("(5) reports a dangerous change (a new enum value) and passes", async () => {
    const report = await check(subgraph.replace("ALIVE DECEASED", "ALIVE DECEASED MISSING"));
    expect(report.ok).toBe(true);
    expect(report.dangerous.map((f) => `${f.type} ${f.path}`)).toEqual(["ENUM_VALUE_ADDED Status.MISSING"]);
    expect(formatCheckReport(report)).toMatch(/Dangerous changes \(1\)[^\n]*\n {2}Status\.MISSING/);
  });

  it(`(6) fails removing a field deprecated for less than ${DEPRECATION_DAYS} days, passes after`, async () => {
    const candidate = subgraph.replace(/oldPeople.*\n/, "\n");
    const early = await check(candidate);
    expect(early.ok).toBe(false);
    expect(paths(early.breaking)).toEqual(["Query.oldPeople"]);
    expect(early.breaking[0].reason).toContain(`only 10 of the ${DEPRECATION_DAYS} days`);

    const late = await check(candidate, { metadata: metadata({ "Query.oldPeople": daysAgo(DEPRECATION_DAYS) }) });
    expect(late.ok).toBe(true);
    expect(paths(late.retired)).toEqual(["Query.oldPeople"]);
    // Not deprecated at all: no period runs, however old the release.
    const undeprecated = await check(subgraph.replace("name: String", ""), { metadata: metadata({ "Query.oldPeople": daysAgo(500) }) });
    expect(paths(undeprecated.breaking)).toEqual(["Person.name"]);
  });

  it("fails when a client operation no longer validates; reports deprecated usage", async () => {
    const operations = [
      { name: "web/person.graphql", body: "query P($id: ID!) { person(id: $id) { name age } }" },
      { name: "web/old.graphql", body: "query O { oldPeople { id } }" },
    ];
    const fine = await check(subgraph, { operations });
    expect(fine.ok).toBe(true);
    expect(fine.deprecatedUsages.map((d) => d.name)).toEqual(["web/old.graphql"]);
    const broken = await check(subgraph.replace("age: Int", ""), { operations, allowFile: { allowed: [{ path: "Person.age", reason: "Reviewed: the web app stops asking.", date: TODAY }] } });
    expect(broken.ok).toBe(false);
    expect(broken.invalidOperations.map((d) => d.name)).toEqual(["web/person.graphql"]);
    expect(formatCheckReport(broken)).toContain('Cannot query field "age" on type "Person"');
    expect(readOperations(path.join(__dirname, "no-such-web-dir"))).toEqual([]);
  });

  it("with one agency checked, sets apart an operation that fails against the release too, and fails the one this agency breaks", async () => {
    const operations = [
      { name: "web/person.graphql", body: "query P($id: ID!) { person(id: $id) { name age } }" },
      { name: "web/next.graphql", body: "query N { people { nickname } }" },
    ];
    const agency = { name: "s", candidateSdl: subgraph, releasedSdl: null };
    const waiting = await check(subgraph, { operations, subgraph: agency });
    expect([waiting.ok, waiting.awaitingRelease.map((d) => d.name), waiting.invalidOperations]).toEqual([true, ["web/next.graphql"], []]);
    expect(formatCheckReport(waiting)).toContain("waiting for other agencies' release (1)");
    const allowAge = { allowed: [{ path: "Person.age", reason: "Reviewed: the web app stops asking.", date: TODAY }] };
    const broken = await check(subgraph.replace("age: Int", ""), { operations, subgraph: agency, allowFile: allowAge });
    expect([broken.ok, broken.invalidOperations.map((d) => d.name)]).toEqual([false, ["web/person.graphql"]]);
  });

  it("fails when the contract loses coverage", async () => {
    const report = await check(subgraph, { contractSdl: "type Query { person(id: ID!): Person } type Person { id: ID! email: String }" });
    expect(report.ok).toBe(false);
    expect(report.contract?.gaps.map((g) => g.item)).toEqual(["Person.email"]);
  });

  it("release files record the release day and keep each deprecation's first release day", () => {
    const composition = { subgraphs: [{ name: "s", sdl: subgraph }], supergraphSdl: supergraphOf(subgraph) };
    const first = releaseFiles(composition, null, daysAgo(30), "2.14.4");
    const firstMeta = JSON.parse(first["release.json"]) as ReleaseMetadata;
    expect(firstMeta).toEqual({ releasedOn: daysAgo(30), federationVersion: "2.14.4", subgraphs: ["s"], deprecations: { "Query.oldPeople": daysAgo(30) } });
    expect(first["api.graphql"]).toBe(releasedApiSdl);
    const deprecatedMore = subgraph.replace("age: Int", 'age: Int @deprecated(reason: "use birthDate")');
    const second = releaseFiles({ subgraphs: [{ name: "s", sdl: deprecatedMore }], supergraphSdl: supergraphOf(deprecatedMore) }, firstMeta, TODAY, "2.14.4");
    expect(JSON.parse(second["release.json"]).deprecations).toEqual({ "Person.age": TODAY, "Query.oldPeople": daysAgo(30) });
  });

  it("docs/schema-changes.md states the deprecation period the check applies", () => {
    const policy = fs.readFileSync(path.join(__dirname, "..", "docs", "schema-changes.md"), "utf8");
    expect(policy).toContain(`${DEPRECATION_DAYS} days`);
    expect(daysBetween(daysAgo(DEPRECATION_DAYS), TODAY)).toBe(DEPRECATION_DAYS);
  });
});
