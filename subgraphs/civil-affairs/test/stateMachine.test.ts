import { DATABASE_KINDS } from "../../../test/support/database";
import { codes, violationRules } from "../../../test/support/http";
import { ApplicationStatus as S } from "../src/applications/enums";
import { MOVES, type MoveName } from "../src/applications/stateMachine";
import { startSubgraphHarness, type Client, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { headsWithCards, signIn } from "./people";

const OFFICER = "1000000909";

const MUTATIONS: Record<MoveName, string> = {
  submit: `mutation($id: ID!) { r: submitCardApplication(id: $id) { status version } }`,
  startReview: `mutation($id: ID!) { r: startReview(id: $id) { status version } }`,
  requestCorrection: `mutation($id: ID!) { r: requestCorrection(id: $id, notes: "Fix the address") { status version } }`,
  approve: `mutation($id: ID!) { r: approveCardApplication(id: $id) { status version } }`,
  reject: `mutation($id: ID!) { r: rejectCardApplication(id: $id, reason: "Not eligible") { status version } }`,
  issue: `mutation($id: ID!) { r: issueFamilyCard(applicationId: $id) { status } }`,
  cancel: `mutation($id: ID!) { r: cancelCardApplication(id: $id) { status version } }`,
};

/** How to reach each status from DRAFT. */
const PATHS: Record<S, MoveName[]> = {
  [S.DRAFT]: [],
  [S.SUBMITTED]: ["submit"],
  [S.UNDER_REVIEW]: ["submit", "startReview"],
  [S.NEEDS_CORRECTION]: ["submit", "startReview", "requestCorrection"],
  [S.APPROVED]: ["submit", "startReview", "approve"],
  [S.REJECTED]: ["submit", "startReview", "reject"],
  [S.ISSUED]: ["submit", "startReview", "approve", "issue"],
  [S.CANCELLED]: ["cancel"],
};

describe.each(DATABASE_KINDS)("application state machine (%s database)", (kind) => {
  let ca: SubgraphHarness;
  let officer: Client;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind, env: { DEMO_FAMILIES: "120" }, tokens: signIn });
    officer = await ca.as({ nationalId: OFFICER, roles: ["CIVIL_AFFAIRS_OFFICER"] });
  });
  afterAll(() => ca?.stop());

  async function applicationIn(status: S) {
    const [head] = await headsWithCards(ca.db, 1);
    const applicant = await ca.as({ nationalId: head! });
    const created = await applicant(`mutation { r: createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    const id = created.data.r.id as string;
    for (const move of PATHS[status]) {
      const caller = MOVES[move].actor === "officer" ? officer : applicant;
      const moved = await caller(MUTATIONS[move], { id });
      if (moved.errors) throw new Error(`${move}: ${JSON.stringify(moved.errors)}`);
    }
    return { id, applicant };
  }

  const cases = Object.values(S).flatMap((status) => (Object.keys(MOVES) as MoveName[]).map((move) => [status, move] as const));

  // The whole table once (on the embedded database); the races below run on every database.
  const onEveryMove = kind === "embedded" ? it.each(cases) : () => undefined;
  onEveryMove("from %s, %s is allowed exactly when the table says so", async (status, move) => {
    const { id, applicant } = await applicationIn(status);
    const caller = MOVES[move].actor === "officer" ? officer : applicant;
    const history = await ca.db.query(`SELECT count(*)::int AS n FROM application_history WHERE application_id = $1`, [id]);
    const result = await caller(MUTATIONS[move], { id });
    const after = await ca.db.query(`SELECT status, (SELECT count(*)::int FROM application_history WHERE application_id = $1) AS n FROM card_application WHERE id = $1`, [id]);
    if ((MOVES[move].from as readonly S[]).includes(status)) {
      expect(result.errors).toBeUndefined();
      expect(after[0]).toEqual({ status: MOVES[move].to, n: history[0].n + 1 });
    } else {
      expect(codes(result)).toEqual(["INVALID_STATE"]);
      expect(after[0]).toEqual({ status, n: history[0].n });
    }
  });

  it("dates an application's creation, submission, decision and card at the instants its history gives them", async () => {
    for (const status of [S.APPROVED, S.REJECTED, S.ISSUED]) {
      const { id } = await applicationIn(status);
      const read = await officer(`query($id: ID!) { cardApplication(id: $id) { createdAt submittedAt decidedAt card { issuedAt } history { to at } } }`, { id });
      const { createdAt, submittedAt, decidedAt, card, history } = read.data.cardApplication;
      const at = (to: S) => history.find((change: { to: string }) => change.to === to).at;
      expect({ createdAt, submittedAt, decidedAt }).toEqual({ createdAt: at(S.DRAFT), submittedAt: at(S.SUBMITTED), decidedAt: at(status === S.ISSUED ? S.APPROVED : status) });
      if (status === S.ISSUED) expect(card.issuedAt).toBe(at(S.ISSUED));
    }
  });

  it("lets only the applicant make the applicant's moves, and only officers the officer's", async () => {
    const { id, applicant } = await applicationIn(S.SUBMITTED);
    const [stranger] = await headsWithCards(ca.db, 1);
    const other = await ca.as({ nationalId: stranger! });
    expect(codes(await other(MUTATIONS.cancel, { id }))).toEqual(["FORBIDDEN"]);
    expect(codes(await applicant(MUTATIONS.startReview, { id }))).toEqual(["FORBIDDEN"]);
    expect(codes(await officer(MUTATIONS.cancel, { id }))).toEqual(["FORBIDDEN"]);
  });

  it("refuses a stale expectedVersion with CONFLICT and moves nothing", async () => {
    const { id } = await applicationIn(S.SUBMITTED);
    const stale = await officer(`mutation($id: ID!) { startReview(id: $id, expectedVersion: 1) { status } }`, { id });
    expect(codes(stale)).toEqual(["CONFLICT"]);
    const [row] = await ca.db.query(`SELECT status FROM card_application WHERE id = $1`, [id]);
    expect(row.status).toBe(S.SUBMITTED);
  });

  it("lets exactly one of two officers moving the same application at the same moment succeed", async () => {
    const { id } = await applicationIn(S.SUBMITTED);
    const second = await ca.as({ nationalId: "1000000917", roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const [a, b] = await Promise.all([
      officer(`mutation($id: ID!) { startReview(id: $id, expectedVersion: 2) { version } }`, { id }),
      second(`mutation($id: ID!) { startReview(id: $id, expectedVersion: 2) { version } }`, { id }),
    ]);
    expect([codes(a), codes(b)].sort()).toEqual([[], ["CONFLICT"]]);
    const [row] = await ca.db.query(`SELECT version, (SELECT count(*)::int FROM application_history WHERE application_id = $1 AND "to" = 'UNDER_REVIEW') AS reviews FROM card_application WHERE id = $1`, [id]);
    expect(row).toEqual({ version: 3, reviews: 1 });
  });

  it("cancels once when the applicant cancels twice at the same moment: the other is told it is cancelled already", async () => {
    const { id, applicant } = await applicationIn(S.SUBMITTED);
    const [a, b] = await Promise.all([applicant(MUTATIONS.cancel, { id }), applicant(MUTATIONS.cancel, { id })]);
    expect([codes(a), codes(b)].sort()).toEqual([[], ["INVALID_STATE"]]);
    const [row] = await ca.db.query(`SELECT status, version, (SELECT count(*)::int FROM application_history WHERE application_id = $1 AND "to" = 'CANCELLED') AS cancels FROM card_application WHERE id = $1`, [id]);
    expect(row).toEqual({ status: S.CANCELLED, version: 3, cancels: 1 });
    const history = await ca.db.query(
      `SELECT h."from", h."by" = a.applicant_id AS by_applicant FROM application_history h JOIN card_application a ON a.id = h.application_id WHERE h.application_id = $1 AND h."to" = 'CANCELLED'`,
      [id],
    );
    expect(history).toEqual([{ from: S.SUBMITTED, by_applicant: true }]);
  });

  it("returns the first result for a repeated idempotency key, even concurrently, and moves once", async () => {
    const { id, applicant } = await applicationIn(S.DRAFT);
    const submit = () => applicant(`mutation($id: ID!) { submitCardApplication(id: $id, idempotencyKey: "k-1") { status version } }`, { id });
    const results = await Promise.all([submit(), submit(), submit()]);
    for (const result of results) expect(result.data.submitCardApplication).toEqual({ status: "SUBMITTED", version: 2 });
    const again = await submit();
    expect(again.data.submitCardApplication).toEqual({ status: "SUBMITTED", version: 2 });
    const [row] = await ca.db.query(`SELECT count(*)::int AS n FROM application_history WHERE application_id = $1 AND "to" = 'SUBMITTED'`, [id]);
    expect(row.n).toBe(1);
  });

  it("answers a submission repeated after officers moved the application with its first result, and moves nothing", async () => {
    const { id, applicant } = await applicationIn(S.DRAFT);
    const FIELDS = `id status version submittedAt decidedAt correctionNotes history { from to }`;
    const submit = () => applicant(`mutation($id: ID!) { submitCardApplication(id: $id, idempotencyKey: "k-late") { ${FIELDS} } }`, { id });
    const first = (await submit()).data.submitCardApplication;
    expect(first).toMatchObject({ status: "SUBMITTED", version: 2, decidedAt: null, correctionNotes: null, history: [{ from: null, to: "DRAFT" }, { from: "DRAFT", to: "SUBMITTED" }] });
    await officer(`mutation($id: ID!) { startReview(id: $id, expectedVersion: 2) { version } }`, { id });
    const approved = await officer(`mutation($id: ID!) { approveCardApplication(id: $id, expectedVersion: 3) { status } }`, { id });
    expect(approved.data.approveCardApplication.status).toBe(S.APPROVED);

    const again = await submit();
    expect(again.errors).toBeUndefined();
    expect(again.data.submitCardApplication).toEqual(first);
    const [row] = await ca.db.query(`SELECT status, version FROM card_application WHERE id = $1`, [id]);
    expect(row).toEqual({ status: S.APPROVED, version: 4 });
  });

  it("refuses the key of an earlier round once the application is sent back for correction (it would say SUBMITTED of one that is not); a new key submits it, and the old key stays refused", async () => {
    const { id, applicant } = await applicationIn(S.DRAFT);
    const submit = (key: string) => applicant(`mutation($id: ID!, $key: String) { submitCardApplication(id: $id, idempotencyKey: $key) { status version } }`, { id, key });
    expect((await submit("round-1")).data.submitCardApplication).toEqual({ status: "SUBMITTED", version: 2 });
    await officer(`mutation($id: ID!) { startReview(id: $id, expectedVersion: 2) { version } }`, { id });
    await officer(`mutation($id: ID!) { requestCorrection(id: $id, notes: "The marriage contract is unreadable.", expectedVersion: 3) { status } }`, { id });

    const replayed = await submit("round-1");
    expect(codes(replayed)).toEqual(["BAD_USER_INPUT"]);
    expect(replayed.errors![0]!.extensions!.violations).toEqual([{ field: "idempotencyKey", rule: "ALREADY_USED", message: expect.stringMatching(/earlier submission of this application/) }]);
    const [row] = await ca.db.query(`SELECT status, version FROM card_application WHERE id = $1`, [id]);
    expect(row).toEqual({ status: S.NEEDS_CORRECTION, version: 4 });
    expect((await submit("round-2")).data.submitCardApplication).toEqual({ status: "SUBMITTED", version: 5 });
    // Submitted again: the first round's key would answer that round's snapshot (version 2) for this one.
    expect(violationRules(await submit("round-1"))).toEqual(["ALREADY_USED"]);
    expect((await submit("round-2")).data.submitCardApplication).toEqual({ status: "SUBMITTED", version: 5 });
  });

  it("refuses a key longer than 128 characters as input, not as a server error, and moves nothing", async () => {
    const { id, applicant } = await applicationIn(S.DRAFT);
    const tooLong = await applicant(`mutation($id: ID!, $key: String) { submitCardApplication(id: $id, idempotencyKey: $key) { status } }`, { id, key: "k".repeat(129) });
    expect(codes(tooLong)).toEqual(["BAD_USER_INPUT"]);
    expect(tooLong.errors![0]!.extensions!.violations).toEqual([expect.objectContaining({ field: "idempotencyKey", rule: "TOO_LONG" })]);
    const [row] = await ca.db.query(`SELECT status FROM card_application WHERE id = $1`, [id]);
    expect(row.status).toBe(S.DRAFT);
  });

  it("refuses a key already used to submit another application (BAD_USER_INPUT on idempotencyKey), and moves nothing", async () => {
    const { id: first, applicant } = await applicationIn(S.DRAFT);
    const submit = (id: string) => applicant(`mutation($id: ID!) { r: submitCardApplication(id: $id, idempotencyKey: "k-2") { id status } }`, { id });
    expect((await submit(first)).data.r).toEqual({ id: first, status: "SUBMITTED" });
    await applicant(MUTATIONS.cancel, { id: first });
    const created = await applicant(`mutation { r: createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`);
    const second = created.data.r.id as string;
    const reused = await submit(second);
    expect(codes(reused)).toEqual(["BAD_USER_INPUT"]);
    expect(reused.errors![0]!.extensions!.violations).toEqual([{ field: "idempotencyKey", rule: "ALREADY_USED", message: expect.any(String) }]);
    const [row] = await ca.db.query(`SELECT status FROM card_application WHERE id = $1`, [second]);
    expect(row.status).toBe(S.DRAFT);
  });

  it("needs notes to request a correction and a reason to reject", async () => {
    const { id } = await applicationIn(S.UNDER_REVIEW);
    const noNotes = await officer(`mutation($id: ID!) { requestCorrection(id: $id, notes: "  ") { status } }`, { id });
    const noReason = await officer(`mutation($id: ID!) { rejectCardApplication(id: $id, reason: "") { status } }`, { id });
    expect(codes(noNotes)).toEqual(["BAD_USER_INPUT"]);
    expect(codes(noReason)).toEqual(["BAD_USER_INPUT"]);
    const rejected = await officer(`mutation($id: ID!) { rejectCardApplication(id: $id, reason: "Documents forged") { status rejectionReason decidedAt history { to by note } } }`, { id });
    expect(rejected.data.rejectCardApplication).toMatchObject({ status: "REJECTED", rejectionReason: "Documents forged", history: expect.arrayContaining([{ to: "REJECTED", by: OFFICER, note: "Documents forged" }]) });
  });

  it("answers a move with the application as it now is, also after an earlier move in the same operation read it", async () => {
    const { id, applicant } = await applicationIn(S.DRAFT);
    const both = await applicant(`mutation($id: ID!) { s: submitCardApplication(id: $id) { status history { to } } c: cancelCardApplication(id: $id) { status history { to } } }`, { id });
    expect(both.errors).toBeUndefined();
    expect(both.data).toEqual({
      s: { status: "SUBMITTED", history: [{ to: "DRAFT" }, { to: "SUBMITTED" }] },
      c: { status: "CANCELLED", history: [{ to: "DRAFT" }, { to: "SUBMITTED" }, { to: "CANCELLED" }] },
    });
  });

  it("keeps one open application per applicant (CONFLICT), also under concurrent creation", async () => {
    const [head] = await headsWithCards(ca.db, 1);
    const applicant = await ca.as({ nationalId: head! });
    const create = () => applicant(`mutation { createCardApplication(input: { kind: REPLACEMENT_LOST }) { id } }`);
    const results = await Promise.all([create(), create(), create()]);
    expect(results.map(codes).sort()).toEqual([[], ["CONFLICT"], ["CONFLICT"]]);
    const [row] = await ca.db.query(`SELECT count(*)::int AS n FROM card_application WHERE applicant_id = $1 AND status = 'DRAFT'`, [head]);
    expect(row.n).toBe(1);
  });
});
