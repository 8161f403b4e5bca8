import { In, type DataSource } from "typeorm";
import { entityRows } from "../../../../kernel/database/entityRows";
import { prepared } from "../../../../kernel/database/preparedStatements";
import { loaderByKey, loaderOfMany } from "../../../../kernel/loaders";
import { ReferenceData } from "../../../../kernel/referenceData";
import type { RequestContext } from "../../../../kernel/context";
import { Citizen } from "./citizen.entity";
import { Family } from "./family.entity";
import { FamilyMember } from "./familyMember.entity";
import { FamilyCard } from "./familyCard.entity";
import { CivilAffairsOffice } from "./office.entity";
import { Marriage } from "./marriage.entity";
import { BirthRecord } from "./birthRecord.entity";
import { CardStatus, FamilyRelation } from "./enums";

type Ctx = RequestContext;

// The reads of the unified family query are plain SQL (kernel/database/entityRows.ts).
export const citizenById = loaderByKey<string, Citizen, Ctx>(
  (ids, ctx) => entityRows(ctx.db, Citizen).whereIn("nationalId", ids),
  (row) => row.nationalId,
);

export const familyByRegister = loaderByKey<string, Family, Ctx>(
  (numbers, ctx) => entityRows(ctx.db, Family).whereIn("registerNumber", numbers),
  (row) => row.registerNumber,
);

/**
 * Members of the registers with their citizens, their register's own row and its active card, in
 * one statement: a family is read with its people, so each member's citizen goes straight into
 * `citizenById`, the register into `familyByRegister` and its card into `activeCardByRegister`
 * instead of costing more round trips. A citizen's own family query reads it first, to find the
 * viewer among the members (registry/access.ts), and then needs no other read. Members come as
 * a family card lists them: the head, the spouses, then the children from the eldest.
 */
export const membersByRegister = loaderOfMany<string, FamilyMember, Ctx>(
  async (numbers, ctx) => {
    const [members, citizens, families, cards] = [entityRows(ctx.db, FamilyMember), entityRows(ctx.db, Citizen), entityRows(ctx.db, Family), entityRows(ctx.db, FamilyCard)];
    const registers = members.keyIn("m", "registerNumber", "$1", numbers);
    // At most one active card per register (family_card_one_active_idx): the join repeats no member.
    const rows: Array<Record<string, unknown>> = await ctx.db.query(
      prepared(`SELECT ${members.select("m")}, ${citizens.select("c")}, ${families.select("f")}, ${cards.select("k")} FROM ${members.table} "m"
       JOIN ${citizens.table} "c" ON "c"."national_id" = "m"."national_id" JOIN ${families.table} "f" ON "f"."register_number" = "m"."register_number"
       LEFT JOIN ${cards.table} "k" ON "k"."register_number" = "m"."register_number" AND "k"."status" = '${CardStatus.ACTIVE}'
       WHERE ${registers.condition} ORDER BY "m"."register_number", "m"."national_id"`),
      [registers.value],
    );
    const [citizenLoader, familyLoader, cardLoader] = [ctx.loaders.get(citizenById), ctx.loaders.get(familyByRegister), ctx.loaders.get(activeCardByRegister)];
    let register: string | undefined;
    const read = rows.map((row) => {
      const member = members.hydrate(row, "m")!;
      member.citizen = citizens.hydrate(row, "c")!;
      citizenLoader.prime(member.nationalId, member.citizen);
      // The register's row and card repeat on each of its members' rows, which come register by register: made once.
      if (member.registerNumber !== register) {
        register = member.registerNumber;
        familyLoader.prime(register, families.hydrate(row, "f")!);
        cardLoader.prime(register, cards.hydrate(row, "k"));
      }
      return member;
    });
    // Within each register, as a card lists them (sorted here: the statement keeps its index order).
    return read.sort((a, b) => compareText(a.registerNumber, b.registerNumber) || listedBefore(a, b));
  },
  (row) => row.registerNumber,
);

const RELATION_RANK: Record<string, number> = { [FamilyRelation.HEAD]: 0, [FamilyRelation.SPOUSE]: 1 };

/** Code-unit order (IDs and ISO dates are ASCII): no locale collation per comparison. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The head, then the spouses, then the children from the eldest. */
function listedBefore(a: FamilyMember, b: FamilyMember): number {
  const rank = (RELATION_RANK[a.relation] ?? 2) - (RELATION_RANK[b.relation] ?? 2);
  return rank || compareText(a.citizen!.birthDate, b.citizen!.birthDate) || compareText(a.nationalId, b.nationalId);
}

/** The registers' members without their citizens: for the audit when the request read no member (a review of 50 families' cards). */
export const memberRowsByRegister = loaderOfMany<string, FamilyMember, Ctx>(
  (numbers, ctx) => entityRows(ctx.db, FamilyMember).whereIn("registerNumber", numbers),
  (row) => row.registerNumber,
);

