import { FAMILY_QUERY } from "../bench/workloads";
import { startInProcessPlatform, type InProcessPlatform } from "./support/inProcessPlatform";
import { statementTally, type StatementTally, type Tally } from "./support/statementTally";

const FAHAD = { id: "1000000016", register: "" };
const LABOR_OFFICER = "1000000917";
const CIVIL_AFFAIRS_OFFICER = "1000000909";
/** The bench's 50-family review as a labor officer asks it (a card's delivery is for civil-affairs and postal staff). */
const REVIEW_QUERY = `query Review($registerNumbers: [ID!]!) {
  familiesForReview(registerNumbers: $registerNumbers) {
    registerNumber
    eligibility { program { code } eligible monthlyAmount { formatted } reasons }
    card { cardNumber status }
  }
}`;
const REGISTER_QUERY = `query Register($registerNumber: ID!) {
  family(registerNumber: $registerNumber) { registerNumber members { relation citizen { nationalId fullNameAr } } card { cardNumber status } }
}`;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** The SQL a request costs the platform, across the three subgraphs: few statements, and as many for 50 families as for one. */
describe("SQL statements per request", () => {
  let platform: InProcessPlatform;
  let tally: StatementTally;
  let fahad: string;
  let officer: string;
  let civilAffairsOfficer: string;
  let registers: string[];
  beforeAll(async () => {
    platform = await startInProcessPlatform();
    tally = await statementTally(Object.fromEntries(Object.entries(platform.subgraphs).map(([name, subgraph]) => [name, subgraph.graphqlUrl])));
    [fahad, officer, civilAffairsOfficer] = await Promise.all([platform.login(FAHAD.id), platform.login(LABOR_OFFICER), platform.login(CIVIL_AFFAIRS_OFFICER)]);
    const db = platform.subgraphs["civil-affairs"].db;
    FAHAD.register = (await db.query(`SELECT register_number FROM family_member WHERE national_id = $1`, [FAHAD.id]))[0].register_number;
    registers = (await db.query(`SELECT register_number FROM family ORDER BY register_number LIMIT 50`)).map((r: { register_number: string }) => r.register_number);
  });
  afterAll(async () => {
    await tally?.stop();
    await platform?.stop();
  });

  const run = async (query: string, variables: Record<string, unknown>, token: string): Promise<Tally> => {
    const result = await tally.run(query, variables, token);
    expect(result.errors).toEqual([]);
    return result.tally;
  };

  it("answers a citizen's unified family query with at most 7 reads, plus one audit write per subgraph fetch", async () => {
    const cost = await run(FAMILY_QUERY, { registerNumber: FAHAD.register }, fahad);
    expect(total(cost.statements)).toBeLessThanOrEqual(7 + total(cost.fetches));
  });

  it("reads the asked register in civil-affairs once: its members with their citizens, its row and its active card, which also say whether a citizen may read it", async () => {
    // The officer asks civil-affairs' part of it: eligibility is labor's to show.
    const db = platform.subgraphs["civil-affairs"].db;
    const members: Array<{ national_id: string }> = await db.query(`SELECT national_id FROM family_member WHERE register_number = $1 ORDER BY national_id`, [FAHAD.register]);
    const [card] = await db.query(`SELECT card_number FROM family_card WHERE register_number = $1 AND status = 'ACTIVE'`, [FAHAD.register]);
    for (const [query, token] of [[FAMILY_QUERY, fahad], [REGISTER_QUERY, civilAffairsOfficer]] as const) {
      const result = await tally.run(query, { registerNumber: FAHAD.register }, token);
      expect(result.errors).toEqual([]);
      const family = result.data!.family as { members: Array<{ citizen: { nationalId: string } }>; card: { cardNumber: string; status: string } };
      expect(family.members.map((member) => member.citizen.nationalId).sort()).toEqual(members.map((member) => member.national_id));
      expect(family.card).toMatchObject({ cardNumber: card.card_number, status: "ACTIVE" });
      expect(result.tally.fetches["civil-affairs"]).toBe(1);
      // Plus the fetch's audit write.
      expect(result.tally.statements["civil-affairs"]).toBe(1 + 1);
    }
  });

  it("reads the reviewed registers in civil-affairs once, with their members, citizens and cards", async () => {
    const cost = await run(REVIEW_QUERY, { registerNumbers: registers }, officer);
    expect(cost.fetches["civil-affairs"]).toBe(1);
    // Plus the fetch's audit write.
    expect(cost.statements["civil-affairs"]).toBe(1 + 1);
  });

  it("reviews 50 families with the statements it takes for one", async () => {
    const costs = [];
    for (const count of [1, 10, 50]) costs.push(await run(REVIEW_QUERY, { registerNumbers: registers.slice(0, count) }, officer));
    expect(costs[1]!.statements).toEqual(costs[0]!.statements);
    expect(costs[2]!.statements).toEqual(costs[0]!.statements);
  });
});
