import type { RequestContext } from "../../../../kernel/context";
import type { ReplicaReader } from "../../../../kernel/http/replicas";
import { AppError, type ErrorCode } from "../../../../kernel/errors";
import { PURPOSE_HEADER, purposeHeader } from "../../../../kernel/audit/purpose";
import { REGISTER_FACTS, type FamilyComposition } from "../family/family.type";

const FAMILY_QUERY = `query LaborFamilyComposition($registerNumber: ID!) {
  family(registerNumber: $registerNumber) { registerNumber ${REGISTER_FACTS} }
}`;

/** Civil-affairs' refusals that labor passes on as they are (already in the caller's language). */
const PASSED_ON = new Set<string>(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT"]);

interface FamilyResponse {
  data?: { family: FamilyComposition | null } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Where labor reads a family's composition when the gateway cannot hand it over. */
export interface FamilyRegister {
  family(registerNumber: string, ctx: RequestContext): Promise<FamilyComposition | null>;
}

/**
 * The family register as civil-affairs' API answers it, read on behalf of the caller: their
 * Authorization header is forwarded, so civil-affairs applies its own access rules. Used where the
 * gateway cannot hand labor the composition (@requires works on entity fields, not root mutations).
 */
export class CivilAffairsRegister implements FamilyRegister {
  constructor(private readonly civilAffairs: ReplicaReader) {}

  async family(registerNumber: string, ctx: RequestContext): Promise<FamilyComposition | null> {
    const headers: Record<string, string> = { "content-type": "application/json", "accept-language": ctx.lang, "x-request-id": ctx.requestId };
    if (ctx.authorization) headers.authorization = ctx.authorization;
    if (ctx.purpose) headers[PURPOSE_HEADER] = purposeHeader(ctx.purpose);
    const response = await this.civilAffairs.fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query: FAMILY_QUERY, variables: { registerNumber } }),
      timeoutMs: 10_000,
    });
    const body = (await response.json()) as FamilyResponse;
    const error = body.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? "UNKNOWN";
      if (PASSED_ON.has(code)) throw new AppError(code as ErrorCode, error.message);
      throw new Error(`civil-affairs refused the family composition (${code}): ${error.message}`);
    }
    return body.data?.family ?? null;
  }
}

/**
 * The caller's Authorization header. RequestContext.authorization is a requested kernel addition
 * (the kernel verifies the token but does not yet keep it); until it lands this is null.
 */