/** The register a person belongs to (as head, spouse or child), if any. */
export const membershipByCitizen = loaderByKey<string, FamilyMember, Ctx>(
  (ids, ctx) => entityRows(ctx.db, FamilyMember).whereIn("nationalId", ids),
  (row) => row.nationalId,
);

/** The register's active card, if any: at most one (family_card_one_active_idx). */
export const activeCardByRegister = loaderByKey<string, FamilyCard, Ctx>(
  (numbers, ctx) => {
    const cards = entityRows(ctx.db, FamilyCard);
    const { condition, value } = cards.keyIn("e", "registerNumber", "$1", numbers);
    return cards.where(`${condition} AND "e"."status" = '${CardStatus.ACTIVE}'`, [value]);
  },
  (row) => row.registerNumber,
);

export const cardsByRegister = loaderOfMany<string, FamilyCard, Ctx>(
  (numbers, ctx) => entityRows(ctx.db, FamilyCard).whereIn("registerNumber", numbers, "version"),
  (row) => row.registerNumber,
);

export const cardByNumber = loaderByKey<string, FamilyCard, Ctx>(
  (numbers, ctx) => ctx.db.getRepository(FamilyCard).findBy({ cardNumber: In([...numbers]) }),
  (row) => row.cardNumber,
);

/** The offices, read once a minute per process (kernel/referenceData.ts): every application's rules look one up. */
const offices = new ReferenceData<DataSource, CivilAffairsOffice[]>((db) => db.getRepository(CivilAffairsOffice).find({ order: { id: "ASC" } }), 60_000);

export const officeById = loaderByKey<string, CivilAffairsOffice, Ctx>(
  async (ids, ctx) => {
    const known = (await offices.get(ctx.db)).filter((office) => ids.includes(office.id));
    if (known.length === ids.length) return known;
    // Opened since the copy was read (a seed, an operator): the public list shows it already, so the rules must find it.
    const missing = ids.filter((id) => !known.some((office) => office.id === id));
    return [...known, ...(await ctx.db.getRepository(CivilAffairsOffice).findBy({ id: In(missing) }))];
  },
  (row) => row.id,
);

// The reads every application's rules make (rules/facts.ts) are plain SQL too.

/** `= ANY`, not a semi-join (`keyIn`): under OR only `= ANY` lets each side's index answer (a BitmapOr). */
const EITHER_SPOUSE = `"e"."husband_id" = ANY($1::varchar[]) OR "e"."wife_id" = ANY($1::varchar[])`;

/** Marriages in which the person is husband or wife. */
export const marriagesOf = loaderOfMany<string, Marriage, Ctx>(
  (ids, ctx) => entityRows(ctx.db, Marriage).where(EITHER_SPOUSE, [[...ids]]),
  (row) => [row.husbandId, row.wifeId],
);

export const birthRecordByChild = loaderByKey<string, BirthRecord, Ctx>(
  (ids, ctx) => entityRows(ctx.db, BirthRecord).whereIn("childId", ids),
  (row) => row.childId,
);

/** A person as an application's rules read him: his citizen row, the register he heads, if any, and its active card. */
export interface RegistryPerson {
  citizen: Citizen;
  headedFamily: Family | null;
  activeCard: FamilyCard | null;
}

/**
 * People with the register each heads and that register's active card, in one statement: what every
 * application's rules read about its applicant, spouses and children (three statements, two of them
 * one after the other, before). Each citizen and headed register goes into `citizenById` and `familyByHead`.
 */
export const personById = loaderByKey<string, RegistryPerson, Ctx>(
  async (ids, ctx) => {
    const [citizens, families, cards] = [entityRows(ctx.db, Citizen), entityRows(ctx.db, Family), entityRows(ctx.db, FamilyCard)];
    const people = citizens.keyIn("c", "nationalId", "$1", ids);
    const rows: Array<Record<string, unknown>> = await ctx.db.query(
      prepared(`SELECT ${citizens.select("c")}, ${families.select("f")}, ${cards.select("k")} FROM ${citizens.table} "c"
       LEFT JOIN ${families.table} "f" ON "f"."head_id" = "c"."national_id"
       LEFT JOIN ${cards.table} "k" ON "k"."register_number" = "f"."register_number" AND "k"."status" = '${CardStatus.ACTIVE}'
       WHERE ${people.condition}`),
      [people.value],
    );
    const [citizenLoader, familyLoader] = [ctx.loaders.get(citizenById), ctx.loaders.get(familyByHead)];
    return rows.map((row) => {
      const person = { citizen: citizens.hydrate(row, "c")!, headedFamily: families.hydrate(row, "f"), activeCard: cards.hydrate(row, "k") };
      citizenLoader.prime(person.citizen.nationalId, person.citizen);
      familyLoader.prime(person.citizen.nationalId, person.headedFamily);
      return person;
    });
  },
  (row) => row.citizen.nationalId,
);

/** The register a person heads, if any. */
export const familyByHead = loaderByKey<string, Family, Ctx>(
  (ids, ctx) => entityRows(ctx.db, Family).whereIn("headId", ids),
  (row) => row.headId,
);
