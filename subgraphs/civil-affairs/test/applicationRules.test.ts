import { DocumentType, ApplicationKind, DeliveryMethod } from "../src/applications/enums";
import { evaluate } from "../src/applications/rules/evaluate";
import type { ApplicationDraft, ApplicationFacts } from "../src/applications/rules/facts";
import { Citizen } from "../src/registry/citizen.entity";
import { CardStatus, FamilyRelation, Gender, MaritalStatus } from "../src/registry/enums";
import type { FamilyCard } from "../src/registry/familyCard.entity";
import type { ApplicationDocument } from "../src/applications/documents/document.entity";

/** The day the rules judge on (ApplicationFacts.today, from the request's `ctx.today`): pinned. */
const TODAY = "2026-11-25";
const ADDRESS = { buildingNumber: "2929", street: "King Fahd Road", district: "Al Olaya", city: "Riyadh", postalCode: "12211", additionalNumber: "7788", shortAddress: "RRRD2929" };

const person = (nationalId: string, fields: Partial<Citizen> = {}) =>
  Object.assign(new Citizen(), { nationalId, fullNameAr: "س", fullNameEn: null, gender: Gender.MALE, birthDate: "1990-01-01", nationality: "SA", maritalStatus: MaritalStatus.MARRIED, mobile: null, address: { ...ADDRESS }, ...fields });

const APPLICANT = "1000000057";
const WIFE = "1000000065";
const SON = "1000000073";

function facts(overrides: Partial<ApplicationFacts> = {}): ApplicationFacts {
  return {
    applicant: person(APPLICANT),
    ownFamily: null,
    activeCard: null,
    inAnotherHeadsRegister: false,
    spouseInCardedFamily: false,
    people: new Map([[WIFE, person(WIFE, { gender: Gender.FEMALE })], [SON, person(SON, { birthDate: "2024-03-01" })]]),
    marriages: [{ id: "m", husbandId: APPLICANT, wifeId: WIFE, registered: true, contractedOn: "2022-01-01", endedOn: null }],
    namedMarriages: [],
    births: new Map([[SON, { childId: SON, fatherId: APPLICANT, motherId: WIFE }]]),
    heads: new Set(),
    inOwnRegister: new Map(),
    office: null,
    documents: [],
    today: TODAY,
    ...overrides,
  };
}

function draft(overrides: Partial<ApplicationDraft> = {}): ApplicationDraft {
  return { id: "a", kind: ApplicationKind.NEW_CARD, applicantId: APPLICANT, spouseIds: [WIFE], childIds: [SON], deliveryMethod: DeliveryMethod.SAUDI_POST, pickupOfficeId: null, lossDeclaration: false, ...overrides };
}

const rules = (d: ApplicationDraft, f: ApplicationFacts, stage: "submit" | "review" = "submit") => evaluate(d, f, "en", stage).violations.map((v) => `${v.field}:${v.rule}`);
const doc = (type: DocumentType) => ({ type }) as ApplicationDocument;
const ACTIVE_CARD = { status: CardStatus.ACTIVE } as FamilyCard;

