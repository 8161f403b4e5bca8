import { Kind, type GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../../../kernel/context";
import { appError } from "../../../../kernel/errors";
import { ChecksInput } from "../../../../kernel/graphql/inputChecks";
import { checkCredentials, login, type LoginPolicy } from "./login";
import { identityMessages } from "./messages";
import { Session } from "./session.type";
import type { SigningKeys } from "./signingKeys";

/**
 * Password hashes run on libuv's thread pool (4 threads): past `maxInFlight` sign-ins at once, the
 * next ones would only queue behind them until the gateway times out, for everyone. They are
 * answered RATE_LIMITED at once instead, before their attempt is counted.
 */
@Resolver()
export class LoginResolver {
  private inFlight = 0;

  constructor(
    private readonly keys: SigningKeys,
    private readonly policy: LoginPolicy,
    private readonly maxInFlight: number,
  ) {}

  @ChecksInput(checkCredentials)
  @Mutation(() => Session, { description: "Sign in with national ID and password." })
  async login(
    @Arg("nationalId", () => ID) nationalId: string,
    @Arg("password") password: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Session> {
    if (this.inFlight >= this.maxInFlight) {
      // No HTTP status of its own: behind the gateway a 429 from a subgraph would read as a failed fetch.
      throw appError("RATE_LIMITED", ctx.lang, identityMessages.busy[ctx.lang](), { retryAfterSeconds: 1 });
    }
    this.inFlight += 1;
    try {
      const session = await login(ctx.db, this.keys, this.policy, ctx.lang, nationalId, password);
      // The session's citizen is read as the one who has just signed in (his own mobile, address and
      // family), unless the request came with a token of its own or asks more than the sign-in: no
      // other field of the document runs as him without his token.
      const [only, ...others] = info.operation.selectionSet.selections;
      if (others.length === 0 && only?.kind === Kind.FIELD) ctx.viewer ??= { nationalId: session.citizen.nationalId, roles: session.roles };
      return session;
    } finally {
      this.inFlight -= 1;
    }
  }
}
