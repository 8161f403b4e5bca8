import { graphql, type GraphQLResponse, PURPOSE } from "../support/http";
import { startTestStack, type TestStack } from "../support/stack";

const CYCLE = {
  create: `mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: SAUDI_POST }) { id } }`,
  submit: `mutation($id: ID!) { submitCardApplication(id: $id) { status } }`,
  review: `mutation($id: ID!) { startReview(id: $id) { status } }`,
  approve: `mutation($id: ID!) { approveCardApplication(id: $id) { status } }`,
  issue: `mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber } }`,
};

const CARDS = `{ me { family { cards { cardNumber delivery { __typename ... on Shipment { trackingNumber status recipientName address { city } } } } } } }`;

async function until<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error("not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Issued cards reach delivery through civil-affairs' outbox: once each, even when delivery is down. */
describe("from issue to delivery across agencies", () => {
  let stack: TestStack;
  let fahad: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;
  let officer: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;
  beforeAll(async () => {
    // On disk, so that delivery keeps its data across the restart below; a brisk outbox.
    stack = await startTestStack({ EMBEDDED_DATABASE: "disk", OUTBOX_POLL_MS: "100", OUTBOX_MAX_BACKOFF_MS: "500" });
    const [fahadToken, officerToken] = [await stack.login("1000000016"), await stack.login("1000000909")];
    fahad = (query, variables = {}) => graphql(stack.gatewayUrl, query, variables, { token: fahadToken });
    officer = (query, variables = {}) => graphql(stack.gatewayUrl, query, variables, { token: officerToken, headers: PURPOSE });
  });
  afterAll(() => stack?.stop());

  async function issueReplacement(): Promise<string> {
    const id = (await fahad(CYCLE.create)).data.createCardApplication.id;
    for (const [caller, step] of [[fahad, CYCLE.submit], [officer, CYCLE.review], [officer, CYCLE.approve]] as const) {
      const result = await caller(step, { id });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
    return (await officer(CYCLE.issue, { id })).data.issueFamilyCard.cardNumber;
  }

  const deliveriesByCard = async () => {
    const cards = (await fahad(CARDS)).data?.me?.family?.cards ?? [];
    return new Map<string, { __typename: string; trackingNumber?: string } | null>(cards.map((c: { cardNumber: string; delivery: never }) => [c.cardNumber, c.delivery]));
  };

  it("shows the shipment of a newly issued card within seconds", async () => {
    const started = Date.now();
    const cardNumber = await issueReplacement();
    const delivery = await until(async () => (await deliveriesByCard()).get(cardNumber) ?? null, 10_000);
    expect(delivery).toMatchObject({ __typename: "Shipment", status: "CREATED", recipientName: "فهد عبدالله العتيبي", address: { city: "Riyadh" } });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("loses and doubles nothing when delivery is down while 20 cards are issued", async () => {
    await stack.stopService("delivery");
    const issued: string[] = [];
    for (let i = 0; i < 20; i++) issued.push(await issueReplacement());
    await stack.startService("delivery");
    const deliveries = await until(async () => {
      const byCard = await deliveriesByCard();
      return issued.every((card) => byCard.get(card)) ? byCard : null;
    }, 30_000);
    const trackingNumbers = issued.map((card) => deliveries.get(card)!.trackingNumber);
    expect(new Set(trackingNumbers).size).toBe(20);
    // Every card of the family has exactly one delivery, the old ones included.
    expect([...deliveries.values()].every((d) => d !== null)).toBe(true);
  });
});
