import crypto from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { DEMO_PASSWORD, type Cast, type CastCard, type CastFamily } from "../../../../seed/demoCast";
import { CardApplication } from "../applications/cardApplication.entity";
import { ApplicationKind, ApplicationStatus, DeliveryMethod } from "../applications/enums";
import { StatusChange } from "../applications/statusChange.entity";
import { hashPassword } from "../identity/passwords";
import { Account } from "../identity/account.entity";
import { BirthRecord } from "../registry/birthRecord.entity";
import { Citizen } from "../registry/citizen.entity";
import { CardStatus, FamilyRelation, Gender, MaritalStatus } from "../registry/enums";
import { Family } from "../registry/family.entity";
import { FamilyCard } from "../registry/familyCard.entity";
import { FamilyMember } from "../registry/familyMember.entity";
import { Marriage } from "../registry/marriage.entity";
import { CivilAffairsOffice } from "../registry/office.entity";

const CHUNK = 500;

async function insertAll<T extends object>(db: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + CHUNK) as never).orIgnore().execute();
  }
}

/** Loads civil-affairs' part of the demo data; does nothing when it is already there. */
export async function seedCivilAffairs(db: DataSource, cast: Cast): Promise<void> {
  if (cast.people.length > 0 && (await db.getRepository(Citizen).existsBy({ nationalId: cast.people[0]!.nationalId }))) return;
  const hashes = await Promise.all(cast.people.filter((p) => p.account).map(async (p) => [p.nationalId, await hashPassword(DEMO_PASSWORD)] as const));
  await db.transaction(async (tx) => {
    await insertAll(tx, CivilAffairsOffice, cast.offices.map((o) => Object.assign(new CivilAffairsOffice(), o)));
    await insertAll(
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
    const roles = new Map(cast.people.map((p) => [p.nationalId, p.roles]));
    await insertAll(tx, Account, hashes.map(([nationalId, passwordHash]) => Object.assign(new Account(), { nationalId, passwordHash, roles: roles.get(nationalId) ?? [] })));
    await insertAll(tx, Marriage, cast.marriages.map((m) => Object.assign(new Marriage(), { ...m, endedOn: null })));
    await insertAll(tx, BirthRecord, cast.births.map((b) => Object.assign(new BirthRecord(), b)));
    await insertAll(tx, Family, cast.families.map((f) => Object.assign(new Family(), { registerNumber: f.registerNumber, headId: f.headId })));
    await insertAll(
      tx,
      FamilyMember,
      cast.families.flatMap((f) => f.members.map((m) => Object.assign(new FamilyMember(), { registerNumber: f.registerNumber, nationalId: m.nationalId, relation: m.relation as FamilyRelation }))),
    );
    const issued = cast.families.filter((f) => f.card).map((family) => ({ family, card: family.card!, applicationId: crypto.randomUUID() }));
    await insertAll(tx, CardApplication, issued.map(seededApplication));
    await insertAll(tx, StatusChange, issued.flatMap(seededHistory));
    await insertAll(
      tx,
      FamilyCard,
      issued.map(({ family, card, applicationId }) =>
        Object.assign(new FamilyCard(), { cardNumber: card.cardNumber, registerNumber: family.registerNumber, version: 1, status: CardStatus.ACTIVE, issuedAt: new Date(card.issuedAt), applicationId }),
      ),
    );
  });
}

type IssuedCard = { family: CastFamily; card: CastCard; applicationId: string };
const HOUR = 3_600_000;
const before = (iso: string, hours: number) => new Date(new Date(iso).getTime() - hours * HOUR);

/** The NEW_CARD application a seeded card was issued for, so every card has its application. */
function seededApplication({ family, card, applicationId }: IssuedCard): CardApplication {
  const byPost = card.deliveryMethod === "SAUDI_POST";
  return Object.assign(new CardApplication(), {
    id: applicationId,
    kind: ApplicationKind.NEW_CARD,
    status: ApplicationStatus.ISSUED,
    version: 5,
    applicantId: family.headId,
    registerNumber: family.registerNumber,
    spouseIds: family.members.filter((m) => m.relation === "SPOUSE").map((m) => m.nationalId),
    childIds: family.members.filter((m) => m.relation === "SON" || m.relation === "DAUGHTER").map((m) => m.nationalId),
    deliveryMethod: byPost ? DeliveryMethod.SAUDI_POST : DeliveryMethod.OFFICE_PICKUP,
    pickupOfficeId: byPost ? null : card.officeId,
    lossDeclaration: false,
    deliveryAddressSnapshot: {},
    feeHalalas: 0,
    cardNumber: card.cardNumber,
    createdAt: before(card.issuedAt, 72),
    submittedAt: before(card.issuedAt, 70),
    decidedAt: before(card.issuedAt, 2),
  });
}

function seededHistory({ family, card, applicationId }: IssuedCard): StatusChange[] {
  const steps: Array<[ApplicationStatus | null, ApplicationStatus, number, string]> = [
    [null, ApplicationStatus.DRAFT, 72, family.headId],
    [ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, 70, family.headId],
    [ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, 24, "1000000909"],
    [ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, 2, "1000000909"],
    [ApplicationStatus.APPROVED, ApplicationStatus.ISSUED, 0, "1000000909"],
  ];
  return steps.map(([from, to, hours, by]) => Object.assign(new StatusChange(), { applicationId, from, to, by, note: null, at: before(card.issuedAt, hours) }));
}
