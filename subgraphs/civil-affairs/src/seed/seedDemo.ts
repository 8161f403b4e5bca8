import type { DataSource } from "typeorm";
import { insertInChunks } from "../../../../kernel/database/insertInChunks";
import { seededId } from "../../../../seed/seededId";
import { type Cast, type CastApplication, type CastCard, type CastFamily } from "../../../../seed/demoCast";
import { CardApplication } from "../applications/cardApplication.entity";
import { ApplicationKind, ApplicationStatus, DeliveryMethod } from "../applications/enums";
import { StatusChange } from "../applications/statusChange.entity";
import { Account } from "../identity/account.entity";
import { BirthRecord } from "../registry/birthRecord.entity";
import { Citizen } from "../registry/citizen.entity";
import { CardStatus, FamilyRelation, Gender, MaritalStatus } from "../registry/enums";
import { Family } from "../registry/family.entity";
import { FamilyCard } from "../registry/familyCard.entity";
import { FamilyMember } from "../registry/familyMember.entity";
import { Marriage } from "../registry/marriage.entity";
import { CivilAffairsOffice } from "../registry/office.entity";

/** The demo civil-affairs officer, who worked the seeded applications. */
const DEMO_OFFICER = "1000000909";
/** The default replacement fee (RULES.md), charged on the seeded replacements. */
const DEMO_REPLACEMENT_FEE_HALALAS = 10_000;

/**
 * The published demo password, hashed once at the sign-in cost, for every demo account: hashing it
 * at each start cost ~100 ms of CPU and 32 MB of memory, and the demo data is loaded at every start.
 */
export const DEMO_PASSWORD_HASH = "scrypt$32768$8$1$ruKy78vQFOL6hLjnBrvGrQ==$bMUY+sX+JKiLDXKbp5jtxCQQ2CEx8T/rXKLEvNSCNVk=";

/** Loads civil-affairs' part of the demo data; only the offices' Arabic cities when it is already there. */
export async function seedCivilAffairs(db: DataSource, cast: Cast): Promise<void> {
  // At every start: a database seeded before offices had an Arabic city (city_ar) gets theirs.
  await db.createQueryBuilder().insert().into(CivilAffairsOffice).values(cast.offices).orUpdate(["city_ar"], ["id"]).execute();
  if (cast.people.length > 0 && (await db.getRepository(Citizen).existsBy({ nationalId: cast.people[0]!.nationalId }))) return;
  await db.transaction(async (tx) => {
    await insertInChunks(
      tx,
      Citizen,
      cast.people.map((p) =>
        Object.assign(new Citizen(), {
          nationalId: p.nationalId,
          fullNameAr: p.fullNameAr,
          fullNameEn: p.fullNameEn,
          gender: p.gender as Gender,
          birthDate: p.birthDate,
          nationality: p.nationality,
          maritalStatus: p.maritalStatus as MaritalStatus,
          mobile: p.mobile,
          address: p.address ?? {},
        }),
      ),
    );
    const accountHolders = cast.people.filter((p) => p.account);
    await insertInChunks(tx, Account, accountHolders.map((p) => Object.assign(new Account(), { nationalId: p.nationalId, passwordHash: DEMO_PASSWORD_HASH, roles: p.roles })));
    await insertInChunks(tx, Marriage, cast.marriages.map((m) => Object.assign(new Marriage(), { ...m, endedOn: null })));
    await insertInChunks(tx, BirthRecord, cast.births.map((b) => Object.assign(new BirthRecord(), b)));
    await insertInChunks(tx, Family, cast.families.map((f) => Object.assign(new Family(), { registerNumber: f.registerNumber, headId: f.headId })));
    await insertInChunks(
      tx,
      FamilyMember,
      cast.families.flatMap((f) => f.members.map((m) => Object.assign(new FamilyMember(), { registerNumber: f.registerNumber, nationalId: m.nationalId, relation: m.relation as FamilyRelation }))),
    );
    const cards = cast.families.flatMap(issuedCards);
    await insertInChunks(tx, CardApplication, [...cards.map(seededApplication), ...cast.applications.map((application) => otherApplication(application))]);
    await insertInChunks(tx, StatusChange, [...cards.flatMap(seededHistory), ...cast.applications.flatMap(otherHistory)]);
    await insertInChunks(
      tx,
      FamilyCard,
      cards.map(({ family, card, applicationId, status }) =>
        Object.assign(new FamilyCard(), { cardNumber: card.cardNumber, registerNumber: family.registerNumber, version: card.version, status, issuedAt: new Date(card.issuedAt), applicationId }),
      ),
    );
  });
}

type IssuedCard = { family: CastFamily; card: CastCard; applicationId: string; status: CardStatus };
const HOUR = 3_600_000;
const before = (iso: string, hours: number) => new Date(new Date(iso).getTime() - hours * HOUR);


