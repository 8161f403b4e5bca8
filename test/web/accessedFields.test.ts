import fs from "node:fs";
import path from "node:path";
import { buildSchema, getNamedType, isAbstractType, isObjectType, type GraphQLNamedType, type GraphQLSchema } from "graphql";
import type { AuditPolicy } from "../../kernel/audit/policy";
import { AGENCY_NAMES, type AgencyName } from "../../subgraphs/agencies";
import { civilAffairsAudit } from "../../subgraphs/civil-affairs/src/audit/personalData";
import { deliveryAudit } from "../../subgraphs/delivery/src/audit/personalData";
import { laborAudit } from "../../subgraphs/labor/src/audit/personalData";
import { describeAccessedFields } from "../../web/src/dataAccess/accessedFields";
import { accessedFieldLabels, accessedTypeLabels } from "../../web/src/dataAccess/words";

// The app's language module sets the page's lang and dir as it loads: there is no page here.
jest.mock("../../web/src/i18n/language", () => ({ useLanguage: () => "ar" }));

const ROOT = path.resolve(__dirname, "../..");

/** Each agency's personal data map (only its type names are read: no register is asked). */
const POLICIES: Record<AgencyName, AuditPolicy> = {
  "civil-affairs": civilAffairsAudit,
  labor: laborAudit({} as Parameters<typeof laborAudit>[0]),
  delivery: deliveryAudit,
};

/** The personal types among what a field returns, as kernel/audit/resolvers.ts finds them. */
function personalTypesOf(type: GraphQLNamedType, schema: GraphQLSchema, policy: AuditPolicy): string[] {
  const names = isObjectType(type) ? [type.name] : isAbstractType(type) ? schema.getPossibleTypes(type).map((each) => each.name) : [];
  return names.filter((name) => policy.personal[name]);
}

/**
 * What the audit can record of an agency (kernel/audit/resolvers.ts, on the agency's schema as
 * schema/<agency>.graphql prints it): `<Type>.<field>` for every field of its personal types, and
 * `Mutation.<name>` for every mutation that returns one.
 */
function recordedBy(agency: AgencyName): string[] {
  const policy = POLICIES[agency];
  const schema = buildSchema(fs.readFileSync(path.join(ROOT, "schema", `${agency}.graphql`), "utf8"), { assumeValidSDL: true });
  const names: string[] = [];
  for (const typeName of Object.keys(policy.personal)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${agency}'s audit policy names ${typeName}, which is no object type of schema/${agency}.graphql`);
    names.push(...Object.keys(type.getFields()).map((field) => `${typeName}.${field}`));
  }
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    if (personalTypesOf(getNamedType(field.type), schema, policy).length > 0) names.push(`Mutation.${field.name}`);
  }
  return names;
}

/**
 * The names the agencies' own code records (`recordChanges`, `trailOf(ctx).noteRefused(…)`): the
 * `"<Type>.<field>"` literals of the subgraph files that call them.
 */
function recordedByHand(): string[] {
  const names = new Set<string>();
  for (const file of fs.readdirSync(path.join(ROOT, "subgraphs"), { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts") || file.split(path.sep).includes("test")) continue;
    const source = fs.readFileSync(path.join(ROOT, "subgraphs", file), "utf8");
    if (!/recordChanges\(|\.note(Read|Refused|Change)\(/.test(source)) continue;
    for (const match of source.matchAll(/["'`]([A-Z]\w*\.[a-z]\w*)["'`]/g)) names.add(match[1]!);
  }
  return [...names];
}

const RECORDABLE = [...new Set([...AGENCY_NAMES.flatMap(recordedBy), ...recordedByHand()])].sort();
const PERSONAL_TYPES = [...new Set(AGENCY_NAMES.flatMap((agency) => Object.keys(POLICIES[agency].personal)))].sort();

/** Arabic letters; a label without any is an English or programmer's word left in the Arabic screen. */
const ARABIC = /[\u0600-\u06FF]/;
/** A programmer's identifier: `Type.field`. */
const IDENTIFIER = /[A-Za-z]+\.[A-Za-z]+/;

describe("the fields of 'who accessed my data' in words (web/src/dataAccess)", () => {
  it("are found in every agency's audit policy and schema", () => {
    expect(Object.keys(POLICIES).sort()).toEqual([...AGENCY_NAMES].sort());
    // The tester's record, a change, a refused download and a change the issuing records by hand.
    expect(RECORDABLE).toEqual(
      expect.arrayContaining(["Citizen.birthDate", "Family.head", "FamilyCard.delivery", "Shipment.address", "Family.eligibility", "WageRecord.monthlyAmount", "Mutation.updateNationalAddress", "Query.documentContent", "FamilyMember.registerNumber"]),
    );
    expect(RECORDABLE).not.toContain("Mutation.login");
  });

  it("has a label in Arabic and in English for every field the audit can record", () => {
    const missing = (labels: Record<string, string>) => RECORDABLE.filter((name) => !Object.hasOwn(labels, name) || !labels[name]);
    expect({ ar: missing(accessedFieldLabels.ar), en: missing(accessedFieldLabels.en) }).toEqual({ ar: [], en: [] });
  });

  it("has a heading in Arabic and in English for every personal type", () => {
    const missing = (headings: Record<string, string>) => PERSONAL_TYPES.filter((type) => !Object.hasOwn(headings, type) || !headings[type]);
    expect({ ar: missing(accessedTypeLabels.ar), en: missing(accessedTypeLabels.en) }).toEqual({ ar: [], en: [] });
  });

  it("says them in Arabic words in Arabic, and no identifier in English", () => {
    const arabic = [...Object.values(accessedFieldLabels.ar), ...Object.values(accessedTypeLabels.ar)];
    expect(arabic.filter((label) => !ARABIC.test(label) || IDENTIFIER.test(label))).toEqual([]);
    const english = [...Object.values(accessedFieldLabels.en), ...Object.values(accessedTypeLabels.en)];
    expect(english.filter((label) => ARABIC.test(label) || IDENTIFIER.test(label))).toEqual([]);
  });

  it("groups a record's fields under their headings, a change on its own, and keeps a name it has no words for as it is", () => {
    const record = ["Citizen.birthDate", "Citizen.future", "Family.head", "FamilyCard.delivery", "Mutation.updateNationalAddress", "Shipment.address", "Citizen.fullNameAr", "odd", "constructor"];
    const words = (language: "ar" | "en") => ({ types: accessedTypeLabels[language], fields: accessedFieldLabels[language] });
    expect(describeAccessedFields(record, words("ar"))).toEqual({
      groups: [
        { heading: "بيانات الهوية", labels: ["الاسم بالعربية", "تاريخ الميلاد"] },
        { heading: "سجل الأسرة", labels: ["ربّ الأسرة"] },
        { heading: "بطاقة العائلة", labels: ["التوصيل أو الاستلام"] },
        { heading: "الشحنة", labels: ["عنوان التوصيل"] },
        { heading: null, labels: ["تحديث العنوان الوطني"] },
      ],
      unlabelled: ["Citizen.future", "odd", "constructor"],
    });
    expect(describeAccessedFields(["Shipment.address", "Citizen.birthDate"], words("en")).groups).toEqual([
      { heading: "Identity", labels: ["Date of birth"] },
      { heading: "Shipment", labels: ["Delivery address"] },
    ]);
    expect(describeAccessedFields([], words("ar"))).toEqual({ groups: [], unlabelled: [] });
  });
});
