import fc from "fast-check";
import type { GraphQLResponse } from "../../../test/support/http";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { delivery as deliveryDefinition } from "../src/definition";
import { CALLERS } from "./cards";

/**
 * recordTrackingEvent under random input over HTTP: never a 5xx or INTERNAL_SERVER_ERROR, every
 * error one of the contract's codes, and a refused call writes nothing.
 */
const RUNS = 300;
const CONTRACT_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "INVALID_STATE", "CONFLICT", "RATE_LIMITED"];
const STATUSES = ["CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "DELIVERY_FAILED", "RETURNED_TO_OFFICE"];

function expectContractAnswer(response: GraphQLResponse): void {
  expect(response.status).toBeLessThan(500);
  for (const error of response.errors ?? []) expect(CONTRACT_CODES).toContain(error.extensions?.code);
}

describe("recordTrackingEvent under random input (fast-check over HTTP)", () => {
  let delivery: SubgraphHarness;
  let trackingNumbers: string[];
  beforeAll(async () => {
    delivery = await startSubgraphHarness(deliveryDefinition, { kind: "embedded" });
    trackingNumbers = (await delivery.db.query(`SELECT tracking_number FROM shipment ORDER BY tracking_number LIMIT 5`)).map((r: { tracking_number: string }) => r.tracking_number);
  });
  afterAll(() => delivery?.stop());

  it(`answers ${RUNS} random tracking events with the contract's codes, writing nothing when refused`, async () => {
    const counts = async () =>
      (
        await delivery.db.query(
          `SELECT (SELECT count(*)::int FROM tracking_event) AS events, (SELECT count(*)::int FROM shipment) AS shipments, (SELECT count(*)::int FROM office_pickup) AS pickups, (SELECT count(*)::int FROM data_access) AS audit`,
        )
      )[0];
    const shipments = async () => JSON.stringify(await delivery.db.query(`SELECT tracking_number, status, attempts, delivered_at, last_event_at FROM shipment ORDER BY tracking_number`));
    const junk = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.boolean());
    const args = fc.record({
      trackingNumber: fc.oneof(fc.constantFrom(...trackingNumbers, ` ${trackingNumbers[0]} `, "RR000000000SA", ""), fc.string({ maxLength: 20 }), junk),
      status: fc.oneof(fc.constantFrom(...STATUSES), junk),
      location: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(null), fc.constantFrom("الرياض", "   ")),
      at: fc.oneof(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom("2026-02-30T10:00:00Z", "2026-01-01T10:00:00", "yesterday", null),
        junk,
      ),
    });
    const role = fc.constantFrom("operator", "operator-without-purpose", "officer", "citizen", "anonymous");
    const clients = {
      operator: await delivery.as(CALLERS.operator),
      "operator-without-purpose": await delivery.as({ ...CALLERS.operator, purpose: null }),
      officer: await delivery.as(CALLERS.officer),
      citizen: await delivery.as(CALLERS.citizen),
      anonymous: await delivery.as({}),
    };
    await fc.assert(
      fc.asyncProperty(args, role, async (variables, who) => {
        const [before, rows] = [await counts(), await shipments()];
        const response = await clients[who](
          `mutation($trackingNumber: ID!, $status: ShipmentStatus!, $location: String, $at: DateTime) { recordTrackingEvent(trackingNumber: $trackingNumber, status: $status, location: $location, at: $at) { status } }`,
          variables,
        );
        expectContractAnswer(response);
        if (response.errors) {
          expect(await counts()).toEqual(before);
          expect(await shipments()).toBe(rows);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
