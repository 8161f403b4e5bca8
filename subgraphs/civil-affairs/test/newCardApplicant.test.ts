import { codes, violationRules } from "../../../test/support/http";
import { startSubgraphHarness, type SubgraphHarness } from "../../../test/support/subgraph";
import { civilAffairs } from "../src/definition";
import { signIn } from "./people";

/**
 * NEW_CARD is for a family without an active card (RULES.md "Family card application"). A wife in
 * a register whose card is active has her family's card: before, her NEW_CARD went through, and
 * issuing it took her out of her husband's register into one she headed. An adult son may still
 * head a family of his own.
 */
const FAHADS_WIFE = "1000000024";
const FAHADS_SON = "1000000032";

const NEW_CARD = `mutation { createCardApplication(input: { kind: NEW_CARD, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id status } }`;
const REPLACEMENT = `mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`;

describe("who may apply for a new card", () => {
  let ca: SubgraphHarness;
  beforeAll(async () => {
    ca = await startSubgraphHarness(civilAffairs, { kind: "embedded", tokens: signIn });
  });
  afterAll(() => ca?.stop());

  it("refuses a wife whose family has an active card, in one violation that says its head applies", async () => {
    const wife = await ca.as({ nationalId: FAHADS_WIFE });
    const refused = await wife(NEW_CARD, {}, { "accept-language": "en" });
    expect(codes(refused)).toEqual(["BAD_USER_INPUT"]);
    expect(violationRules(refused)).toEqual(["CARD_ALREADY_ACTIVE"]);
    expect(refused.errors![0]!.extensions!.violations).toEqual([expect.objectContaining({ message: expect.stringMatching(/held by its head/) })]);
    const mine = await wife(`{ myCardApplications { id } }`);
    expect(mine.data.myCardApplications).toEqual([]);

    // A replacement is her husband's too: the rule says she is not the head (her family has a card), and
    // the message does not send her to a new card.
    const replacement = await wife(REPLACEMENT, {}, { "accept-language": "en" });
    expect(violationRules(replacement)).toEqual(["NOT_HEAD"]);
    expect(replacement.errors![0]!.extensions!.violations).toEqual([expect.objectContaining({ message: expect.stringMatching(/held by its head/) })]);
  });

  it("lets an adult son of a carded family draft a new card as the head of his own", async () => {
    const son = await ca.as({ nationalId: FAHADS_SON });
    const created = await son(NEW_CARD);
    expect(created.errors).toBeUndefined();
    expect(created.data.createCardApplication.status).toBe("DRAFT");
    await son(`mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`, { id: created.data.createCardApplication.id });
  });
});
