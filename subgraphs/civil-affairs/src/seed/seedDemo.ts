import type { DataSource, EntityManager } from "typeorm";
import { DEMO_PASSWORD, demoCast, type Cast } from "../../../../seed/demoCast";
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
export async function seedCivilAffairs(db: DataSource, cast: Cast = demoCast()): Promise<void> {
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
    await insertAll(
      tx,
      FamilyCard,
      cast.families.flatMap((f) =>
        f.card
          ? [Object.assign(new FamilyCard(), { cardNumber: f.card.cardNumber, registerNumber: f.registerNumber, version: 1, status: CardStatus.ACTIVE, issuedAt: new Date(f.card.issuedAt), applicationId: null })]
          : [],
      ),
    );
  });
}
