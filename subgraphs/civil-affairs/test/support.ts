import type { DataSource } from "typeorm";
import { graphql, type GraphQLResponse } from "../../../test/support/http";
import { startTestSubgraph, type TestSubgraph } from "../../../test/support/subgraph";
import type { DatabaseKind } from "../../../test/support/database";
import { OFFICER_ROLES, type Role } from "../../../kernel/auth/viewer";
import { civilAffairs } from "../src/definition";
import { Account } from "../src/identity/account.entity";
import { hashPassword } from "../src/identity/passwords";

export const PASSWORD = "test-password";

export interface CivilAffairsHarness {
  subgraph: TestSubgraph;
  db: DataSource;
  /** Signs in (creating an account for any registry person who has none) and returns a caller. */
  as(nationalId: string, roles?: Role[]): Promise<(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GraphQLResponse>>;
  /** Heads of seeded families that have an active card and no application in progress. */
  headsWithCards(count: number): Promise<string[]>;
  stop(): Promise<void>;
}

/** civil-affairs alone, in this process, on a fresh database of the given kind with the demo data. */
export async function startCivilAffairs(kind: DatabaseKind, env: NodeJS.ProcessEnv = {}): Promise<CivilAffairsHarness> {
  const subgraph = await startTestSubgraph(civilAffairs, { kind, env: { OUTBOX_SUBSCRIBERS: "", ...env } });
  const hash = await hashPassword(PASSWORD);
  const used = new Set<string>();
  return {
    subgraph,
    db: subgraph.db,
    async as(nationalId, roles = []) {
      await subgraph.db.createQueryBuilder().insert().into(Account).values({ nationalId, passwordHash: hash, roles }).orUpdate(["password_hash", "roles"], ["national_id"]).execute();
      const login = await graphql(subgraph.graphqlUrl, `mutation($id: ID!, $pw: String!) { login(nationalId: $id, password: $pw) { accessToken } }`, { id: nationalId, pw: PASSWORD });
      const token = login.data?.login?.accessToken;
      if (!token) throw new Error(`login failed for ${nationalId}: ${JSON.stringify(login.errors)}`);
      // Officers state a purpose for touching someone else's data (kernel/audit); tests may override it.
      const purpose: Record<string, string> = roles.some((role) => OFFICER_ROLES.includes(role)) ? { "x-access-purpose": "test: case handling" } : {};
      return (query, variables = {}, headers = {}) => graphql(subgraph.graphqlUrl, query, variables, { token, headers: { ...purpose, ...headers } });
    },
    async headsWithCards(count) {
      const rows: Array<{ head_id: string }> = await subgraph.db.query(
        `SELECT f.head_id FROM family f JOIN family_card c ON c.register_number = f.register_number AND c.status = 'ACTIVE'
         WHERE f.register_number LIKE '31%' AND NOT EXISTS (SELECT 1 FROM card_application a WHERE a.applicant_id = f.head_id AND a.status IN ('DRAFT','SUBMITTED','UNDER_REVIEW','NEEDS_CORRECTION','APPROVED'))
         ORDER BY f.head_id`,
      );
      const heads = rows.map((r) => r.head_id).filter((id) => !used.has(id)).slice(0, count);
      if (heads.length < count) throw new Error(`only ${heads.length} free heads with cards`);
      heads.forEach((id) => used.add(id));
      return heads;
    },
    stop: () => subgraph.stop(),
  };
}