describe("card application rules", () => {
  it("passes a complete, registered family", () => {
    expect(evaluate(draft(), facts(), "en", "submit")).toEqual({ violations: [], missingDocuments: [], requirements: [] });
  });

  describe("who may apply", () => {
    it("refuses a resident with NOT_SAUDI", () => {
      const resident = person("2000000014", { nationality: "EG" });
      expect(rules(draft({ applicantId: "2000000014", spouseIds: [], childIds: [] }), facts({ applicant: resident }))).toContain("applicant:NOT_SAUDI");
    });
    it("refuses an applicant under 18, accepts one who turns 18 today", () => {
      expect(rules(draft(), facts({ applicant: person(APPLICANT, { birthDate: "2008-11-26" }) }))).toContain("applicant:UNDER_AGE");
      expect(rules(draft(), facts({ applicant: person(APPLICANT, { birthDate: "2008-11-25" }) }))).not.toContain("applicant:UNDER_AGE");
    });
  });

  describe("kind against the family's card", () => {
    it("allows NEW_CARD only without an active card", () => {
      expect(rules(draft(), facts({ activeCard: ACTIVE_CARD }))).toContain("kind:CARD_ALREADY_ACTIVE");
    });
    it.each([ApplicationKind.REPLACEMENT_LOST, ApplicationKind.REPLACEMENT_DAMAGED, ApplicationKind.MEMBERS_UPDATE])("allows %s only with an active card", (kind) => {
      expect(rules(draft({ kind, lossDeclaration: true }), facts())).toContain("kind:NO_ACTIVE_CARD");
      expect(rules(draft({ kind, lossDeclaration: true }), facts({ activeCard: ACTIVE_CARD, documents: [doc(DocumentType.DAMAGED_CARD_PHOTO)] }))).toEqual([]);
    });
    it("tells a spouse or child in someone else's register that the card is the head's to replace or update (NOT_HEAD)", () => {
      const said = (inAnotherHeadsRegister: boolean) => evaluate(draft({ kind: ApplicationKind.MEMBERS_UPDATE }), facts({ inAnotherHeadsRegister }), "en", "submit").violations.find((v) => v.field === "kind")!;
      expect(said(true)).toMatchObject({ rule: "NOT_HEAD", message: expect.stringMatching(/head's application/) });
      // Told to a child under 18 too: no invitation to apply for a card of one's own.
      expect(said(true).message).not.toMatch(/new card/);
      expect(said(false)).toMatchObject({ rule: "NO_ACTIVE_CARD", message: expect.stringMatching(/apply for a new card instead/) });
    });
  });

  describe("spouses", () => {
    it("needs a MARRIAGE_CONTRACT for a spouse without a registered marriage", () => {
      const f = facts({ marriages: [] });
      expect(evaluate(draft(), f, "en", "save").missingDocuments).toEqual([DocumentType.MARRIAGE_CONTRACT]);
      expect(rules(draft(), f)).toEqual(["documents:DOCUMENT_MISSING"]);
      expect(rules(draft(), facts({ marriages: [], documents: [doc(DocumentType.MARRIAGE_CONTRACT)] }))).toEqual([]);
    });
    it("asks no contract or certificate again for a spouse or child already in the applicant's register (an officer accepted it for that card)", () => {
      const update = draft({ kind: ApplicationKind.MEMBERS_UPDATE });
      const unlinked = { marriages: [], births: new Map() };
      expect(evaluate(update, facts(unlinked), "en", "save").missingDocuments).toEqual([DocumentType.MARRIAGE_CONTRACT, DocumentType.BIRTH_CERTIFICATE]);
      const inRegister = new Map([[WIFE, FamilyRelation.SPOUSE], [SON, FamilyRelation.SON]]);
      expect(evaluate(update, facts({ ...unlinked, inOwnRegister: inRegister }), "en", "save").missingDocuments).toEqual([]);
      // In the register as something else: a wife is not a daughter.
      const swapped = new Map([[WIFE, FamilyRelation.DAUGHTER], [SON, FamilyRelation.SPOUSE]]);
      expect(evaluate(update, facts({ ...unlinked, inOwnRegister: swapped }), "en", "save").missingDocuments).toEqual([DocumentType.MARRIAGE_CONTRACT, DocumentType.BIRTH_CERTIFICATE]);
    });
    it("does not count an ended or unregistered marriage", () => {
      const ended = facts({ marriages: [{ id: "m", husbandId: APPLICANT, wifeId: WIFE, registered: true, contractedOn: "2010-01-01", endedOn: "2015-01-01" }] });
      expect(evaluate(draft(), ended, "en", "save").missingDocuments).toEqual([DocumentType.MARRIAGE_CONTRACT]);
    });
    it("needs a NATIONAL_ID_COPY for a non-Saudi spouse", () => {
      const f = facts({ people: new Map([[WIFE, person(WIFE, { nationality: "EG" })], [SON, person(SON)]]) });
      expect(evaluate(draft(), f, "en", "save").missingDocuments).toEqual([DocumentType.NATIONAL_ID_COPY]);
    });
    it("allows four spouses and refuses a fifth", () => {
      const ids = ["1000000107", "1000000115", "1000000123", "1000000131", "1000000149"];
      const people = new Map(ids.map((id) => [id, person(id)]));
      const marriages = ids.map((id) => ({ id, husbandId: APPLICANT, wifeId: id, registered: true, contractedOn: "2020-01-01", endedOn: null }));
      expect(rules(draft({ spouseIds: ids.slice(0, 4), childIds: [] }), facts({ people, marriages }))).toEqual([]);
      expect(rules(draft({ spouseIds: ids, childIds: [] }), facts({ people, marriages }))).toEqual(["spouseIds:TOO_MANY_SPOUSES"]);
    });
    it("reports an invalid, duplicated or self-listed spouse at its index; an unknown one only at the officer's review", () => {
      const spouseIds = ["1000000180", "1000000017", WIFE, WIFE, APPLICANT];
      const got = rules(draft({ spouseIds, childIds: [] }), facts());
      expect(got).toEqual(["spouseIds:TOO_MANY_SPOUSES", "spouseIds[1]:NATIONAL_ID_CHECK_DIGIT", "spouseIds[3]:DUPLICATE", "spouseIds[4]:SELF", "documents:DOCUMENT_MISSING"]);
      expect(rules(draft({ spouseIds, childIds: [] }), facts(), "review")).toContain("spouseIds[0]:SPOUSE_NOT_FOUND");
    });
    it("refuses a person named both a spouse and a child, at the child's index", () => {
      expect(rules(draft({ spouseIds: [WIFE], childIds: [WIFE] }), facts())).toContain("childIds[0]:SPOUSE_AND_CHILD");
      expect(rules(draft({ spouseIds: [WIFE], childIds: ["1000000032", "١٠٠٠٠٠٠٠٦٥"] }), facts())).toContain("childIds[1]:SPOUSE_AND_CHILD");
    });
    it("gives the applicant the same answer for an unknown ID and an existing person the registry does not link to him", () => {
      const stranger = "1000000081";
      const known = facts({ people: new Map([[stranger, person(stranger, { gender: Gender.FEMALE, nationality: "EG" })]]) });
      for (const stage of ["save", "submit"] as const) {
        expect(evaluate(draft({ spouseIds: [stranger], childIds: [] }), known, "en", stage)).toEqual(evaluate(draft({ spouseIds: [stranger], childIds: [] }), facts(), "en", stage));
      }
      // A resident's ID (first digit 2) says by itself that her iqama is needed.
      expect(evaluate(draft({ spouseIds: ["2000000014"], childIds: [] }), facts(), "en", "save").missingDocuments).toEqual([DocumentType.MARRIAGE_CONTRACT, DocumentType.NATIONAL_ID_COPY]);
    });
    it("refuses someone who heads another register at the officer's review, never to the applicant", () => {
      expect(rules(draft(), facts({ heads: new Set([WIFE]) }), "review")).toContain("spouseIds[0]:HEADS_ANOTHER_FAMILY");
      expect(rules(draft(), facts({ heads: new Set([WIFE]) }))).toEqual([]);
    });
    it("refuses at the officer's review a spouse the registry records as married to another man, whatever contract is attached; never tells the applicant", () => {
      const stranger = "1000000024";
      const married = (endedOn: string | null) => ({
        people: new Map([[stranger, person(stranger, { gender: Gender.FEMALE })]]),
        namedMarriages: [{ id: "x", husbandId: "1000000016", wifeId: stranger, registered: true, contractedOn: "2005-01-01", endedOn }],
        documents: [doc(DocumentType.MARRIAGE_CONTRACT)],
      });
      const d = draft({ spouseIds: [stranger], childIds: [] });
      expect(rules(d, facts(married(null)), "review")).toEqual(["spouseIds[0]:MARRIED_TO_ANOTHER"]);
      expect(rules(d, facts(married(null)))).toEqual([]);
      // Divorced from him: the contract stands.
      expect(rules(d, facts(married("2020-01-01")), "review")).toEqual([]);
      // Nor is she made his daughter on a birth certificate.
      const asChild = draft({ spouseIds: [], childIds: [stranger] });
      expect(rules(asChild, facts({ ...married(null), documents: [doc(DocumentType.BIRTH_CERTIFICATE)] }), "review")).toEqual(["childIds[0]:MARRIED_TO_ANOTHER"]);
    });
  });

  describe("children", () => {
    it("needs a BIRTH_CERTIFICATE when the birth record names another parent or is missing", () => {
      const other = facts({ births: new Map([[SON, { childId: SON, fatherId: "1000000180", motherId: null }]]) });
      expect(evaluate(draft(), other, "en", "save").missingDocuments).toEqual([DocumentType.BIRTH_CERTIFICATE]);
      expect(evaluate(draft(), facts({ births: new Map() }), "en", "save").missingDocuments).toEqual([DocumentType.BIRTH_CERTIFICATE]);
    });
    it("accepts a birth record naming the applicant as mother", () => {
      const f = facts({ births: new Map([[SON, { childId: SON, fatherId: null, motherId: APPLICANT }]]) });
      expect(evaluate(draft(), f, "en", "save").missingDocuments).toEqual([]);
    });
    it("asks the applicant a BIRTH_CERTIFICATE for an unknown child; the officer's review reports it", () => {
      expect(evaluate(draft({ childIds: ["1000000180"] }), facts(), "en", "save").missingDocuments).toEqual([DocumentType.BIRTH_CERTIFICATE]);
      expect(rules(draft({ childIds: ["1000000180"] }), facts(), "review")).toEqual(["childIds[0]:CHILD_NOT_FOUND"]);
    });
    it("refuses more than 50 children", () => {
      const many = Array.from({ length: 51 }, () => SON);
      expect(rules(draft({ childIds: many }), facts())).toContain("childIds:TOO_MANY_CHILDREN");
    });
  });

  describe("replacements", () => {
    it("REPLACEMENT_LOST needs lossDeclaration = true", () => {
      const d = draft({ kind: ApplicationKind.REPLACEMENT_LOST });
      expect(rules(d, facts({ activeCard: ACTIVE_CARD }))).toEqual(["lossDeclaration:LOSS_DECLARATION_REQUIRED"]);
      expect(rules({ ...d, lossDeclaration: true }, facts({ activeCard: ACTIVE_CARD }))).toEqual([]);
    });
    it("REPLACEMENT_DAMAGED needs a DAMAGED_CARD_PHOTO", () => {
      const d = draft({ kind: ApplicationKind.REPLACEMENT_DAMAGED });
      expect(evaluate(d, facts({ activeCard: ACTIVE_CARD }), "en", "save").missingDocuments).toEqual([DocumentType.DAMAGED_CARD_PHOTO]);
    });
  });

  describe("delivery", () => {
    it("needs a delivery method at submission", () => {
      expect(rules(draft({ deliveryMethod: null }), facts())).toEqual(["deliveryMethod:DELIVERY_METHOD_REQUIRED"]);
    });
    it("SAUDI_POST needs an address, complete and valid, every bad field at once", () => {
      expect(rules(draft(), facts({ applicant: person(APPLICANT, { address: {} as never }) }))).toEqual(["nationalAddress:ADDRESS_REQUIRED"]);
      const bad = person(APPLICANT, { address: { ...ADDRESS, buildingNumber: "29", postalCode: "1221", additionalNumber: "77a8", shortAddress: "RR2929", street: "" } });
      expect(rules(draft(), facts({ applicant: bad }))).toEqual([
        "nationalAddress.street:REQUIRED",
        "nationalAddress.buildingNumber:FORMAT",
        "nationalAddress.postalCode:FORMAT",
        "nationalAddress.additionalNumber:FORMAT",
        "nationalAddress.shortAddress:FORMAT",
      ]);
    });
    it("OFFICE_PICKUP needs an existing office", () => {
      expect(rules(draft({ deliveryMethod: DeliveryMethod.OFFICE_PICKUP }), facts())).toEqual(["pickupOfficeId:OFFICE_REQUIRED"]);
      expect(rules(draft({ deliveryMethod: DeliveryMethod.OFFICE_PICKUP, pickupOfficeId: "XXX" }), facts())).toEqual(["pickupOfficeId:OFFICE_NOT_FOUND"]);
      const office = { id: "RUH-01", nameAr: "", nameEn: "", city: "Riyadh", cityAr: "الرياض" };
      expect(rules(draft({ deliveryMethod: DeliveryMethod.OFFICE_PICKUP, pickupOfficeId: "RUH-01" }), facts({ office }))).toEqual([]);
    });
  });

  it("reports every violation at once, in the request's language", () => {
    const resident = person("2000000014", { nationality: "EG", address: {} as never });
    const result = evaluate(draft({ applicantId: "2000000014", kind: ApplicationKind.REPLACEMENT_LOST, childIds: ["1000000180"] }), facts({ applicant: resident, marriages: [] }), "ar", "submit");
    expect(result.violations.map((v) => v.rule)).toEqual(["NOT_SAUDI", "NO_ACTIVE_CARD", "LOSS_DECLARATION_REQUIRED", "ADDRESS_REQUIRED", "DOCUMENT_MISSING", "DOCUMENT_MISSING"]);
    expect(result.violations[0]!.message).toBe("تصدر بطاقة العائلة للمواطنين السعوديين فقط، ويستفيد المقيمون من خدمات أخرى.");
  });
});
