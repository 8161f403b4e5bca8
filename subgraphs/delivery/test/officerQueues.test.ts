import { DATA_ACCESS_PER_OWNER } from "../../../test/support/dataAccessRows";
import { countStatements } from "../../../kernel/database/statementCounter";
import { withCheckDigit } from "../../../kernel/nationalId";
import { DATABASE_KINDS } from "../../../test/support/database";
import { codes, violationRules, type GraphQLResponse } from "../../../test/support/http";
import { startSubgraphHarness, type Caller, type SubgraphHarness } from "../../../test/support/subgraph";
import { delivery as deliveryDefinition } from "../src/definition";
import { Shipment } from "../src/shipments/shipment.entity";
import { CALLERS, carrierBatch, cardIssued, HEAD, OPERATOR, SPOUSE } from "./cards";

const SHIPMENTS = `query Awaiting($first: Int, $after: String) {
  shipmentsAwaitingEvent(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { trackingNumber status isDelayed recipientName address { city } events { status } } }
  }
}`;
const PICKUPS = `query Waiting($officeId: ID, $first: Int, $after: String) {
  pickupsAwaitingCollection(officeId: $officeId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { cardNumber office { id } status readyAt waitingSince waitingHours } }
  }
}`;
const MARK = (name: string) => `mutation($cardNumber: ID!) { ${name}(cardNumber: $cardNumber) { status } }`;

const HOUR = 3_600_000;
const LABOR_OFFICER: Caller = { nationalId: withCheckDigit("190000917"), roles: ["CITIZEN", "LABOR_OFFICER"] };

