import { DATABASE_KINDS } from "../../../test/support/database";
import { codes, graphql } from "../../../test/support/http";
import { Shipment } from "../src/shipments/shipment.entity";
import { cardIssued, startDelivery, type DeliveryUnderTest } from "./support";

const STATS = `{ deliveryStats { inTransit delivered delayed medianHoursToDeliver } }`;
const HOUR = 3_600_000;

describe.each(DATABASE_KINDS)("deliveryStats on %s", (kind) => {
  let delivery: DeliveryUnderTest;
  beforeAll(async () => {
    delivery = await startDelivery(kind);
  });
  afterAll(() => delivery?.stop());

  const stats = async (role: "analyst" | "operator" | "officer" = "analyst") =>
    graphql(delivery.subgraph.graphqlUrl, STATS, {}, { token: await delivery.token(role) });

  /** A posted card issued `daysAgo` days ago, moved by the carrier; delivered `deliverAfterHours` after issue if given. */
  async function shipment(daysAgo: number, deliverAfterHours?: number, statuses: string[] = []): Promise<void> {
    const event = cardIssued({ daysAgo });
    await delivery.publish(event);
    const { trackingNumber } = await delivery.subgraph.db.getRepository(Shipment).findOneByOrFail({ cardNumber: event.cardNumber });
    const issued = Date.parse(event.issuedAt);
    const path = deliverAfterHours === undefined ? statuses : ["PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"];
    const at = (i: number) => new Date(issued + (deliverAfterHours === undefined ? i + 1 : (deliverAfterHours * (i + 1)) / path.length) * HOUR).toISOString();
    const answer = await delivery.carrier(path.map((status, i) => ({ trackingNumber, status, at: at(i) })));
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

  it("is refused to a citizen and without a token", async () => {
    const citizen = await graphql(delivery.subgraph.graphqlUrl, STATS, {}, { token: await delivery.token("citizen") });
    expect(codes(citizen)).toEqual(["FORBIDDEN"]);
    expect(codes(await graphql(delivery.subgraph.graphqlUrl, STATS))).toEqual(["UNAUTHENTICATED"]);
  });
});