/** A family's cards, oldest first: the one it replaced (a first card, now REPLACED), then the active one. */
function issuedCards(family: CastFamily): IssuedCard[] {
  const card = family.card;
  if (!card) return [];
  const active = { family, card, applicationId: seededId(card.cardNumber), status: CardStatus.ACTIVE };
  if (!card.previous) return [active];
  const first: CastCard = { ...card, ...card.previous, version: card.version - 1, kind: "NEW_CARD", hoursToIssue: 70, previous: null };
  return [{ family, card: first, applicationId: seededId(first.cardNumber), status: CardStatus.REPLACED }, active];
}

const membersOf = (family: CastFamily) => ({
  spouseIds: family.members.filter((m) => m.relation === "SPOUSE").map((m) => m.nationalId),
  childIds: family.members.filter((m) => m.relation === "SON" || m.relation === "DAUGHTER").map((m) => m.nationalId),
});

/** The application a seeded card was issued for, so every card has its application. */
function seededApplication({ family, card, applicationId }: IssuedCard): CardApplication {
  const byPost = card.deliveryMethod === "SAUDI_POST";
  return Object.assign(new CardApplication(), {
    id: applicationId,
    kind: card.kind as ApplicationKind,
    status: ApplicationStatus.ISSUED,
    version: 5,
    applicantId: family.headId,
    registerNumber: family.registerNumber,
    ...membersOf(family),
    deliveryMethod: byPost ? DeliveryMethod.SAUDI_POST : DeliveryMethod.OFFICE_PICKUP,
    pickupOfficeId: byPost ? null : card.officeId,
    lossDeclaration: card.kind === "REPLACEMENT_LOST",
    deliveryAddressSnapshot: {},
    feeHalalas: card.kind.startsWith("REPLACEMENT") ? DEMO_REPLACEMENT_FEE_HALALAS : 0,
    cardNumber: card.cardNumber,
    createdAt: before(card.issuedAt, card.hoursToIssue + 2),
    submittedAt: before(card.issuedAt, card.hoursToIssue),
    decidedAt: before(card.issuedAt, 1),
  });
}

function seededHistory({ family, card, applicationId }: IssuedCard): StatusChange[] {
  const h = card.hoursToIssue;
  const steps: Array<[ApplicationStatus | null, ApplicationStatus, number, string]> = [
    [null, ApplicationStatus.DRAFT, h + 2, family.headId],
    [ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, h, family.headId],
    [ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, h / 2, DEMO_OFFICER],
    [ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, 1, DEMO_OFFICER],
    [ApplicationStatus.APPROVED, ApplicationStatus.ISSUED, 0, DEMO_OFFICER],
  ];
  return steps.map(([from, to, hours, by]) => Object.assign(new StatusChange(), { applicationId, from, to, by, note: null, at: before(card.issuedAt, hours) }));
}

const otherApplicationId = (application: CastApplication) => seededId(`${application.applicantId}:${application.moves[0]!.at}`);

/** An application of the demo history that issued no card, in the state the cast gives it. */
function otherApplication(application: CastApplication): CardApplication {
  const submitted = application.moves.find((move) => move.to === ApplicationStatus.SUBMITTED);
  const last = application.moves[application.moves.length - 1]!;
  return Object.assign(new CardApplication(), {
    id: otherApplicationId(application),
    kind: application.kind as ApplicationKind,
    status: application.status as ApplicationStatus,
    version: application.moves.length,
    applicantId: application.applicantId,
    registerNumber: application.registerNumber,
    spouseIds: [],
    childIds: [],
    deliveryMethod: DeliveryMethod.SAUDI_POST,
    pickupOfficeId: null,
    lossDeclaration: application.kind === "REPLACEMENT_LOST",
    deliveryAddressSnapshot: {},
    feeHalalas: application.kind.startsWith("REPLACEMENT") ? DEMO_REPLACEMENT_FEE_HALALAS : 0,
    rejectionReason: application.status === "REJECTED" ? "The supporting documents do not match the registry." : null,
    correctionNotes: application.status === "NEEDS_CORRECTION" ? "Confirm the national address the card is to be delivered to." : null,
    cardNumber: null,
    createdAt: new Date(application.moves[0]!.at),
    submittedAt: submitted ? new Date(submitted.at) : null,
    decidedAt: ["APPROVED", "REJECTED"].includes(application.status) ? new Date(last.at) : null,
  });
}

function otherHistory(application: CastApplication): StatusChange[] {
  const applicationId = otherApplicationId(application);
  return application.moves.map((move, i) =>
    Object.assign(new StatusChange(), {
      applicationId,
      from: i === 0 ? null : (application.moves[i - 1]!.to as ApplicationStatus),
      to: move.to as ApplicationStatus,
      by: ["UNDER_REVIEW", "NEEDS_CORRECTION", "APPROVED", "REJECTED"].includes(move.to) ? DEMO_OFFICER : application.applicantId,
      note: null,
      at: new Date(move.at),
    }),
  );
}
