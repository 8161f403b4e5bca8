import { DATABASE_KINDS } from "../../../test/support/database";
import { codes, statements, violationRules } from "../../../test/support/http";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { delivery as deliveryDefinition } from "../src/definition";
import { Shipment } from "../src/shipments/shipment.entity";
import { CALLERS, carrierBatch, cardIssued } from "./cards";

const STATS = `{ deliveryStats { inTransit delivered delayed medianHoursToDeliver } }`;
const HOUR = 3_600_000;

describe.each(DATABASE_KINDS)("deliveryStats on %s", (kind) => {
  let delivery: SubgraphHarness;
  beforeAll(async () => {
    delivery = await startSubgraphHarness(deliveryDefinition, { kind, demoData: false });
  });
  afterAll(() => delivery?.stop());

  const stats = (role: "analyst" | "operator" | "officer" = "analyst") => delivery.http(STATS, {}, CALLERS[role]);

  /** A posted card issued `daysAgo` days ago, moved by the carrier; delivered `deliverAfterHours` after issue if given. */
  async function shipment(daysAgo: number, deliverAfterHours?: number, statuses: string[] = []): Promise<void> {
    const event = cardIssued({ daysAgo });
    await delivery.publish(event);
    const { trackingNumber } = await delivery.db.getRepository(Shipment).findOneByOrFail({ cardNumber: event.cardNumber });
    const issued = Date.parse(event.issuedAt);
    const path = deliverAfterHours === undefined ? statuses : ["PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"];
    const at = (i: number) => new Date(issued + (deliverAfterHours === undefined ? i + 1 : (deliverAfterHours * (i + 1)) / path.length) * HOUR).toISOString();
    const answer = await carrierBatch(delivery, path.map((status, i) => ({ trackingNumber, status, at: at(i) })));
    expect(answer.body.results.every((r: { outcome?: string }) => r.outcome === "RECORDED")).toBe(true);
  }

  it("is all zeros, with no median, before any shipment", async () => {
    expect((await stats()).data.deliveryStats).toEqual({ inTransit: 0, delivered: 0, delayed: 0, medianHoursToDeliver: null });
  });

  it("counts in transit, delivered and delayed shipments, and the median hours to deliver", async () => {
    await shipment(30, 10);
    await shipment(30, 30);
    await shipment(20, 47.5);
    await shipment(30); // CREATED, far past its estimated date: in transit and delayed
    await shipment(30, undefined, ["PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERY_FAILED"]); // delayed too
    await shipment(0); // issued an hour ago: in transit, on time
    await delivery.publish(cardIssued({ deliveryMethod: "OFFICE_PICKUP", address: null, daysAgo: 30 })); // not a shipment
    for (const role of ["analyst", "operator", "officer"] as const) {
      const response = await stats(role);
      expect(response.errors).toBeUndefined();
      expect(response.data.deliveryStats).toEqual({ inTransit: 3, delivered: 3, delayed: 2, medianHoursToDeliver: 30 });
    }
  });

  const DASHBOARD = `query($from: DateTime, $to: DateTime) { deliveryStats(from: $from, to: $to) {
    inTransit delivered delayed medianHoursToDeliver deliveredPerDay { day count } pickupsByOffice { office { id } waiting collected } } }`;
  const dashboard = async (variables: Record<string, unknown> = {}) => {
    const response = await delivery.http(DASHBOARD, variables, CALLERS.analyst);
    expect(response.errors).toBeUndefined();
    return response.data.deliveryStats;
  };

  it("lists deliveries per Riyadh calendar day within the window; in transit and delayed stay the state now", async () => {
    const before = await dashboard();
    // Two cards delivered one second apart around midnight in Riyadh (21:00 UTC), in March 2019.
    for (const [card, deliveredAt] of [["FC919000000001", "2019-03-01T20:59:59Z"], ["FC919000000002", "2019-03-01T21:00:00Z"]] as const) {
      const event = cardIssued({ cardNumber: card, eventId: `evt-${card}`, issuedAt: "2019-02-25T10:00:00Z", occurredAt: "2019-02-25T10:00:00Z" });
      expect((await delivery.publish(event)).status).toBe(201);
      const { trackingNumber } = await delivery.db.getRepository(Shipment).findOneByOrFail({ cardNumber: card });
      const steps = ["PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY"].map((status, i) => ({ trackingNumber, status, at: `2019-02-2${6 + i}T08:00:00Z` }));
      await carrierBatch(delivery, [...steps, { trackingNumber, status: "DELIVERED", at: deliveredAt }]);
    }
    const march = await dashboard({ from: "2019-03-01T00:00:00+03:00", to: "2019-03-04T00:00:00+03:00" });
    expect(march.deliveredPerDay).toEqual([
      { day: "2019-03-01", count: 1 },
      { day: "2019-03-02", count: 1 },
      { day: "2019-03-03", count: 0 },
    ]);
    expect(march.delivered).toBe(2);
    expect(march.medianHoursToDeliver).toBeCloseTo(107, 0);
    expect([march.inTransit, march.delayed]).toEqual([before.inTransit, before.delayed]);
    const recent = await dashboard();
    expect(recent.deliveredPerDay.reduce((sum: number, day: { count: number }) => sum + day.count, 0)).toBe(recent.delivered);
    expect(recent.delivered).toBe(before.delivered);
  });

  it("counts office pickups per office: waiting now, collected within the window", async () => {
    const pickup = (cardNumber: string, officeId: string) =>
      delivery.publish(cardIssued({ cardNumber, eventId: `evt-${cardNumber}`, deliveryMethod: "OFFICE_PICKUP", address: null, officeId }));
    await pickup("FC919000000101", "JED-01");
    await pickup("FC919000000102", "JED-01");
    await pickup("FC919000000103", "DMM-01");
    const officer = await delivery.as({ ...CALLERS.officer, purpose: "test" });
    for (const mutation of ["markReadyForPickup", "markCollected"]) {
      const moved = await officer(`mutation { ${mutation}(cardNumber: "FC919000000101") { status } }`);
      expect(moved.errors).toBeUndefined();
    }
    const offices = (stats: any) => Object.fromEntries(stats.pickupsByOffice.map((row: any) => [row.office.id, { waiting: row.waiting, collected: row.collected }]));
    expect(offices(await dashboard())).toMatchObject({ "JED-01": { waiting: 1, collected: 1 }, "DMM-01": { waiting: 1, collected: 0 } });
    expect(offices(await dashboard({ from: "2019-03-01T00:00:00+03:00", to: "2019-03-04T00:00:00+03:00" }))).toMatchObject({ "JED-01": { waiting: 1, collected: 0 } });
  });

  it("refuses a window over 366 days, and carries no personal data", async () => {
    const tooLong = await delivery.http(DASHBOARD, { from: "2018-01-01T00:00:00Z", to: "2019-03-04T00:00:00Z" }, CALLERS.analyst);
    expect(violationRules(tooLong)).toEqual(["WINDOW_TOO_LONG"]);
    expect(JSON.stringify(await dashboard())).not.toMatch(/\d{10}|RR\d|FC\d|[\u0600-\u06FF]/);
  });

  it("is refused to a citizen and without a token", async () => {
    const citizen = await delivery.http(STATS, {}, CALLERS.citizen);
    expect(codes(citizen)).toEqual(["FORBIDDEN"]);
    expect(codes(await delivery.http(STATS))).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("deliveryStats' statements", () => {
  async function statementsWith(families: number): Promise<number> {
    const subgraph = await startSubgraphHarness(deliveryDefinition, { kind: "embedded", env: { DEMO_FAMILIES: String(families) } });
    try {
      const from = new Date(Date.now() - 365 * 86_400_000).toISOString();
      const response = await subgraph.http(`query($from: DateTime) { deliveryStats(from: $from) { delivered deliveredPerDay { count } pickupsByOffice { waiting } } }`, { from }, { nationalId: "1000000933", roles: ["ANALYST"] });
      expect(response.errors).toBeUndefined();
      expect(response.data.deliveryStats.delivered).toBeGreaterThan(families / 10);
      return statements(response);
    } finally {
      await subgraph.stop();
    }
  }

  it("are three for 1,000 families as for 100: one grouped statement per figure", async () => {
    expect(await statementsWith(100)).toBe(3);
    expect(await statementsWith(1_000)).toBe(3);
  });
});
