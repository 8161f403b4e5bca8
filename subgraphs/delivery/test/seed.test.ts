import { DATABASE_KINDS } from "../../../test/support/database";
import { graphql } from "../../../test/support/http";
import { demoCast } from "../../../seed/demoCast";
import { IssuedCard } from "../src/cards/issuedCard.entity";
import { OfficePickup } from "../src/pickups/officePickup.entity";
import { seedDelivery } from "../src/seed/seedDemo";
import { Shipment } from "../src/shipments/shipment.entity";
import { cards, startDelivery, type DeliveryUnderTest } from "./support";

const FAHAD = "1000000016";
const NOURA = "1000000024";

describe.each(DATABASE_KINDS)("delivery's demo data on %s", (kind) => {
  let delivery: DeliveryUnderTest;
  beforeAll(async () => {
    delivery = await startDelivery(kind, { demoData: true });
  });
  afterAll(() => delivery?.stop());

  const query = (token: string, ...cardNumbers: string[]) =>
    graphql(
      delivery.subgraph.graphqlUrl,
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on FamilyCard { delivery {
        __typename
        ... on Shipment { trackingNumber status carrier attempts createdAt deliveredAt estimatedDeliveryDate isDelayed recipientName events { status at location } }
        ... on OfficePickup { pickupStatus: status readyAt collectedAt office { id } }
      } } } }`,
      cards(...cardNumbers),
      { token },
    );

  it("has one delivery per demo card, every one delivered or collected", async () => {
    const cast = demoCast(60); // the test subgraphs load 60 synthetic families
    const withCard = cast.families.filter((f) => f.card);
    expect(await delivery.subgraph.db.getRepository(IssuedCard).count()).toBe(withCard.length);
    const posted = withCard.filter((f) => f.card!.deliveryMethod === "SAUDI_POST").length;
    expect(await delivery.subgraph.db.getRepository(Shipment).countBy({ status: "DELIVERED" as never })).toBe(posted);
    expect(await delivery.subgraph.db.getRepository(OfficePickup).countBy({ status: "COLLECTED" as never })).toBe(withCard.length - posted);
  });

  it("shows Fahad his card delivered by Saudi Post, with its tracking history", async () => {
    const response = await query(await delivery.idp.tokenFor(FAHAD), "FC300000000101");
    expect(response.errors).toBeUndefined();
    const shipment = response.data._entities[0].delivery;
    expect(shipment).toMatchObject({ __typename: "Shipment", status: "DELIVERED", carrier: "SPL", attempts: 0, isDelayed: false, recipientName: "فهد عبدالله العتيبي", createdAt: "2025-03-10T09:00:00.000Z", estimatedDeliveryDate: "2025-03-17" });
    expect(shipment.trackingNumber).toMatch(/^RR\d{9}SA$/);
    expect(shipment.events.map((e: { status: string }) => e.status)).toEqual(["CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]);
    expect(shipment.deliveredAt).toBe(shipment.events[4].at);
  });

  it("shows Fahad's wife the same card, and Abdullah's family its collected pickup", async () => {
    expect((await query(await delivery.idp.tokenFor(NOURA), "FC300000000101")).data._entities[0].delivery.status).toBe("DELIVERED");
    const pickup = (await query(await delivery.idp.tokenFor("1000000099"), "FC300000000201")).data._entities[0].delivery;
    expect(pickup).toMatchObject({ __typename: "OfficePickup", pickupStatus: "COLLECTED", office: { id: "JED-01" } });
    expect(Date.parse(pickup.readyAt)).toBeLessThan(Date.parse(pickup.collectedAt));
  });

  it("loads nothing twice", async () => {
    const before = await delivery.subgraph.db.getRepository(IssuedCard).count();
    await seedDelivery(delivery.subgraph.db, 5, demoCast(60));
    expect(await delivery.subgraph.db.getRepository(IssuedCard).count()).toBe(before);
  });

  it("gives the dashboard delivered shipments with a median time", async () => {
    const response = await graphql(delivery.subgraph.graphqlUrl, `{ deliveryStats { inTransit delivered delayed medianHoursToDeliver } }`, {}, { token: await delivery.idp.tokenFor("1000000933", ["ANALYST"]) });
    expect(response.data.deliveryStats).toMatchObject({ inTransit: 0, delayed: 0 });
    expect(response.data.deliveryStats.delivered).toBeGreaterThan(30);
    expect(response.data.deliveryStats.medianHoursToDeliver).toBeGreaterThan(24);
  });
});
