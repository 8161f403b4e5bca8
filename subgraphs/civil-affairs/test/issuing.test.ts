import http from "node:http";
import { listen } from "../../../kernel/http/server";
import { DATABASE_KINDS } from "../../../test/support/database";
import { codes } from "../../../test/support/http";
import { startSubgraphHarness, type Client, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { headsWithCards, signIn } from "./people";

const KHALID = "1000000057";

describe.each(DATABASE_KINDS)("issuing a family card (%s database)", (kind) => {
  let ca: SubgraphHarness;
  let officer: Client;
  let khalid: Client;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind, env: { OUTBOX_SUBSCRIBERS: "http://127.0.0.1:9/events,http://127.0.0.1:9/other", REPLACEMENT_FEE_HALALAS: "2500" }, tokens: signIn });
    officer = await ca.as({ nationalId: "1000000909", roles: ["CIVIL_AFFAIRS_OFFICER"] });
    khalid = await ca.as({ nationalId: KHALID });
  });
  afterAll(() => ca?.stop());

  const counts = async () =>
    (
      await ca.db.query(`SELECT (SELECT count(*)::int FROM family) AS families, (SELECT count(*)::int FROM family_card) AS cards,
        (SELECT count(*)::int FROM outbox_message) AS outbox, (SELECT count(*)::int FROM application_history) AS history,
        (SELECT count(*)::int FROM family_member) AS members`)
    )[0];

  async function approvedApplication(): Promise<string> {
    const created = await khalid(`mutation { createCardApplication(input: { kind: NEW_CARD, spouseIds: ["1000000065"], childIds: ["1000000073"], deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    const id = created.data.createCardApplication.id;
    await khalid(`mutation($id: ID!) { submitCardApplication(id: $id) { id } }`, { id });
    await officer(`mutation($id: ID!) { startReview(id: $id) { id } }`, { id });
    await officer(`mutation($id: ID!) { approveCardApplication(id: $id) { id } }`, { id });
    return id;
  }

  it("leaves nothing half-written when issuing fails midway", async () => {
    const id = await approvedApplication();
    const [{ next }] = await ca.db.query(`SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END AS next FROM family_register_seq`);
    // A card already holding the number the new one would get makes the transaction fail late.
    await ca.db.query(`INSERT INTO family (register_number, head_id) VALUES ('3999999999', '1000000081')`);
    await ca.db.query(`INSERT INTO family_card (card_number, register_number, version, status, issued_at) VALUES ($1, '3999999999', 9, 'CANCELLED', now())`, [`FC${next}01`]);
    const before = await counts();
    const failed = await officer(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber } }`, { id });
    expect(codes(failed)).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(await counts()).toEqual(before);
    const [row] = await ca.db.query(`SELECT status, card_number FROM card_application WHERE id = $1`, [id]);
    expect(row).toEqual({ status: "APPROVED", card_number: null });
    await ca.db.query(`DELETE FROM family_card WHERE register_number = '3999999999'`);
    await ca.db.query(`DELETE FROM family WHERE register_number = '3999999999'`);
  });

  it("creates the register, its members, the card and one outbox event per subscriber together", async () => {
    const [row] = await ca.db.query(`SELECT id FROM card_application WHERE applicant_id = $1 AND status = 'APPROVED'`, [KHALID]);
    const before = await counts();
    const issued = await officer(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber version status family { registerNumber head { nationalId } } } }`, { id: row.id });
    expect(issued.errors).toBeUndefined();
    const card = issued.data.issueFamilyCard;
    expect(card).toMatchObject({ version: 1, status: "ACTIVE", family: { head: { nationalId: KHALID } } });
    expect(await counts()).toEqual({ ...before, families: before.families + 1, cards: before.cards + 1, outbox: before.outbox + 2, history: before.history + 1, members: before.members + 3 });
    const events = await ca.db.query(`SELECT subscriber_url, payload FROM outbox_message WHERE payload->>'cardNumber' = $1 ORDER BY subscriber_url`, [card.cardNumber]);
    expect(events.map((e: { subscriber_url: string }) => e.subscriber_url)).toEqual(["http://127.0.0.1:9/events", "http://127.0.0.1:9/other"]);
    expect(events[0].payload).toMatchObject({
      type: "CardIssued",
      cardNumber: card.cardNumber,
      registerNumber: card.family.registerNumber,
      deliveryMethod: "OFFICE_PICKUP",
      officeId: "RUH-01",
      address: null,
      recipientName: "خالد محمد القحطاني",
      headNationalId: KHALID,
      memberIds: ["1000000057", "1000000065", "1000000073"],
      // What labor's copy of the register needs for eligibility (an additive field of the event).
      members: [
        { nationalId: "1000000057", relation: "HEAD", birthDate: "1998-01-10", nationality: "SA" },
        { nationalId: "1000000065", relation: "SPOUSE", birthDate: "2000-05-22", nationality: "SA" },
        { nationalId: "1000000073", relation: "SON", birthDate: "2024-03-01", nationality: "SA" },
      ],
    });
    expect(events[0].payload.eventId).toBe(events[1].payload.eventId);
  });

  it("replaces the previous card on a members update and lists today's members", async () => {
    // An empty list of children names none of the register's: the son stays on the card.
    const created = await khalid(`mutation { createCardApplication(input: { kind: MEMBERS_UPDATE, spouseIds: ["1000000065"], childIds: [], deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id fee { halalas } } }`);
    expect(created.data.createCardApplication.fee.halalas).toBe(0);
    const id = created.data.createCardApplication.id;
    await khalid(`mutation($id: ID!) { submitCardApplication(id: $id) { id } }`, { id });
    await officer(`mutation($id: ID!) { startReview(id: $id) { id } }`, { id });
    const approved = await officer(`mutation($id: ID!) { approveCardApplication(id: $id) { id } }`, { id });
    expect(approved.errors).toBeUndefined();
    const issued = await officer(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { version family { memberCount cards { version status } } } }`, { id });
    expect(issued.data.issueFamilyCard).toEqual({ version: 2, family: { memberCount: 3, cards: [{ version: 2, status: "ACTIVE" }, { version: 1, status: "REPLACED" }] } });
  });

  it("adds a child named alone to the register's on a members update, and takes off whom a list naming some of them leaves out", async () => {
    const NEWBORN = "1000000081"; // no birth record names Khalid: a birth certificate is asked
    const added = await khalid(`mutation { createCardApplication(input: { kind: MEMBERS_UPDATE, childIds: ["${NEWBORN}"], deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id requestedSpouseIds requestedChildIds } }`);
    expect(added.data.createCardApplication).toMatchObject({ requestedSpouseIds: ["1000000065"], requestedChildIds: [NEWBORN, "1000000073"] });
    const id = added.data.createCardApplication.id;
    const certificate = { applicationId: id, type: "BIRTH_CERTIFICATE", fileName: "birth.pdf", mimeType: "application/pdf", contentBase64: Buffer.from("%PDF-1.7 birth").toString("base64") };
    expect((await khalid(`mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { id } }`, { input: certificate })).errors).toBeUndefined();
    await khalid(`mutation($id: ID!) { submitCardApplication(id: $id) { id } }`, { id });
    await officer(`mutation($id: ID!) { startReview(id: $id) { id } }`, { id });
    expect((await officer(`mutation($id: ID!) { approveCardApplication(id: $id) { id } }`, { id })).errors).toBeUndefined();
    const issued = await officer(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { family { memberCount } } }`, { id });
    expect(issued.data.issueFamilyCard.family.memberCount).toBe(4);

    const fewer = await khalid(`mutation { createCardApplication(input: { kind: MEMBERS_UPDATE, childIds: ["1000000073"] }) { id requestedSpouseIds requestedChildIds } }`);
    expect(fewer.data.createCardApplication).toMatchObject({ requestedSpouseIds: ["1000000065"], requestedChildIds: ["1000000073"] });
    const emptied = await khalid(`mutation($id: ID!) { updateCardApplication(id: $id, input: { childIds: [] }) { requestedChildIds } }`, { id: fewer.data.createCardApplication.id });
    expect([...emptied.data.updateCardApplication.requestedChildIds].sort()).toEqual(["1000000073", NEWBORN]);
    await khalid(`mutation($id: ID!) { cancelCardApplication(id: $id) { id } }`, { id: fewer.data.createCardApplication.id });
  });

  it("charges the configured replacement fee, formatted in the request's language", async () => {
    const [head] = await headsWithCards(ca.db, 1);
    const applicant = await ca.as({ nationalId: head! });
    const created = await applicant(`mutation { createCardApplication(input: { kind: REPLACEMENT_LOST }) { fee { halalas currency formatted } } }`, {}, { "accept-language": "ar" });
    expect(created.data.createCardApplication.fee).toEqual({ halalas: 2500, currency: "SAR", formatted: "25.00 ر.س" });
  });

  it("issues a family's 100th card, its number three digits of version long", async () => {
    const [head] = await headsWithCards(ca.db, 1);
    const [family] = await ca.db.query(`SELECT register_number FROM family WHERE head_id = $1`, [head]);
    // 98 earlier cards (without applications), so that the active one is the 99th.
    await ca.db.query(
      `INSERT INTO family_card (card_number, register_number, version, status, issued_at)
       SELECT 'FC' || $1 || lpad(v::text, 2, '0'), $1, v, 'REPLACED', now() - make_interval(days => 100 - v) FROM generate_series(50, 97) v`,
      [family.register_number],
    );
    await ca.db.query(`UPDATE family_card SET version = 99 WHERE register_number = $1 AND status = 'ACTIVE'`, [family.register_number]);
    const applicant = await ca.as({ nationalId: head! });
    const created = await applicant(`mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    const id = created.data.createCardApplication.id;
    await applicant(`mutation($id: ID!) { submitCardApplication(id: $id) { id } }`, { id });
    await officer(`mutation($id: ID!) { startReview(id: $id) { id } }`, { id });
    await officer(`mutation($id: ID!) { approveCardApplication(id: $id) { id } }`, { id });
    const issued = await officer(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber version status } }`, { id });
    expect(issued.errors).toBeUndefined();
    expect(issued.data.issueFamilyCard).toEqual({ cardNumber: `FC${family.register_number}100`, version: 100, status: "ACTIVE" });
    const [event] = await ca.db.query(`SELECT payload->>'cardNumber' AS "cardNumber" FROM outbox_message WHERE payload->>'applicationId' = $1 LIMIT 1`, [id]);
    expect(event).toEqual({ cardNumber: `FC${family.register_number}100` });
  });

  it("names the office of the head's city, its name typed in Arabic or English, where a posted card waits if returned", async () => {
    const officeOfPostedCard = async (head: string, city: string) => {
      const applicant = await ca.as({ nationalId: head });
      const address = { buildingNumber: "2929", street: "طريق الملك فهد", district: "العليا", city, postalCode: "12211", additionalNumber: "7788" };
      expect((await applicant(`mutation($input: NationalAddressInput!) { updateNationalAddress(input: $input) { nationalId } }`, { input: address })).errors).toBeUndefined();
      const created = await applicant(`mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: SAUDI_POST }) { id } }`);
      const id = created.data.createCardApplication.id;
      await applicant(`mutation($id: ID!) { submitCardApplication(id: $id) { id } }`, { id });
      await officer(`mutation($id: ID!) { startReview(id: $id) { id } }`, { id });
      await officer(`mutation($id: ID!) { approveCardApplication(id: $id) { id } }`, { id });
      expect((await officer(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber } }`, { id })).errors).toBeUndefined();
      const [event] = await ca.db.query(`SELECT payload->>'officeId' AS "officeId", payload->>'deliveryMethod' AS method FROM outbox_message WHERE payload->>'applicationId' = $1 LIMIT 1`, [id]);
      expect(event.method).toBe("SAUDI_POST");
      return event.officeId;
    };
    const heads = await headsWithCards(ca.db, 4);
    expect(await officeOfPostedCard(heads[0]!, "الرياض")).toBe("RUH-01");
    expect(await officeOfPostedCard(heads[1]!, "جده")).toBe("JED-01");
    expect(await officeOfPostedCard(heads[2]!, " riyadh ")).toBe("RUH-01");
    // A city without an office: the office with the lowest id (officeFor), as documented.
    expect(await officeOfPostedCard(heads[3]!, "أبها")).toBe("DMM-01");
  });

  it("posts the card to the address the head gave after submitting, not the one he left", async () => {
    const [head] = await headsWithCards(ca.db, 1);
    const applicant = await ca.as({ nationalId: head! });
    const move = (city: string) =>
      applicant(`mutation($input: NationalAddressInput!) { updateNationalAddress(input: $input) { nationalId } }`, {
        input: { buildingNumber: "2929", street: "طريق الملك فهد", district: "العليا", city, postalCode: "12211", additionalNumber: "7788" },
      });
    expect((await move("الدمام")).errors).toBeUndefined();
    const id = (await applicant(`mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: SAUDI_POST }) { id } }`)).data.createCardApplication.id;
    await applicant(`mutation($id: ID!) { submitCardApplication(id: $id) { id } }`, { id });
    await officer(`mutation($id: ID!) { startReview(id: $id) { id } }`, { id });
    expect((await move("الرياض")).errors).toBeUndefined();
    const read = await applicant(`query($id: ID!) { cardApplication(id: $id) { deliveryAddress { city } version } }`, { id });
    expect(read.data.cardApplication.deliveryAddress).toEqual({ city: "الرياض" });
    await officer(`mutation($id: ID!) { approveCardApplication(id: $id) { id } }`, { id });
    expect((await officer(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber } }`, { id })).errors).toBeUndefined();
    const [event] = await ca.db.query(`SELECT payload->'address'->>'city' AS city FROM outbox_message WHERE payload->>'applicationId' = $1 LIMIT 1`, [id]);
    expect(event.city).toBe("الرياض");
    // Once issued, the card's address is the one it was posted to.
    expect((await move("جدة")).errors).toBeUndefined();
    expect((await applicant(`query($id: ID!) { cardApplication(id: $id) { deliveryAddress { city } } }`, { id })).data.cardApplication.deliveryAddress).toEqual({ city: "الرياض" });
  });

  it("issues only APPROVED applications", async () => {
    const [row] = await ca.db.query(`SELECT id FROM card_application WHERE applicant_id = $1 AND status = 'ISSUED' LIMIT 1`, [KHALID]);
    expect(codes(await officer(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber } }`, { id: row.id }))).toEqual(["INVALID_STATE"]);
    expect(codes(await khalid(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber } }`, { id: row.id }))).toEqual(["FORBIDDEN"]);
    expect(codes(await officer(`mutation { issueFamilyCard(applicationId: "00000000-0000-0000-0000-000000000000") { cardNumber } }`))).toEqual(["NOT_FOUND"]);
  });
});

/** An agency's event endpoint that takes its time: answers `delayMs` after each event (held longer than any test when Infinity). */
async function slowSubscriber(delayMs: number) {
  const state = { received: 0, answered: 0 };
  const server = http.createServer((request, response) => {
    request.resume().on("end", () => {
      state.received++;
      if (delayMs === Infinity) return;
      setTimeout(() => {
        state.answered++;
        response.writeHead(204).end();
      }, delayMs);
    });
  });
  const port = await listen(server, 0);
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/events`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  });
}

