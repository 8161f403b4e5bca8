import type { DataSource } from "typeorm";
import { graphql } from "../../../test/support/http";
import type { TestSubgraph, TokenIssuer } from "../../../test/support/subgraph";
import { Account } from "../src/identity/account.entity";
import { hashPassword } from "../src/identity/passwords";
import { DEMO_PASSWORD_HASH } from "../src/seed/seedDemo";
import { DEMO_PASSWORD } from "../../../seed/demoCast";

export const PASSWORD = "test-password";

/**
 * A cheap scrypt cost for the tests' accounts: `login` verifies a hash with the cost stored in it,
 * so a test's sign-in takes the real path in a hundredth of the CPU and memory (tests sign in
 * hundreds of times; passwords.test.ts covers the sign-in cost).
 */
const TEST_ACCOUNT_COST = { N: 1024, r: 8, p: 1 };

/**
 * civil-affairs signs its own tokens: a token is a sign-in through `login`, for an account that
 * is created (or updated) first with PASSWORD and the roles, for any person of the registry.
 */
export function signIn(subgraph: TestSubgraph): TokenIssuer {
  const hash = hashPassword(PASSWORD, TEST_ACCOUNT_COST);
  return {
    async tokenFor(nationalId, roles = []) {
      await subgraph.db.createQueryBuilder().insert().into(Account).values({ nationalId, passwordHash: await hash, roles }).orUpdate(["password_hash", "roles"], ["national_id"]).execute();
      const login = await graphql(subgraph.graphqlUrl, `mutation($id: ID!, $pw: String!) { login(nationalId: $id, password: $pw) { accessToken } }`, { id: nationalId, pw: PASSWORD });
      const token = login.data?.login?.accessToken;
      if (!token) throw new Error(`login failed for ${nationalId}: ${JSON.stringify(login.errors)}`);
      return token;
    },
  };
}

/**
 * The demo accounts' password, stored again at the tests' cost: the end-to-end and browser tests
 * sign in as the demo cast ~170 times a run, each ~0.2 s of CPU at the seed's real cost.
 */
export async function cheapenDemoPasswords(db: DataSource): Promise<void> {
  await db.getRepository(Account).update({ passwordHash: DEMO_PASSWORD_HASH }, { passwordHash: await hashPassword(DEMO_PASSWORD, TEST_ACCOUNT_COST) });
}

const handedOut = new WeakMap<DataSource, Set<string>>();

/** Heads of seeded families that have an active card and no application in progress, each handed out once per database. */
export async function headsWithCards(db: DataSource, count: number): Promise<string[]> {
  const used = handedOut.get(db) ?? new Set<string>();
  handedOut.set(db, used);
  const rows: Array<{ head_id: string }> = await db.query(
    `SELECT f.head_id FROM family f JOIN family_card c ON c.register_number = f.register_number AND c.status = 'ACTIVE'
     WHERE f.register_number LIKE '31%' AND NOT EXISTS (SELECT 1 FROM card_application a WHERE a.applicant_id = f.head_id AND a.status IN ('DRAFT','SUBMITTED','UNDER_REVIEW','NEEDS_CORRECTION','APPROVED'))
     ORDER BY f.head_id`,
  );
  const heads = rows.map((r) => r.head_id).filter((id) => !used.has(id)).slice(0, count);
  if (heads.length < count) throw new Error(`only ${heads.length} free heads with cards`);
  heads.forEach((id) => used.add(id));
  return heads;
}
