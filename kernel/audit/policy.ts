import type { RequestContext } from "../context";

/** Whose data an object is: national IDs, or null when this subgraph cannot tell from the object. */
export type Owners = readonly string[] | null;

/** One GraphQL object type that carries a person's data. */
export interface PersonalType {
  owners(value: any, ctx: RequestContext): Owners | Promise<Owners>;
  /**
   * When an object of this type is reached through a field of another personal type (e.g.
   * Family.enrollments → BenefitEnrollment), it belongs to that parent's owners; `owners` is then
   * only asked for objects reached otherwise (a mutation's result, `_entities`).
   */
  ownersFromParent?: boolean;
}

/**
 * A subgraph's "personal data map": GraphQL type name → how to find the owners of one object.
 * Every field of these types is audited when read by someone other than the owner; every
 * mutation that returns one is a change of the owners' data.
 */
export interface AuditPolicy {
  personal: Record<string, PersonalType>;
  /**
   * Queries that name one person's data by their arguments (`citizen(nationalId:)`): query field →
   * the object asked for, typed, or null when there is none. A refused read of it (FORBIDDEN) is in
   * that person's report as refused, with the fields asked for.
   */
  namedByArguments?: Record<string, (args: Record<string, unknown>, ctx: RequestContext) => Promise<{ type: string; value: object } | null>>;
}
