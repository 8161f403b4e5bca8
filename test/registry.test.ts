import fs from "node:fs";
import path from "node:path";
import { OFFICER_ROLES, ROLES } from "../kernel/auth/viewer";
import { gatewaySettings } from "../gateway/src/settings";
import { assertComposesTheAgencies } from "../gateway/src/supergraphFile";
import { SUBGRAPHS } from "../subgraphs";
import { AGENCIES, AGENCY_NAMES, agency } from "../subgraphs/agencies";
import { staleAgencyFiles } from "../scripts/agencyFiles";
import { parseSeedArgs } from "../scripts/seed";

const ROOT = path.resolve(__dirname, "..");
const SUPERGRAPH = path.join(ROOT, "schema/supergraph.graphql");

/** The registry of agencies (subgraphs/agencies.ts) is what everything else about them derives from. */
describe("the registry of agencies", () => {
  it("has one subgraph definition per agency, in its order, with its name and port", () => {
    expect(SUBGRAPHS.map((definition) => [definition.name, definition.defaultPort])).toEqual(AGENCIES.map((entry) => [entry.name, entry.defaultPort]));
    for (const name of AGENCY_NAMES) expect(fs.existsSync(path.join(ROOT, "subgraphs", name, "src", "main.ts"))).toBe(true);
    expect(new Set(AGENCIES.map((entry) => entry.defaultPort)).size).toBe(AGENCIES.length);
  });

  it("gives the gateway one URL setting per agency, defaulting to its port", () => {
    for (const entry of AGENCIES) expect(gatewaySettings[entry.urlSetting].parse(undefined, entry.urlSetting)).toEqual([`http://127.0.0.1:${entry.defaultPort}`]);
  });

  it("names every officer role once, each with its agency", () => {
    const roles = AGENCIES.flatMap((entry) => [...entry.roles]);
    expect([...roles].sort()).toEqual([...OFFICER_ROLES].sort());
    for (const role of roles) expect(ROLES).toContain(role);
  });

  it("matches the composed supergraph, and a supergraph that lacks or adds an agency stops the gateway with a clear message", () => {
    const sdl = fs.readFileSync(SUPERGRAPH, "utf8");
    expect(() => assertComposesTheAgencies(sdl, SUPERGRAPH)).not.toThrow();
    const withoutLabor = sdl.replace(/^.*@join__graph\(name: "labor".*$/m, "");
    expect(() => assertComposesTheAgencies(withoutLabor, SUPERGRAPH)).toThrow(/lacks the agency "labor".*npm run compose/);
    const withStranger = sdl.replace(/^(\s*)LABOR @join__graph/m, '$1STRANGER @join__graph(name: "stranger", url: "http://localhost:4999/graphql")\n$1LABOR @join__graph');
    expect(() => assertComposesTheAgencies(withStranger, SUPERGRAPH)).toThrow(/composes "stranger", which the registry/);
  });

  it("writes the files that name the agencies (compose, Kubernetes, router, init script, docs tables): none differs from the generator's", () => {
    const stale = staleAgencyFiles();
    if (stale.length > 0) throw new Error(`${stale.join(", ")}: not what the registry and the agencies' deployment.ts generate; run npm run agencies:write`);
  });

  it("refuses a name it does not know", () => {
    expect(() => agency("no-such-agency")).toThrow(new RegExp(`No agency "no-such-agency" in the registry.*${AGENCY_NAMES.join(", ")}`));
  });

  it("names the agency `npm run seed -- <agency>` seeds alone, and only one it knows", () => {
    expect(parseSeedArgs(["labor", "--families", "5"])).toEqual({ families: 5, chunk: undefined, agencies: ["labor"] });
    expect(parseSeedArgs(["--families", "5", "--chunk", "2"])).toEqual({ families: 5, chunk: 2, agencies: undefined });
    expect(() => parseSeedArgs(["no-such-agency", "--families", "5"])).toThrow(/No agency "no-such-agency" in the registry/);
    expect(() => parseSeedArgs(["labor"])).toThrow(/^usage: npm run seed -- \[<agency>\] --families N/);
  });
});
