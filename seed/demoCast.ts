import type { Role } from "../kernel/auth/viewer";
import type { NationalAddress } from "../kernel/graphql/nationalAddress";
import { withCheckDigit } from "../kernel/nationalId";
import { riyadhToday } from "../kernel/riyadhCalendar";
import { withHistory } from "./demoHistory";
import { random } from "./random";
import { CITIES, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from "./names";

/**
 * The demo data every subgraph loads its own part of: the named cast of the README and a
 * deterministic set of synthetic families. Demo data only: the services refuse it in production.
 */
export const DEMO_PASSWORD = "demo-password";

export type Relation = "HEAD" | "SPOUSE" | "SON" | "DAUGHTER";

export interface CastPerson {
  nationalId: string;
  fullNameAr: string;
  fullNameEn: string;
  gender: "MALE" | "FEMALE";
  birthDate: string;
  nationality: string;
  maritalStatus: "SINGLE" | "MARRIED" | "DIVORCED" | "WIDOWED";
  mobile: string | null;
  address: NationalAddress | null;
  /** Roles beyond CITIZEN; people with `account` can sign in. */
  roles: Role[];
  account: boolean;
}

export type ApplicationKind = "NEW_CARD" | "REPLACEMENT_LOST" | "REPLACEMENT_DAMAGED" | "MEMBERS_UPDATE";
export type ApplicationStatus = "DRAFT" | "SUBMITTED" | "UNDER_REVIEW" | "NEEDS_CORRECTION" | "APPROVED" | "REJECTED" | "ISSUED" | "CANCELLED";

/** Where a card's delivery stands in the demo data (a Saudi Post shipment or an office pickup). */
export type CastDelivery = "DELIVERED" | "IN_TRANSIT" | "DELAYED" | "RETURNED_TO_OFFICE" | "PREPARING" | "READY_FOR_PICKUP" | "COLLECTED";

export interface CastCard {
  cardNumber: string;
  version: number;
  /** The application the card was issued for, and the hours from its submission to the issue. */
  kind: ApplicationKind;
  hoursToIssue: number;
  issuedAt: string;
  deliveryMethod: "SAUDI_POST" | "OFFICE_PICKUP";
  officeId: string | null;
  delivery: CastDelivery;
  /** The card this one replaced (version - 1), when there was one. */
  previous: { cardNumber: string; issuedAt: string } | null;
}

/** An application that did not (yet) lead to a card: its kind, status and moves. */
export interface CastApplication {
  applicantId: string;
  registerNumber: string | null;
  kind: ApplicationKind;
  status: ApplicationStatus;
  moves: Array<{ to: ApplicationStatus; at: string }>;
}

export interface CastFamily {
  registerNumber: string;
  headId: string;
  members: Array<{ nationalId: string; relation: Relation }>;
  card: CastCard | null;
}

export interface CastWage {
  nationalId: string;
  monthlyHalalas: number;
  employer: string;
}

export interface Cast {
  people: CastPerson[];
  families: CastFamily[];
  marriages: Array<{ husbandId: string; wifeId: string; registered: boolean; contractedOn: string }>;
  births: Array<{ childId: string; fatherId: string | null; motherId: string | null }>;
  offices: Array<{ id: string; nameAr: string; nameEn: string; city: string; cityAr: string }>;
  wages: CastWage[];
  /** Applications of the demo history that issued no card (open, rejected or cancelled). */
  applications: CastApplication[];
}

export const OFFICES = [
  { id: "RUH-01", nameAr: "مكتب الأحوال المدنية بالرياض - العليا", nameEn: "Civil Affairs Office Riyadh - Olaya", city: "Riyadh", cityAr: "الرياض" },
  { id: "JED-01", nameAr: "مكتب الأحوال المدنية بجدة - الروضة", nameEn: "Civil Affairs Office Jeddah - Rawdah", city: "Jeddah", cityAr: "جدة" },
  { id: "DMM-01", nameAr: "مكتب الأحوال المدنية بالدمام", nameEn: "Civil Affairs Office Dammam", city: "Dammam", cityAr: "الدمام" },
];

const FAHAD_ADDRESS: NationalAddress = {
  buildingNumber: "2929",
  street: "طريق الملك فهد",
  district: "العليا",
  city: "الرياض",
  postalCode: "12211",
  additionalNumber: "7788",
  shortAddress: "RRRD2929",
};

function person(p: Partial<CastPerson> & Pick<CastPerson, "nationalId" | "fullNameAr" | "fullNameEn" | "gender" | "birthDate">): CastPerson {
  return { nationality: "SA", maritalStatus: "SINGLE", mobile: null, address: null, roles: [], account: true, ...p };
}

function namedCast(): Cast {
  const people: CastPerson[] = [
    person({ nationalId: "1000000016", fullNameAr: "فهد عبدالله العتيبي", fullNameEn: "Fahad Abdullah Alotaibi", gender: "MALE", birthDate: "1980-04-12", maritalStatus: "MARRIED", mobile: "0551234567", address: FAHAD_ADDRESS }),
    person({ nationalId: "1000000024", fullNameAr: "نورة سعد العتيبي", fullNameEn: "Noura Saad Alotaibi", gender: "FEMALE", birthDate: "1984-09-03", maritalStatus: "MARRIED", mobile: "0557654321" }),
    person({ nationalId: "1000000032", fullNameAr: "عبدالله فهد العتيبي", fullNameEn: "Abdullah Fahad Alotaibi", gender: "MALE", birthDate: "2006-02-20" }),
    person({ nationalId: "1000000040", fullNameAr: "سارة فهد العتيبي", fullNameEn: "Sarah Fahad Alotaibi", gender: "FEMALE", birthDate: "2012-07-15" }),
    person({ nationalId: "1000000057", fullNameAr: "خالد محمد القحطاني", fullNameEn: "Khalid Mohammed Alqahtani", gender: "MALE", birthDate: "1998-01-10", maritalStatus: "MARRIED", mobile: "0501112233" }),
    person({ nationalId: "1000000065", fullNameAr: "نورة علي الشهري", fullNameEn: "Noura Ali Alshehri", gender: "FEMALE", birthDate: "2000-05-22", maritalStatus: "MARRIED" }),
    person({ nationalId: "1000000073", fullNameAr: "محمد خالد القحطاني", fullNameEn: "Mohammed Khalid Alqahtani", gender: "MALE", birthDate: "2024-03-01", account: false }),
    person({ nationalId: "1000000081", fullNameAr: "سعد ماجد الغامدي", fullNameEn: "Saad Majed Alghamdi", gender: "MALE", birthDate: "2020-06-18", account: false }),
    person({ nationalId: "1000000180", fullNameAr: "ماجد حمد الغامدي", fullNameEn: "Majed Hamad Alghamdi", gender: "MALE", birthDate: "1985-11-02", maritalStatus: "MARRIED" }),
    person({ nationalId: "1000000099", fullNameAr: "عبدالله ناصر الدوسري", fullNameEn: "Abdullah Nasser Aldosari", gender: "MALE", birthDate: "1975-08-30", maritalStatus: "MARRIED", mobile: "0569876543", address: { buildingNumber: "4512", street: "شارع التحلية", district: "الروضة", city: "جدة", postalCode: "23435", additionalNumber: "8123", shortAddress: "JJED4512" } }),
    person({ nationalId: "1000000107", fullNameAr: "هند فهد الدوسري", fullNameEn: "Hind Fahad Aldosari", gender: "FEMALE", birthDate: "1980-02-14", maritalStatus: "MARRIED" }),
    person({ nationalId: "1000000115", fullNameAr: "ناصر عبدالله الدوسري", fullNameEn: "Nasser Abdullah Aldosari", gender: "MALE", birthDate: "2003-10-05" }),
    person({ nationalId: "1000000123", fullNameAr: "ريم عبدالله الدوسري", fullNameEn: "Reem Abdullah Aldosari", gender: "FEMALE", birthDate: "2008-12-12", account: false }),
    person({ nationalId: "1000000131", fullNameAr: "فيصل عبدالله الدوسري", fullNameEn: "Faisal Abdullah Aldosari", gender: "MALE", birthDate: "2013-04-01", account: false }),
    person({ nationalId: "1000000149", fullNameAr: "لمى عبدالله الدوسري", fullNameEn: "Lama Abdullah Aldosari", gender: "FEMALE", birthDate: "2018-09-09", account: false }),
    person({ nationalId: "2000000014", fullNameAr: "أحمد محمود حسن", fullNameEn: "Ahmed Mahmoud Hassan", gender: "MALE", birthDate: "1988-03-03", nationality: "EG", mobile: "0533334444" }),
    person({ nationalId: "1000000909", fullNameAr: "سلطان تركي الحربي", fullNameEn: "Sultan Turki Alharbi", gender: "MALE", birthDate: "1982-01-01", roles: ["CIVIL_AFFAIRS_OFFICER"] }),
    person({ nationalId: "1000000917", fullNameAr: "منيرة حمد المطيري", fullNameEn: "Munirah Hamad Almutairi", gender: "FEMALE", birthDate: "1986-06-06", roles: ["LABOR_OFFICER"] }),
    person({ nationalId: "1000000925", fullNameAr: "بندر سعود الزهراني", fullNameEn: "Bandar Saud Alzahrani", gender: "MALE", birthDate: "1990-10-10", roles: ["POST_OPERATOR"] }),
    person({ nationalId: "1000000933", fullNameAr: "غادة ناصر الشمري", fullNameEn: "Ghada Nasser Alshammari", gender: "FEMALE", birthDate: "1992-02-02", roles: ["ANALYST"] }),
  ];
  return {
    people,
    offices: OFFICES,
    families: [
      {
        registerNumber: "3000000001",
        headId: "1000000016",
        members: [
          { nationalId: "1000000016", relation: "HEAD" },
          { nationalId: "1000000024", relation: "SPOUSE" },
          { nationalId: "1000000032", relation: "SON" },
          { nationalId: "1000000040", relation: "DAUGHTER" },
        ],
        card: { cardNumber: "FC300000000101", version: 1, kind: "NEW_CARD", hoursToIssue: 70, issuedAt: "2025-03-10T09:00:00.000Z", deliveryMethod: "SAUDI_POST", officeId: "RUH-01", delivery: "DELIVERED", previous: null },
      },
      {
        registerNumber: "3000000002",
        headId: "1000000099",
        members: [
          { nationalId: "1000000099", relation: "HEAD" },
          { nationalId: "1000000107", relation: "SPOUSE" },
          { nationalId: "1000000115", relation: "SON" },
          { nationalId: "1000000123", relation: "DAUGHTER" },
          { nationalId: "1000000131", relation: "SON" },
          { nationalId: "1000000149", relation: "DAUGHTER" },
        ],
        card: { cardNumber: "FC300000000201", version: 1, kind: "NEW_CARD", hoursToIssue: 70, issuedAt: "2024-11-02T08:30:00.000Z", deliveryMethod: "OFFICE_PICKUP", officeId: "JED-01", delivery: "COLLECTED", previous: null },
      },
    ],
    marriages: [
      { husbandId: "1000000016", wifeId: "1000000024", registered: true, contractedOn: "2004-06-01" },
      { husbandId: "1000000057", wifeId: "1000000065", registered: true, contractedOn: "2022-09-15" },
      { husbandId: "1000000099", wifeId: "1000000107", registered: true, contractedOn: "2001-01-20" },
    ],
    births: [
      { childId: "1000000032", fatherId: "1000000016", motherId: "1000000024" },
      { childId: "1000000040", fatherId: "1000000016", motherId: "1000000024" },
      { childId: "1000000073", fatherId: "1000000057", motherId: "1000000065" },
      { childId: "1000000081", fatherId: "1000000180", motherId: null },
      { childId: "1000000115", fatherId: "1000000099", motherId: "1000000107" },
      { childId: "1000000123", fatherId: "1000000099", motherId: "1000000107" },
      { childId: "1000000131", fatherId: "1000000099", motherId: "1000000107" },
      { childId: "1000000149", fatherId: "1000000099", motherId: "1000000107" },
    ],
    applications: [],
    wages: [
      { nationalId: "1000000016", monthlyHalalas: 2_500_000, employer: "أرامكو السعودية" },
      { nationalId: "1000000099", monthlyHalalas: 400_000, employer: "أمانة محافظة جدة" },
      { nationalId: "1000000057", monthlyHalalas: 900_000, employer: "شركة الاتصالات السعودية" },
    ],
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Synthetic family number `index` (0-based): a head, usually a wife, 0–6 children, a card. */
export function syntheticFamily(index: number): Pick<Cast, "people" | "families" | "marriages" | "births" | "wages"> {
  const rnd = random(index + 1);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const idOf = (slot: number) => withCheckDigit(String(110_000_000 + index * 10 + slot));
  const [familyAr, familyEn] = pick(FAMILY_NAMES);
  const [headAr, headEn] = pick(MALE_NAMES);
  const [fatherAr, fatherEn] = pick(MALE_NAMES);
  const headYear = 1965 + Math.floor(rnd() * 30);
  const place = pick(CITIES);
  const building = pad(1000 + Math.floor(rnd() * 9000), 4);
  const address: NationalAddress = {
    buildingNumber: building,
    street: pick(place.streets),
    district: pick(place.districts),
    city: place.city,
    postalCode: place.postal + pad(Math.floor(rnd() * 1000), 3),
    additionalNumber: pad(1000 + Math.floor(rnd() * 9000), 4),
    shortAddress: place.letters + building,
  };
  const headId = idOf(0);
  const married = rnd() < 0.85;
  const date = (year: number) => `${year}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`;
  const people: CastPerson[] = [
    person({ nationalId: headId, fullNameAr: `${headAr} ${fatherAr} ${familyAr}`, fullNameEn: `${headEn} ${fatherEn} ${familyEn}`, gender: "MALE", birthDate: date(headYear), maritalStatus: married ? "MARRIED" : "WIDOWED", mobile: `05${pad(Math.floor(rnd() * 1e8), 8)}`, address, account: false }),
  ];
  const members: CastFamily["members"] = [{ nationalId: headId, relation: "HEAD" }];
  const marriages: Cast["marriages"] = [];
  const births: Cast["births"] = [];
  let wifeId: string | null = null;
  if (married) {
    const [wifeAr, wifeEn] = pick(FEMALE_NAMES);
    wifeId = idOf(1);
    people.push(person({ nationalId: wifeId, fullNameAr: `${wifeAr} ${pick(MALE_NAMES)[0]} ${pick(FAMILY_NAMES)[0]}`, fullNameEn: `${wifeEn} Alsaud`, gender: "FEMALE", birthDate: date(headYear + 3), maritalStatus: "MARRIED", account: false }));
    members.push({ nationalId: wifeId, relation: "SPOUSE" });
    marriages.push({ husbandId: headId, wifeId, registered: true, contractedOn: `${headYear + 24}-05-01` });
  }
  const children = Math.floor(rnd() * 7);
  for (let c = 0; c < children; c++) {
    const male = rnd() < 0.5;
    const [nameAr, nameEn] = pick(male ? MALE_NAMES : FEMALE_NAMES);
    const childId = idOf(2 + c);
    const year = Math.min(2025, headYear + 25 + c * 2);
    people.push(person({ nationalId: childId, fullNameAr: `${nameAr} ${headAr} ${familyAr}`, fullNameEn: `${nameEn} ${headEn} ${familyEn}`, gender: male ? "MALE" : "FEMALE", birthDate: date(year), account: false }));
    members.push({ nationalId: childId, relation: male ? "SON" : "DAUGHTER" });
    births.push({ childId, fatherId: headId, motherId: wifeId });
  }
  const registerNumber = `31${pad(index, 8)}`;
  const byPost = rnd() < 0.7;
  const issuedYear = 2020 + Math.floor(rnd() * 6);
  const card: CastCard | null = rnd() < 0.9
    ? {
        cardNumber: `FC${registerNumber}01`,
        version: 1,
        kind: "NEW_CARD",
        hoursToIssue: 70,
        issuedAt: `${date(issuedYear)}T10:00:00.000Z`,
        deliveryMethod: byPost ? "SAUDI_POST" : "OFFICE_PICKUP",
        officeId: OFFICES.find((o) => o.cityAr === place.city)!.id,
        delivery: byPost ? "DELIVERED" : "COLLECTED",
        previous: null,
      }
    : null;
  // Household wages from 2,000 to 30,000 SAR, in whole riyals.
  const wages: CastWage[] = [{ nationalId: headId, monthlyHalalas: (2_000 + Math.floor(rnd() * 28_000)) * 100, employer: pick(["وزارة التعليم", "سابك", "المراعي", "البريد السعودي", "القطاع الخاص"]) }];
  return { people, families: [{ registerNumber, headId, members, card }], marriages, births, wages };
}

export const DEFAULT_SYNTHETIC_FAMILIES = 300;

/** Synthetic families [first, first + count), without the named cast (`npm run seed` adds these). */
export function syntheticCast(count: number, first: number): Cast {
  const cast: Cast = { people: [], families: [], marriages: [], births: [], offices: OFFICES, wages: [], applications: [] };
  for (let i = first; i < first + count; i++) {
    const family = syntheticFamily(i);
    cast.people.push(...family.people);
    cast.families.push(...family.families);
    cast.marriages.push(...family.marriages);
    cast.births.push(...family.births);
    cast.wages.push(...family.wages);
  }
  return cast;
}

/**
 * The whole demo data set: the named cast plus the first `syntheticCount` synthetic families, whose
 * recent cards and applications spread over the days before `anchor` (seed/demoHistory.ts).
 */
export function demoCast(syntheticCount = DEFAULT_SYNTHETIC_FAMILIES, anchor = riyadhToday()): Cast {
  const named = namedCast();
  const synthetic = withHistory(syntheticCast(syntheticCount, 0), anchor);
  return {
    people: [...named.people, ...synthetic.people],
    families: [...named.families, ...synthetic.families],
    marriages: [...named.marriages, ...synthetic.marriages],
    births: [...named.births, ...synthetic.births],
    offices: named.offices,
    wages: [...named.wages, ...synthetic.wages],
    applications: synthetic.applications,
  };
}
