import { graphql } from "graphql";
import { Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import type { DataSource } from "typeorm";
import type { Role } from "../auth/viewer";
import type { RequestContext } from "../context";
import { Authenticated, RequiresRole } from "../graphql/authorization";
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

/** A type only a caller with a token may see, reached through a protected field and through `_entities`. */
@ObjectType()
@Directive('@key(fields: "id")')
@Authenticated()
class Dossier {
  @Field(() => ID)
  id!: string;
}

@Resolver()
class DossierProbe {
  @Authenticated()
  @Query(() => Dossier)
  dossier(): Dossier {
    return Object.assign(new Dossier(), { id: "d-1" });
  }

  @Authenticated()
  @Query(() => String)
  whoAmI(@Ctx() ctx: RequestContext): string {
    return ctx.viewer!.nationalId;
  }
}

/** The same type, leaked by a root field that forgot its check. */
@Resolver()
class LeakyDossierProbe {
  @Query(() => Dossier)
  openDossier(): Dossier {
    return Object.assign(new Dossier(), { id: "d-2" });
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

/** `Authenticated()` is declared once per field or type: the SDL the gateway reads and the subgraph's own check agree. */
describe("authenticated declared once", () => {
  const noDatabase = {} as DataSource;
  const anonymous = testContext(noDatabase, null);
  const citizen = testContext(noDatabase, { nationalId: "1000000016", roles: ["CITIZEN"] });
  const dossierSchema = () =>
    buildFederatedSchema({
      resolvers: [DossierProbe],
      referenceResolvers: { Dossier: { __resolveReference: (ref: { id: string }) => Object.assign(new Dossier(), ref) } },
    });

  it("writes @authenticated on the field and on the type, and refuses both to a caller without a token", async () => {
    const schema = await dossierSchema();
    const sdl = ((await graphql({ schema, source: "{ _service { sdl } }", contextValue: anonymous })).data?._service as { sdl: string }).sdl;
    expect(sdl).toMatch(/type Dossier @key\(fields: "id"\) @authenticated/);
    expect(sdl).toMatch(/whoAmI: String! @authenticated/);

    expect((await graphql({ schema, source: "{ whoAmI }", contextValue: citizen })).data).toEqual({ whoAmI: "1000000016" });
    expect((await graphql({ schema, source: "{ whoAmI }", contextValue: anonymous })).errors?.map((e) => e.extensions.code)).toEqual(["UNAUTHENTICATED"]);

    const entities = `{ _entities(representations: [{ __typename: "Dossier", id: "d-9" }]) { ... on Dossier { id } } }`;
    expect((await graphql({ schema, source: entities, contextValue: citizen })).data).toEqual({ _entities: [{ id: "d-9" }] });
    const refused = await graphql({ schema, source: entities, contextValue: anonymous });
    expect(refused.errors?.map((e) => e.extensions.code)).toEqual(["UNAUTHENTICATED"]);
  });

  it("refuses to build a subgraph whose unprotected field reaches an @authenticated type", async () => {
    await expect(buildFederatedSchema({ resolvers: [LeakyDossierProbe] })).rejects.toThrow(
      "Query.openDossier reaches Dossier, which is @authenticated, without a check",
    );
  });
});
