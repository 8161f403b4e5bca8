import { DATABASE_KINDS } from "../../../test/support/database";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { demoCast } from "../../../seed/demoCast";
import { IssuedCard } from "../src/cards/issuedCard.entity";
import { delivery as deliveryDefinition } from "../src/definition";
import { OfficePickup } from "../src/pickups/officePickup.entity";
import { seedDelivery } from "../src/seed/seedDemo";
import { Shipment } from "../src/shipments/shipment.entity";
import { cards } from "./cards";

const FAHAD = "1000000016";
const NOURA = "1000000024";

describe.each(DATABASE_KINDS)("delivery's demo data on %s", (kind) => {
  let delivery: SubgraphHarness;
  beforeAll(async () => {
    delivery = await startSubgraphHarness(deliveryDefinition, { kind });
  });
  afterAll(() => delivery?.stop());

  const query = (nationalId: string, ...cardNumbers: string[]) =>
    delivery.http(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on FamilyCard { delivery {
        __typename
        ... on Shipment { trackingNumber status carrier attempts createdAt deliveredAt estimatedDeliveryDate isDelayed recipientName events { status at location } }
        ... on OfficePickup { pickupStatus: status readyAt collectedAt office { id } }
      } } } }`,
      cards(...cardNumbers),
      { nationalId },
    );

  it("has one delivery per demo card, as far along as the demo history says", async () => {
    const cast = demoCast(60); // the test subgraphs load 60 synthetic families
    const withCard = cast.families.filter((f) => f.card);
    const cardsWhose = (delivery: string) => withCard.filter((f) => f.card!.delivery === delivery).length;
    expect(await delivery.db.getRepository(IssuedCard).count()).toBe(withCard.length);
    const shipments = delivery.db.getRepository(Shipment);
    const pickups = delivery.db.getRepository(OfficePickup);
    expect(await shipments.countBy({ status: "DELIVERED" as never })).toBe(cardsWhose("DELIVERED"));
    expect(await shipments.countBy({ status: "CREATED" as never })).toBe(cardsWhose("IN_TRANSIT"));
    expect(await shipments.countBy({ status: "IN_TRANSIT" as never })).toBe(cardsWhose("DELAYED"));
    expect(await shipments.countBy({ status: "RETURNED_TO_OFFICE" as never })).toBe(cardsWhose("RETURNED_TO_OFFICE"));
    expect(await pickups.countBy({ status: "COLLECTED" as never })).toBe(cardsWhose("COLLECTED"));
    expect(await pickups.countBy({ status: "READY_FOR_PICKUP" as never })).toBe(cardsWhose("READY_FOR_PICKUP") + cardsWhose("RETURNED_TO_OFFICE"));
    expect(await pickups.countBy({ status: "PREPARING" as never })).toBe(cardsWhose("PREPARING"));
    // Nothing of the history happens after the first start.
    const [latest] = await delivery.db.query(`SELECT max(at) AS at FROM (SELECT max(at) AS at FROM tracking_event UNION ALL SELECT max(at) FROM pickup_event) t`);
    expect(new Date(latest.at).getTime()).toBeLessThan(Date.now());
  });

  it("shows Fahad his card delivered by Saudi Post, with its tracking history", async () => {
    const response = await query(FAHAD, "FC300000000101");
    expect(response.errors).toBeUndefined();
    const shipment = response.data._entities[0].delivery;
    expect(shipment).toMatchObject({ __typename: "Shipment", status: "DELIVERED", carrier: "SPL", attempts: 0, isDelayed: false, recipientName: "فهد عبدالله العتيبي", createdAt: "2025-03-10T09:00:00.000Z", estimatedDeliveryDate: "2025-03-17" });
    expect(shipment.trackingNumber).toMatch(/^RR\d{9}SA$/);
    expect(shipment.events.map((e: { status: string }) => e.status)).toEqual(["CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]);
    expect(shipment.deliveredAt).toBe(shipment.events[4].at);
    // Written in Arabic, as the address it follows: a citizen reading in Arabic sees no English place.
    expect(shipment.events.slice(1).map((e: { location: string }) => e.location)).toEqual(["المركز الرئيسي لسبل - الرياض", "مركز الفرز في الرياض", "مكتب التوصيل في العليا", "العليا"]);
  });

  it("shows Fahad's wife the same card, and Abdullah's family its collected pickup", async () => {
    expect((await query(NOURA, "FC300000000101")).data._entities[0].delivery.status).toBe("DELIVERED");
    const pickup = (await query("1000000099", "FC300000000201")).data._entities[0].delivery;
    expect(pickup).toMatchObject({ __typename: "OfficePickup", pickupStatus: "COLLECTED", office: { id: "JED-01" } });
    expect(Date.parse(pickup.readyAt)).toBeLessThan(Date.parse(pickup.collectedAt));
  });

  it("loads nothing twice", async () => {
    const before = await delivery.db.getRepository(IssuedCard).count();
    await seedDelivery(delivery.db, 5, demoCast(60));
    expect(await delivery.db.getRepository(IssuedCard).count()).toBe(before);
  });

  it("gives the dashboard delivered shipments with a median time", async () => {
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const response = await delivery.http(`query($from: DateTime) { deliveryStats(from: $from) { inTransit delivered delayed medianHoursToDeliver } }`, { from }, { nationalId: "1000000933", roles: ["ANALYST"] });
    const cast = demoCast(60);
    const count = (...states: string[]) => cast.families.filter((f) => f.card && states.includes(f.card.delivery)).length;
    expect(response.data.deliveryStats).toMatchObject({ inTransit: count("IN_TRANSIT", "DELAYED"), delayed: count("DELAYED") });
    expect(response.data.deliveryStats.delivered).toBeGreaterThan(5);
    expect(response.data.deliveryStats.medianHoursToDeliver).toBeGreaterThan(24);
  });
});
