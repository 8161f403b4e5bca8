import { decodeJwt } from "jose";
import { Ctx, Mutation, Resolver } from "type-graphql";
import { bearerToken } from "../../../../kernel/auth/tokens";
import { requireViewer, type RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import type { RevokedTokens } from "./revokedTokens";

@Resolver()
export class LogoutResolver {
  constructor(private readonly revoked: RevokedTokens) {}

  @Mutation(() => Boolean, {
    description:
      "Revokes the caller's access token until it expires: refused at once by civil-affairs, and by the gateway and the other subgraphs within TOKEN_REVOCATION_REFRESH_MS (5 s by default).",
  })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    const viewer = requireViewer(ctx);
    const token = bearerToken(ctx.authorization ?? undefined);
    // The token was verified for this request (the viewer comes from it): its claims can be read as they are.
    const claims = token ? decodeJwt(token) : null;
    if (!claims?.jti || !claims.exp) throw appError("UNAUTHENTICATED", ctx.lang);
    await this.revoked.revoke(claims.jti, viewer.nationalId, new Date(claims.exp * 1000));
    return true;
  }
}