/** Every page of a queue, `first` at a time, following the cursors. */
async function walk(read: (after: string | null) => Promise<GraphQLResponse>, field: string): Promise<{ nodes: any[]; pages: any[] }> {
  const pages = [];
  let after: string | null = null;
  for (;;) {
    const response = await read(after);
    expect(response.errors).toBeUndefined();
    const page = response.data[field];
    pages.push(page);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { nodes: pages.flatMap((page) => page.edges.map((edge: { node: unknown }) => edge.node)), pages };
}

const accessesOf = async (delivery: SubgraphHarness, requestId: string) =>
  (await delivery.db.query(`SELECT owner_id, accessor_id, action, fields, purpose, operation_name FROM ${DATA_ACCESS_PER_OWNER} WHERE request_id = $1 ORDER BY owner_id`, [requestId])) as Array<{
    owner_id: string;
    accessor_id: string;
    action: string;
    fields: string[];
    purpose: string | null;
    operation_name: string | null;
  }>;

describe.each(DATABASE_KINDS)("the officers' delivery queues on %s", (kind) => {
  let delivery: SubgraphHarness;
  beforeAll(async () => {
    delivery = await startSubgraphHarness(deliveryDefinition, { kind, demoData: false });
  });
  afterAll(() => delivery?.stop());

  /** A posted card issued `daysAgo` days ago, moved by the carrier through `statuses`, one hour apart after issue. */
  async function shipment(daysAgo: number, statuses: string[] = []): Promise<string> {
    const event = cardIssued({ daysAgo });
    await delivery.publish(event);
    const { trackingNumber } = await delivery.db.getRepository(Shipment).findOneByOrFail({ cardNumber: event.cardNumber });
    const at = (i: number) => new Date(Date.parse(event.issuedAt) + (i + 1) * HOUR).toISOString();
    const answer = await carrierBatch(delivery, statuses.map((status, i) => ({ trackingNumber, status, at: at(i) })));
    expect(answer.body.results.every((r: { outcome?: string }) => r.outcome === "RECORDED")).toBe(true);
    return trackingNumber;
  }

  /** An office pickup of a card issued `daysAgo` days ago at `officeId`. */
  async function pickup(officeId: string, daysAgo: number): Promise<string> {
    const event = cardIssued({ deliveryMethod: "OFFICE_PICKUP", officeId, address: null, daysAgo });
    await delivery.publish(event);
    return event.cardNumber;
  }

  describe("shipmentsAwaitingEvent", () => {
    const awaiting = (variables: Record<string, unknown> = {}, caller: Caller = CALLERS.operator) => delivery.http(SHIPMENTS, variables, caller);
    const expectedOrder = async () =>
      ((await delivery.db.query(
        `SELECT tracking_number FROM shipment WHERE status NOT IN ('DELIVERED', 'RETURNED_TO_OFFICE') ORDER BY last_event_at, tracking_number`,
      )) as Array<{ tracking_number: string }>).map((row) => row.tracking_number);

    let oldest: string;
    let delivered: string;
    let returned: string;
    beforeAll(async () => {
      delivered = await shipment(20, ["PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]);
      const failAndRetry = ["OUT_FOR_DELIVERY", "DELIVERY_FAILED"];
      returned = await shipment(18, ["PICKED_UP", "IN_TRANSIT", ...failAndRetry, ...failAndRetry, ...failAndRetry]);
      oldest = await shipment(12); // CREATED twelve days ago: the one waiting longest, and delayed
      await shipment(15, ["PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERY_FAILED"]); // its latest event 4 hours after a 15-day-old issue
      for (const daysAgo of [1, 2, 3, 4, 5, 6, 7]) await shipment(daysAgo, daysAgo % 2 === 0 ? ["PICKED_UP"] : []);
    });

    it("lists the shipments not yet delivered nor returned, the one waiting longest since its latest event first", async () => {
      const response = await awaiting({ first: 100 });
      expect(response.errors).toBeUndefined();
      const page = response.data.shipmentsAwaitingEvent;
      const numbers = page.edges.map((edge: any) => edge.node.trackingNumber);
      expect(numbers).toEqual(await expectedOrder());
      expect(numbers).toHaveLength(9);
      expect(numbers).not.toContain(delivered);
      expect(numbers).not.toContain(returned);
      expect(page.totalCount).toBe(9);
      expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges[8].cursor });
      // The 15-day-old shipment's last event came 4 hours after its issue: still older than the 12-day-old CREATED one.
      expect(page.edges[1].node).toMatchObject({ trackingNumber: oldest, status: "CREATED", isDelayed: true, events: [{ status: "CREATED" }] });
      expect(page.edges[0].node.status).toBe("DELIVERY_FAILED");
      // What a postal operator sees on a shipment: the recipient's name and the delivery address.
      expect(page.edges[0].node).toMatchObject({ recipientName: "فهد عبدالله العتيبي", address: { city: "Riyadh" } });
      expect(page.edges.at(-1).node).toMatchObject({ status: "CREATED", isDelayed: false });
    });

    it("pages by cursor: every shipment once, in order, with the total on every page", async () => {
      const { nodes, pages } = await walk((after) => awaiting({ first: 2, after }), "shipmentsAwaitingEvent");
      expect(nodes.map((node) => node.trackingNumber)).toEqual(await expectedOrder());
      expect(pages).toHaveLength(5);
      expect(pages.map((page) => page.edges.length)).toEqual([2, 2, 2, 2, 1]);
      expect(pages.every((page) => page.totalCount === 9)).toBe(true);
      // The default page is 20.
      expect((await awaiting()).data.shipmentsAwaitingEvent.edges).toHaveLength(9);
    });

    it("moves a shipment to the end of the queue when its next event comes, and out of it once delivered", async () => {
      const [first] = await expectedOrder();
      const at = new Date(Date.now() - 60_000).toISOString();
      const moved = await carrierBatch(delivery, [{ trackingNumber: first, status: "OUT_FOR_DELIVERY", at }]);
      expect(moved.body.results[0].outcome).toBe("RECORDED");
      const page = (await awaiting({ first: 100 })).data.shipmentsAwaitingEvent;
      expect(page.edges.at(-1).node.trackingNumber).toBe(first);
      await carrierBatch(delivery, [{ trackingNumber: first, status: "DELIVERED", at: new Date(Date.now() - 30_000).toISOString() }]);
      const after = (await awaiting({ first: 100 })).data.shipmentsAwaitingEvent;
      expect(after.totalCount).toBe(8);
      expect(after.edges.map((edge: any) => edge.node.trackingNumber)).not.toContain(first);
    });

    it("refuses `first` out of 1..100 and a cursor it did not give out, every problem at once, in Arabic too", async () => {
      for (const first of [0, -1, 101]) {
        const response = await awaiting({ first });
        expect(codes(response)).toEqual(["BAD_USER_INPUT"]);
        expect(response.errors![0]!.extensions!.violations).toEqual([{ field: "first", rule: "OUT_OF_RANGE", message: "first must be between 1 and 100." }]);
      }
      const forged = Buffer.from("2026-02-30T10:00:00.000000Z|RR000000015SA").toString("base64url");
      for (const after of ["nonsense", forged, Buffer.from("2026-01-01T10:00:00.000000Z|'; DROP TABLE shipment").toString("base64url")]) {
        expect(violationRules(await awaiting({ after }))).toEqual(["BAD_CURSOR"]);
      }
      const both = await awaiting({ first: 500, after: "nonsense" }, { ...CALLERS.operator, lang: "ar" });
      expect(both.errors![0]!.extensions!.violations).toEqual([
        { field: "first", rule: "OUT_OF_RANGE", message: "يجب أن تكون قيمة first بين ١ و١٠٠." },
        { field: "after", rule: "BAD_CURSOR", message: "المؤشر ليس من مؤشرات هذه القائمة." },
      ]);
    });

    it("is for postal operators only: FORBIDDEN to citizens, analysts and other officers, UNAUTHENTICATED without a token", async () => {
      for (const caller of [CALLERS.citizen, CALLERS.analyst, CALLERS.officer, LABOR_OFFICER]) {
        const response = await awaiting({}, caller);
        expect(codes(response)).toEqual(["FORBIDDEN"]);
        expect(response.data).toBeNull();
      }
      const anonymous = await awaiting({}, {});
      expect(codes(anonymous)).toEqual(["UNAUTHENTICATED"]);
      expect(anonymous.data).toBeNull();
    });

    it("records the read of each shipment for the people on its card, with the operator's purpose", async () => {
      const operator = await delivery.as({ ...CALLERS.operator, purpose: "Stuck parcels round" });
      const response = await operator(SHIPMENTS, { first: 3 }, { "x-request-id": "req-queue-shipments" });
      expect(response.errors).toBeUndefined();
      const rows = await accessesOf(delivery, "req-queue-shipments");
      expect(rows.map((row) => row.owner_id)).toEqual([HEAD, SPOUSE].sort());
      for (const row of rows) {
        expect(row).toMatchObject({ accessor_id: OPERATOR, action: "READ", purpose: "Stuck parcels round", operation_name: "Awaiting" });
        expect([...row.fields].sort()).toEqual(["Shipment.address", "Shipment.events", "Shipment.isDelayed", "Shipment.recipientName", "Shipment.status", "Shipment.trackingNumber"]);
      }
    });

    it("answers a page of 2 or of 100 with the same statements", async () => {
      const operator = { nationalId: OPERATOR, roles: ["CITIZEN", "POST_OPERATOR"] } satisfies Caller;
      const few = await countStatements(() => delivery.run(SHIPMENTS, { first: 2 }, operator));
      const many = await countStatements(() => delivery.run(SHIPMENTS, { first: 100 }, operator));
      expect(few.result.errors).toBeUndefined();
      expect(many.result.errors).toBeUndefined();
      expect(many.result.data!.shipmentsAwaitingEvent.edges.length).toBeGreaterThan(few.result.data!.shipmentsAwaitingEvent.edges.length);
      // The page with its cards, the count, the tracking events.
      expect(few.statements).toBe(3);
      expect(many.statements).toBe(few.statements);
      // Over HTTP the audit's write comes on top, and nothing else: the owners came with the page.
      const http = await delivery.http(SHIPMENTS, { first: 100 }, CALLERS.operator);
      expect(Number(http.headers.get("x-sql-statements"))).toBe(few.statements + 1);
    });
  });

  describe("pickupsAwaitingCollection", () => {
    const waiting = (variables: Record<string, unknown> = {}, caller: Caller = CALLERS.officer) => delivery.http(PICKUPS, variables, caller);
    let jeddah: string[];
    let dammamCollected: string;
    beforeAll(async () => {
      jeddah = [await pickup("JED-01", 9), await pickup("JED-01", 3), await pickup("JED-01", 6)];
      await pickup("DMM-01", 4);
      dammamCollected = await pickup("DMM-01", 8);
      for (const name of ["markReadyForPickup", "markCollected"]) {
        expect((await delivery.http(MARK(name), { cardNumber: dammamCollected }, CALLERS.officer)).errors).toBeUndefined();
      }
    });

    it("lists the cards waiting at one office, the one waiting longest first, with how long each has waited", async () => {
      const response = await waiting({ officeId: "JED-01" });
      expect(response.errors).toBeUndefined();
      const page = response.data.pickupsAwaitingCollection;
      expect(page.totalCount).toBe(3);
      expect(page.edges.map((edge: any) => edge.node.cardNumber)).toEqual([jeddah[0], jeddah[2], jeddah[1]]);
      const [first] = page.edges.map((edge: any) => edge.node);
      expect(first).toMatchObject({ office: { id: "JED-01" }, status: "PREPARING", readyAt: null });
      // PREPARING since the card's issue, nine days (less the fixture's hour) ago.
      expect(first.waitingHours).toBeGreaterThan(9 * 24 - 1);
      expect(first.waitingHours).toBeLessThan(9 * 24 + 1);
      expect(Date.parse(first.waitingSince)).toBeLessThan(Date.now() - 9 * 24 * HOUR + 2 * HOUR);
    });

    it("lists every office's waiting cards without officeId, never a collected one, and none for an office with none", async () => {
      const all = (await waiting({ first: 100 })).data.pickupsAwaitingCollection;
      const numbers = all.edges.map((edge: any) => edge.node.cardNumber);
      expect(numbers).not.toContain(dammamCollected);
      expect(numbers).toEqual(expect.arrayContaining(jeddah));
      const [{ n }] = await delivery.db.query(`SELECT count(*)::int AS n FROM office_pickup WHERE status <> 'COLLECTED'`);
      expect(all.totalCount).toBe(n);
      const since = all.edges.map((edge: any) => Date.parse(edge.node.waitingSince));
      expect(since).toEqual([...since].sort((a, b) => a - b));
      expect((await waiting({ officeId: "ABC-99" })).data.pickupsAwaitingCollection).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    });

    it("pages past a family's 100th card, whose number has three digits of version", async () => {
      const base = cardIssued({ deliveryMethod: "OFFICE_PICKUP", officeId: "TIF-01", address: null, daysAgo: 2 });
      const hundredth = { ...base, cardNumber: `${base.cardNumber.slice(0, 12)}100`, eventId: `${base.eventId}-100`, version: 100 };
      expect((await delivery.publish(hundredth)).status).toBe(201);
      const later = await pickup("TIF-01", 1);
      const { nodes } = await walk((after) => waiting({ officeId: "TIF-01", first: 1, after }), "pickupsAwaitingCollection");
      expect(nodes.map((node) => node.cardNumber)).toEqual([hundredth.cardNumber, later]);
    });

    it("pages by cursor, and a card made ready keeps its place: waiting since its issue, ready since now", async () => {
      const { nodes, pages } = await walk((after) => waiting({ officeId: "JED-01", first: 1, after }), "pickupsAwaitingCollection");
      expect(nodes.map((node) => node.cardNumber)).toEqual([jeddah[0], jeddah[2], jeddah[1]]);
      expect(pages.map((page) => page.totalCount)).toEqual([3, 3, 3]);
      const issued = nodes[0].waitingSince;

      // The card number is what the officer acts on. Ready now, it has still waited the longest: its days PREPARING count.
      expect((await delivery.http(MARK("markReadyForPickup"), { cardNumber: jeddah[0] }, CALLERS.officer)).errors).toBeUndefined();
      const after = (await waiting({ officeId: "JED-01" }, CALLERS.operator)).data.pickupsAwaitingCollection;
      expect(after.edges.map((edge: any) => edge.node.cardNumber)).toEqual([jeddah[0], jeddah[2], jeddah[1]]);
      const ready = after.edges[0].node;
      expect(ready).toMatchObject({ status: "READY_FOR_PICKUP", waitingSince: issued });
      expect(Date.parse(ready.readyAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(ready.waitingHours).toBeGreaterThan(9 * 24 - 1);
      expect((await delivery.http(MARK("markCollected"), { cardNumber: jeddah[0] }, CALLERS.officer)).errors).toBeUndefined();
      expect((await waiting({ officeId: "JED-01" })).data.pickupsAwaitingCollection.totalCount).toBe(2);
    });

    it("breaks a tie between cards waiting since the same instant by card number, across pages", async () => {
      const issuedAt = new Date(Date.now() - 5 * 24 * HOUR).toISOString();
      const tied = [];
      for (let i = 0; i < 3; i++) {
        const event = cardIssued({ deliveryMethod: "OFFICE_PICKUP", officeId: "RUH-09", address: null, issuedAt });
        await delivery.publish(event);
        tied.push(event.cardNumber);
      }
      const { nodes } = await walk((after) => waiting({ officeId: "RUH-09", first: 1, after }), "pickupsAwaitingCollection");
      expect(nodes.map((node) => node.cardNumber)).toEqual([...tied].sort());
      expect(new Set(nodes.map((node) => node.waitingSince)).size).toBe(1);
    });

    it("refuses `first` out of 1..100 and a forged cursor", async () => {
      expect(violationRules(await waiting({ first: 0 }))).toEqual(["OUT_OF_RANGE"]);
      expect(violationRules(await waiting({ first: 101, after: Buffer.from("2026-01-01T24:00:00.000000Z|FC9").toString("base64url") }))).toEqual(["OUT_OF_RANGE", "BAD_CURSOR"]);
    });

    it("is for civil-affairs officers and postal operators: FORBIDDEN to citizens, analysts and labor officers, UNAUTHENTICATED without a token", async () => {
      for (const caller of [CALLERS.officer, CALLERS.operator]) expect((await waiting({}, caller)).errors).toBeUndefined();
      for (const caller of [CALLERS.citizen, CALLERS.analyst, LABOR_OFFICER]) expect(codes(await waiting({}, caller))).toEqual(["FORBIDDEN"]);
      expect(codes(await waiting({}, {}))).toEqual(["UNAUTHENTICATED"]);
    });

    it("records the read of each waiting card for the people on it", async () => {
      const officer = await delivery.as(CALLERS.officer);
      const response = await officer(PICKUPS, { officeId: "DMM-01" }, { "x-request-id": "req-queue-pickups" });
      expect(response.data.pickupsAwaitingCollection.totalCount).toBe(1);
      const rows = await accessesOf(delivery, "req-queue-pickups");
      expect(rows.map((row) => row.owner_id)).toEqual([HEAD, SPOUSE].sort());
      for (const row of rows) {
        expect(row).toMatchObject({ accessor_id: CALLERS.officer.nationalId, action: "READ", operation_name: "Waiting" });
        expect(row.fields).toEqual(expect.arrayContaining(["OfficePickupQueueItem.cardNumber", "OfficePickupQueueItem.status", "OfficePickupQueueItem.waitingHours"]));
      }
    });

    it("answers a page of 1 or of 100 with the same statements", async () => {
      for (let i = 0; i < 5; i++) await pickup("RUH-01", 2 + i);
      const officer = { nationalId: CALLERS.officer.nationalId, roles: ["CITIZEN", "CIVIL_AFFAIRS_OFFICER"] } satisfies Caller;
      const few = await countStatements(() => delivery.run(PICKUPS, { first: 1 }, officer));
      const many = await countStatements(() => delivery.run(PICKUPS, { first: 100 }, officer));
      expect(many.result.data!.pickupsAwaitingCollection.edges.length).toBeGreaterThan(5);
      // The page with who is on each card, and the count.
      expect(few.statements).toBe(2);
      expect(many.statements).toBe(few.statements);
    });
  });
});
