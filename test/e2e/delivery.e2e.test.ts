import type { CardIssuedEvent } from "../../kernel/events/cardIssued";
import { DEV_EVENTS_SECRET } from "../../kernel/events/settings";
import { SIGNATURE_HEADER, sign } from "../../kernel/events/signature";
import { codes, graphql, PURPOSE } from "../support/http";
import { startInProcessPlatform, type InProcessPlatform } from "../support/inProcessPlatform";

/** Shipment.status and OfficePickup.status have different enum types, so one of them needs an alias. */
const MY_DELIVERY = `{
  me { family { card { cardNumber delivery {
    __typename
    ... on Shipment { trackingNumber status carrier estimatedDeliveryDate isDelayed events { status } }
    ... on OfficePickup { pickupStatus: status office { nameEn city } }
  } } } }
}`;

const RECORD = `mutation($trackingNumber: ID!, $status: ShipmentStatus!, $at: DateTime) {
  recordTrackingEvent(trackingNumber: $trackingNumber, status: $status, location: "Riyadh hub", at: $at) { status events { status location } }
}`;

describe("card delivery through the gateway", () => {
  let platform: InProcessPlatform;
  beforeAll(async () => {
    platform = await startInProcessPlatform();
  });
  afterAll(() => platform?.stop());

  it("shows Fahad his card delivered by Saudi Post", async () => {
    const response = await graphql(platform.gatewayUrl, MY_DELIVERY, {}, { token: await platform.login("1000000016") });
    expect(response.errors).toBeUndefined();
    const card = response.data.me.family.card;
    expect(card.cardNumber).toBe("FC300000000101");
    expect(card.delivery).toMatchObject({ __typename: "Shipment", status: "DELIVERED", carrier: "SPL", estimatedDeliveryDate: "2025-03-17", isDelayed: false });
    expect(card.delivery.trackingNumber).toMatch(/^RR\d{9}SA$/);
    expect(card.delivery.events.map((e: { status: string }) => e.status)).toEqual(["CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]);
  });

  it("shows Abdullah his collected card's office, named by civil-affairs", async () => {
    const response = await graphql(platform.gatewayUrl, MY_DELIVERY, {}, { token: await platform.login("1000000099") });
    expect(response.errors).toBeUndefined();
    expect(response.data.me.family.card.delivery).toEqual({
      __typename: "OfficePickup",
      pickupStatus: "COLLECTED",
      office: { nameEn: "Civil Affairs Office Jeddah - Rawdah", city: "Jeddah" },
    });
  });

  it("lets the postal operator record tracking events on a new shipment, and nobody else", async () => {
    // A CardIssued event as civil-affairs' outbox sends it, straight to delivery's /events.
    const issuedAt = new Date(Date.now() - 86_400_000).toISOString();
    const event: CardIssuedEvent = {
      type: "CardIssued",
      eventId: "e2e-delivery-1",
      occurredAt: issuedAt,
      cardNumber: "FC399999999901",
      registerNumber: "3999999999",
      version: 1,
      applicationId: "e2e",
      deliveryMethod: "SAUDI_POST",
      officeId: "RUH-01",
      address: { buildingNumber: "2929", street: "King Fahd Road", district: "Al Olaya", city: "Riyadh", postalCode: "12211", additionalNumber: "7788", shortAddress: "RRRD2929" },
      recipientName: "فهد عبدالله العتيبي",
      headNationalId: "1000000016",
      memberIds: ["1000000016"],
      issuedAt,
    };
    const body = JSON.stringify(event);
    const published = await fetch(`${platform.subgraphs.delivery.url}/events`, {
      method: "POST",
      headers: { "content-type": "application/json", [SIGNATURE_HEADER]: sign(body, DEV_EVENTS_SECRET) },
      body,
    });
    expect(published.status).toBe(201);
    const { trackingNumber } = (await published.json()) as { trackingNumber: string };

    const operator = await platform.login("1000000925");
    const picked = await graphql(platform.gatewayUrl, RECORD, { trackingNumber, status: "PICKED_UP", at: new Date(Date.now() - 3_600_000).toISOString() }, { token: operator, headers: PURPOSE });
    expect(picked.errors).toBeUndefined();
    expect(picked.data.recordTrackingEvent).toEqual({ status: "PICKED_UP", events: [{ status: "CREATED", location: null }, { status: "PICKED_UP", location: "Riyadh hub" }] });
    expect(codes(await graphql(platform.gatewayUrl, RECORD, { trackingNumber, status: "DELIVERED" }, { token: operator, headers: PURPOSE }))).toEqual(["INVALID_STATE"]);

    const read = await graphql(platform.gatewayUrl, `query($t: ID!) { shipment(trackingNumber: $t) { status recipientName } }`, { t: trackingNumber }, { token: operator, headers: PURPOSE });
    expect(read.data.shipment).toEqual({ status: "PICKED_UP", recipientName: "فهد عبدالله العتيبي" });

    const citizen = await graphql(platform.gatewayUrl, RECORD, { trackingNumber, status: "IN_TRANSIT" }, { token: await platform.login("1000000016") });
    expect(codes(citizen)).toEqual(["FORBIDDEN"]);
    expect(codes(await graphql(platform.gatewayUrl, RECORD, { trackingNumber, status: "IN_TRANSIT" }))).toEqual(["UNAUTHENTICATED"]);
  });

  it("gives the analyst 90 days of dashboards from the demo history, offices named by civil-affairs, and no shipment", async () => {
    const analyst = await platform.login("1000000933");
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const stats = await graphql(
      platform.gatewayUrl,
      `query($from: DateTime) {
        deliveryStats(from: $from) { inTransit delivered delayed medianHoursToDeliver deliveredPerDay { day count } pickupsByOffice { office { id nameEn city } waiting collected } }
        applicationStats(from: $from) { submittedPerDay { count } issuedPerDay { count } }
        programStats { pendingEnrollments enrolledFamilies }
      }`,
      { from },
      { token: analyst },
    );
    expect(stats.errors).toBeUndefined();
    const { deliveryStats, applicationStats, programStats } = stats.data;
    const activeDays = (series: Array<{ count: number }>) => series.filter((day) => day.count > 0).length;
    // The test platform loads 60 synthetic families (npm start: 300), each active on its own day of the 90.
    expect(activeDays(applicationStats.submittedPerDay)).toBeGreaterThan(30);
    expect(activeDays(applicationStats.issuedPerDay)).toBeGreaterThan(15);
    expect(activeDays(deliveryStats.deliveredPerDay)).toBeGreaterThan(5);
    expect(deliveryStats).toMatchObject({ inTransit: expect.any(Number), delayed: expect.any(Number) });
    expect(deliveryStats.inTransit).toBeGreaterThan(0);
    expect(deliveryStats.delayed).toBeGreaterThan(0);
    const offices = deliveryStats.pickupsByOffice.map((row: any) => row.office);
    expect(offices).toEqual(expect.arrayContaining([{ id: "RUH-01", nameEn: "Civil Affairs Office Riyadh - Olaya", city: "Riyadh" }]));
    expect(deliveryStats.pickupsByOffice.some((row: any) => row.waiting > 0)).toBe(true);
    expect(programStats.some((row: any) => row.pendingEnrollments > 0 && row.enrolledFamilies > 0)).toBe(true);
    const shipment = await graphql(platform.gatewayUrl, `{ shipment(trackingNumber: "RR000000015SA") { recipientName } }`, {}, { token: analyst });
    expect(codes(shipment)).toEqual(["FORBIDDEN"]);
  });
  it("answers the officer's issue with the card's new shipment, and the family's next read shows it", async () => {
    const [fahad, officer] = [await platform.login("1000000016"), await platform.login("1000000909")];
    const asFahad = (query: string, variables = {}) => graphql(platform.gatewayUrl, query, variables, { token: fahad });
    const asOfficer = (query: string, variables = {}) => graphql(platform.gatewayUrl, query, variables, { token: officer, headers: PURPOSE });
    const created = await asFahad(`mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: SAUDI_POST }) { id } }`);
    const id = created.data.createCardApplication.id;
    await asFahad(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id });
    await asOfficer(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id });
    await asOfficer(`mutation($id: ID!) { approveCardApplication(id: $id) { status } }`, { id });
    const issued = await asOfficer(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber delivery { __typename ... on Shipment { trackingNumber status } } } }`, { id });
    expect(issued.errors).toBeUndefined();
    const { delivery: answered } = issued.data.issueFamilyCard;
    expect(answered).toMatchObject({ __typename: "Shipment", status: "CREATED", trackingNumber: expect.any(String) });
    const { card } = (await asFahad(MY_DELIVERY)).data.me.family;
    expect(card.cardNumber).toBe(issued.data.issueFamilyCard.cardNumber);
    expect(card.delivery).toMatchObject({ __typename: "Shipment", trackingNumber: answered.trackingNumber, status: "CREATED", carrier: "SPL", isDelayed: false });
  });
});
