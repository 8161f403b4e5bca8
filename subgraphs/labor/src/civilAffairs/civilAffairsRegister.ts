import type { RequestContext } from "../../../../kernel/context";
import type { ReplicaReader } from "../../../../kernel/http/replicas";
import { AppError, type ErrorCode } from "../../../../kernel/errors";
import { PURPOSE_HEADER, purposeHeader } from "../../../../kernel/audit/purpose";
import { REGISTER_FACTS, type FamilyComposition } from "../family/family.type";

const FAMILY_QUERY = `query LaborFamilyComposition($registerNumber: ID!) {
  family(registerNumber: $registerNumber) { registerNumber viewerMayAct ${REGISTER_FACTS} }
}`;

const PERSON_QUERY = `query LaborFourEyes($nationalId: ID!) {
  citizen(nationalId: $nationalId) { viewerMayAct birthDate }
}`;

/** Civil-affairs' refusals that labor passes on as they are (already in the caller's language). */
const PASSED_ON = new Set<string>(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT"]);

interface Response<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** A family's composition, and whether four-eyes lets the reading officer act on it (civil-affairs knows his spouse and children). */
export type RegisterFamily = FamilyComposition & { viewerMayAct: boolean };

/** Where labor reads a family's composition when the gateway cannot hand it over, and asks civil-affairs' four-eyes. */
export interface FamilyRegister {
  family(registerNumber: string, ctx: RequestContext): Promise<RegisterFamily | null>;
  /** The person as civil-affairs knows him, or null when it knows no such person. */
  person(nationalId: string, ctx: RequestContext): Promise<RegisterPerson | null>;
}

/** What a wage needs of a person: four-eyes (false for the reading officer, his spouse or his child: RULES.md) and his birth date. */
export interface RegisterPerson {
  viewerMayAct: boolean;
  birthDate: string;
}

/**
 * The family register as civil-affairs' API answers it, read on behalf of the caller: their
 * Authorization header is forwarded, so civil-affairs applies its own access rules. Used where the
 * gateway cannot hand labor the composition (@requires works on entity fields, not root mutations).
 */
export class CivilAffairsRegister implements FamilyRegister {
  constructor(private readonly civilAffairs: ReplicaReader) {}

  async family(registerNumber: string, ctx: RequestContext): Promise<RegisterFamily | null> {
    return (await this.ask<{ family: RegisterFamily | null }>(FAMILY_QUERY, { registerNumber }, ctx))?.family ?? null;
  }

  async person(nationalId: string, ctx: RequestContext): Promise<RegisterPerson | null> {
    return (await this.ask<{ citizen: RegisterPerson | null }>(PERSON_QUERY, { nationalId }, ctx))?.citizen ?? null;
  }

  /** One query to civil-affairs' API on the caller's behalf; its refusals passed on as they are. */
  private async ask<T>(query: string, variables: Record<string, unknown>, ctx: RequestContext): Promise<T | null> {
    const headers: Record<string, string> = { "content-type": "application/json", "accept-language": ctx.lang, "x-request-id": ctx.requestId };
    if (ctx.authorization) headers.authorization = ctx.authorization;
    if (ctx.purpose) headers[PURPOSE_HEADER] = purposeHeader(ctx.purpose);
    const response = await this.civilAffairs.fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }), timeoutMs: 10_000 });
    const body = (await response.json()) as Response<T>;
    const error = body.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? "UNKNOWN";
      if (PASSED_ON.has(code)) throw new AppError(code as ErrorCode, error.message);
      throw new Error(`civil-affairs refused labor's question (${code}): ${error.message}`);
    }
    return body.data ?? null;
  }
}