describe.each(DATABASE_KINDS)("the answer to issuing a card (%s database)", (kind) => {
  let ca: SubgraphHarness | undefined;
  afterEach(() => ca?.stop());

  /** Khalid's card issued (a new one, then replacements) by a civil-affairs whose CardIssued events go to `subscribers`. */
  const issuing = async (subscribers: string[]) => {
    ca = await startSubgraphHarness(civilAffairs, { kind, env: { OUTBOX_SUBSCRIBERS: subscribers.join(",") }, tokens: signIn });
    const officer = await ca.as({ nationalId: "1000000909", roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const khalid = await ca.as({ nationalId: KHALID });
    let issued = 0;
    return async () => {
      const input = issued++ === 0 ? `{ kind: NEW_CARD, spouseIds: ["1000000065"], deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }` : `{ kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }`;
      const created = await khalid(`mutation { createCardApplication(input: ${input}) { id } }`);
      const id = created.data.createCardApplication.id;
      await khalid(`mutation($id: ID!) { submitCardApplication(id: $id) { id } }`, { id });
      await officer(`mutation($id: ID!) { startReview(id: $id) { id } }`, { id });
      await officer(`mutation($id: ID!) { approveCardApplication(id: $id) { id } }`, { id });
      return officer(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber } }`, { id });
    };
  };
  const issueKhalidsCard = async (subscribers: string[]) => (await issuing(subscribers))();

  it("comes once every agency took the CardIssued event, so that the card's delivery is in it", async () => {
    const [delivery, labor] = [await slowSubscriber(300), await slowSubscriber(50)];
    try {
      const issued = await issueKhalidsCard([delivery.url, labor.url]);
      expect(issued.errors).toBeUndefined();
      expect({ delivery: delivery.answered, labor: labor.answered }).toEqual({ delivery: 1, labor: 1 });
    } finally {
      await Promise.all([delivery.close(), labor.close()]);
    }
  });

  it("is not held up by an agency still holding an earlier event: the next card's delivery is in its answer", async () => {
    const [holding, delivery] = [await slowSubscriber(Infinity), await slowSubscriber(50)];
    try {
      const issue = await issuing([holding.url, delivery.url]);
      expect((await issue()).errors).toBeUndefined();
      const second = await issue();
      expect(second.errors).toBeUndefined();
      expect({ holding: holding.received, delivery: delivery.answered }).toEqual({ holding: 2, delivery: 2 });
    } finally {
      await Promise.all([holding.close(), delivery.close()]);
    }
  });

  it("does not wait on an agency that holds the event: the event stays in the outbox for it", async () => {
    const [holding, down] = [await slowSubscriber(Infinity), "http://127.0.0.1:9/events"];
    try {
      const issued = await issueKhalidsCard([holding.url, down]);
      expect(issued.errors).toBeUndefined();
      expect({ received: holding.received, answered: holding.answered }).toEqual({ received: 1, answered: 0 });
      const [{ undelivered }] = await ca!.db.query(`SELECT count(*)::int AS undelivered FROM outbox_message WHERE payload->>'cardNumber' = $1 AND delivered_at IS NULL`, [issued.data.issueFamilyCard.cardNumber]);
      expect(undelivered).toBe(2);
    } finally {
      await holding.close();
    }
  });
});
