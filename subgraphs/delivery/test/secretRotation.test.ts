import { postSigned } from "../../../test/support/signedPost";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { delivery } from "../src/definition";
import { cardIssued } from "./cards";

/**
 * The event and webhook secrets rotate like the gateway's credential: during a rotation the
 * receiver accepts the new secret and the one being retired, and nothing else.
 */
describe("rotating the HMAC secrets", () => {
  let subgraph: SubgraphHarness;
  beforeAll(async () => {
    subgraph = await startSubgraphHarness(delivery, {
      kind: "embedded",
      demoData: false,
      env: { EVENTS_HMAC_SECRET: "events-new", EVENTS_HMAC_PREVIOUS_SECRET: "events-old", CARRIER_WEBHOOK_SECRET: "carrier-new", CARRIER_WEBHOOK_PREVIOUS_SECRET: "carrier-old" },
    });
  });
  afterAll(() => subgraph?.stop());

  it("accepts events signed with the new or the retiring secret, and refuses any other", async () => {
    const statuses = [];
    for (const secret of ["events-new", "events-old", "events-other"]) statuses.push((await subgraph.publish(cardIssued(), secret)).status);
    expect(statuses).toEqual([201, 201, 401]); // 201: a delivery created
  });

  it("accepts carrier batches signed with the new or the retiring secret, and refuses any other", async () => {
    const statuses = [];
    for (const secret of ["carrier-new", "carrier-old", "events-new"]) statuses.push((await postSigned(`${subgraph.url}/carrier/webhook`, { events: [] }, secret)).status);
    expect(statuses).toEqual([200, 200, 401]);
  });
});
