import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import { login, type LoginPolicy } from "./login";
import { Session } from "./session.type";
import type { SigningKeys } from "./signingKeys";

@Resolver()
export class LoginResolver {
  constructor(
    private readonly keys: SigningKeys,
    private readonly policy: LoginPolicy,
  ) {}

  @Mutation(() => Session, { description: "Sign in with national ID and password." })
  login(
    @Arg("nationalId", () => ID) nationalId: string,
    @Arg("password") password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Session> {
    return login(ctx.db, this.keys, this.policy, ctx.lang, nationalId, password);
  }
}
