import { In } from "typeorm";
import { loaderByKey, loaderOfMany } from "../../../../kernel/loaders";
import type { RequestContext } from "../../../../kernel/context";
import { Citizen } from "./citizen.entity";
import { Family } from "./family.entity";
import { FamilyMember } from "./familyMember.entity";
import { FamilyCard } from "./familyCard.entity";
import { CivilAffairsOffice } from "./office.entity";
import { Marriage } from "./marriage.entity";
import { BirthRecord } from "./birthRecord.entity";

type Ctx = RequestContext;

export const citizenById = loaderByKey<string, Citizen, Ctx>(
  (ids, ctx) => ctx.db.getRepository(Citizen).findBy({ nationalId: In([...ids]) }),
  (row) => row.nationalId,
);

export const familyByRegister = loaderByKey<string, Family, Ctx>(
  (numbers, ctx) => ctx.db.getRepository(Family).findBy({ registerNumber: In([...numbers]) }),
  (row) => row.registerNumber,
);

/**
 * Members of the registers with their citizens, in one statement: a family is read with its people,
 * so each member's citizen goes straight into `citizenById` instead of costing a second round trip.
 */
export const membersByRegister = loaderOfMany<string, FamilyMember, Ctx>(
  async (numbers, ctx) => {
    const rows = (await ctx.db
      .getRepository(FamilyMember)
      .createQueryBuilder("member")
      .innerJoinAndMapOne("member.citizen", Citizen, "citizen", "citizen.nationalId = member.nationalId")
      .where("member.registerNumber IN (:...numbers)", { numbers: [...numbers] })
      .orderBy("member.registerNumber", "ASC")
      .addOrderBy("member.nationalId", "ASC")
      .getMany()) as Array<FamilyMember & { citizen?: Citizen }>;
    const citizens = ctx.loaders.get(citizenById);
    for (const member of rows) {
      citizens.prime(member.nationalId, member.citizen!);
      delete member.citizen;
    }
    return rows;
  },
  (row) => row.registerNumber,
);

/** The register a person belongs to (as head, spouse or child), if any. */
export const membershipByCitizen = loaderByKey<string, FamilyMember, Ctx>(
  (ids, ctx) => ctx.db.getRepository(FamilyMember).findBy({ nationalId: In([...ids]) }),
  (row) => row.nationalId,
);

export const cardsByRegister = loaderOfMany<string, FamilyCard, Ctx>(
  (numbers, ctx) =>
    ctx.db.getRepository(FamilyCard).find({ where: { registerNumber: In([...numbers]) }, order: { version: "DESC" } }),
  (row) => row.registerNumber,
);

export const cardByNumber = loaderByKey<string, FamilyCard, Ctx>(
  (numbers, ctx) => ctx.db.getRepository(FamilyCard).findBy({ cardNumber: In([...numbers]) }),
  (row) => row.cardNumber,
);

export const officeById = loaderByKey<string, CivilAffairsOffice, Ctx>(
  (ids, ctx) => ctx.db.getRepository(CivilAffairsOffice).findBy({ id: In([...ids]) }),
  (row) => row.id,
);

/** Marriages in which the person is husband or wife. */
export const marriagesOf = loaderOfMany<string, Marriage, Ctx>(
  (ids, ctx) => ctx.db.getRepository(Marriage).find({ where: [{ husbandId: In([...ids]) }, { wifeId: In([...ids]) }] }),
  (row) => [row.husbandId, row.wifeId],
);

export const birthRecordByChild = loaderByKey<string, BirthRecord, Ctx>(
  (ids, ctx) => ctx.db.getRepository(BirthRecord).findBy({ childId: In([...ids]) }),
  (row) => row.childId,
);

/** The register a person heads, if any. */
export const familyByHead = loaderByKey<string, Family, Ctx>(
  (ids, ctx) => ctx.db.getRepository(Family).findBy({ headId: In([...ids]) }),
  (row) => row.headId,
);
