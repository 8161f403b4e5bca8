import { graphql } from "graphql";
import { Ctx, Query, Resolver } from "type-graphql";
import type { DataSource } from "typeorm";
import type { Role } from "../auth/viewer";
import type { RequestContext } from "../context";
import { RequiresRole } from "../graphql/authorization";
import { buildFederatedSchema } from "../graphql/federatedSchema";
import { testContext } from "../../test/support/context";

@Resolver()
class DashboardProbe {
  @RequiresRole("ANALYST", "LABOR_OFFICER")
  @Query(() => String)
  figures(@Ctx() ctx: RequestContext): string {
    return `figures for ${ctx.viewer!.nationalId}`;
  }
}

/** A field's roles are declared once (RequiresRole): the SDL the gateway reads and the subgraph's own check agree. */
describe("roles declared once", () => {
  const noDatabase = {} as DataSource;
  const as = (roles: Role[] | null) => testContext(noDatabase, roles ? { nationalId: "1000000933", roles } : null);

  it("writes @requiresScopes into the subgraph's SDL and enforces the same roles in the subgraph", async () => {
    const schema = await buildFederatedSchema({ resolvers: [DashboardProbe] });
    const sdl = (await graphql({ schema, source: "{ _service { sdl } }", contextValue: as(null) })).data?._service as { sdl: string };
    expect(sdl.sdl).toMatch(/figures: String! @requiresScopes\(scopes: \[\["ANALYST"\], \["LABOR_OFFICER"\]\]\)/);

    const run = async (roles: Role[] | null) => graphql({ schema, source: "{ figures }", contextValue: as(roles) });
    expect((await run(["ANALYST"])).data).toEqual({ figures: "figures for 1000000933" });
    expect((await run(["LABOR_OFFICER"])).data).toEqual({ figures: "figures for 1000000933" });
    expect((await run(["CITIZEN"])).errors?.map((e) => e.extensions.code)).toEqual(["FORBIDDEN"]);
    expect((await run(null)).errors?.map((e) => e.extensions.code)).toEqual(["UNAUTHENTICATED"]);
  });
});
