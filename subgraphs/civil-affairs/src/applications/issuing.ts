import crypto from "node:crypto";
import type { EntityManager } from "typeorm";
import { recordChanges } from "../../../../kernel/audit/plugin";
import { Violations } from "../../../../kernel/errors";
import type { RequestContext } from "../../../../kernel/context";
import type { CardIssuedEvent, RegisterMemberFacts } from "../../../../kernel/events/cardIssued";
import { Citizen } from "../registry/citizen.entity";
import { CardStatus, FamilyRelation, Gender } from "../registry/enums";
import { Family } from "../registry/family.entity";
import { FamilyCard } from "../registry/familyCard.entity";
import { FamilyMember } from "../registry/familyMember.entity";
import { officesIn } from "../registry/cities";
import { CivilAffairsOffice } from "../registry/office.entity";
import { CardApplication } from "./cardApplication.entity";
import { ApplicationKind, DeliveryMethod } from "./enums";
import { applicationMessages } from "./messages";
import { enqueue } from "./outbox/outbox";
import { assertRegistryAgrees } from "./review";
import { applyMove } from "./transitions";

export function cardNumberOf(registerNumber: string, version: number): string {
  return `FC${registerNumber}${String(version).padStart(2, "0")}`;
}

async function registerOf(tx: EntityManager, headId: string): Promise<string> {
  const existing = await tx.getRepository(Family).findOneBy({ headId });
  if (existing) return existing.registerNumber;
  const [{ next }] = await tx.query(`SELECT nextval('family_register_seq')::text AS next`);
  await tx.getRepository(Family).insert({ registerNumber: next, headId });
  return next;
}

/**
 * Records in the data-access trail whom the new member list moves: each person who leaves another
 * register (and that register's head) and each person dropped from this one.
 */
async function recordMoves(tx: EntityManager, ctx: RequestContext, registerNumber: string, listed: string[]): Promise<void> {
  const moved: Array<{ personId: string; headId: string; leaves: boolean }> = await tx.query(
    `SELECT m.national_id AS "personId", f.head_id AS "headId", m.register_number <> $2 AS leaves
     FROM family_member m JOIN family f ON f.register_number = m.register_number
     WHERE (m.national_id = ANY($1) AND m.register_number <> $2) OR (m.register_number = $2 AND NOT (m.national_id = ANY($1)))`,
    [listed, registerNumber],
  );
  await recordChanges(tx, ctx, [
    ...moved.map((move) => ({ ownerId: move.personId, fields: ["FamilyMember.registerNumber"] })),
    ...[...new Set(moved.filter((move) => move.leaves).map((move) => move.headId))].map((headId) => ({ ownerId: headId, fields: ["Family.members"] })),
  ]);
}

/**
 * The register lists the application's people: the head, the spouses, the children. A person in
 * another register moves here: the review (review.ts) has already required the registry's link or
 * an accepted supporting document for each of them, and refused anyone who heads a register.
 */
async function setMembers(tx: EntityManager, ctx: RequestContext, registerNumber: string, application: CardApplication): Promise<void> {
  const children = application.childIds.length ? await tx.getRepository(Citizen).findBy(application.childIds.map((nationalId) => ({ nationalId }))) : [];
  const members = [
    { nationalId: application.applicantId, relation: FamilyRelation.HEAD },
    ...application.spouseIds.map((nationalId) => ({ nationalId, relation: FamilyRelation.SPOUSE })),
    ...children.map((child) => ({ nationalId: child.nationalId, relation: child.gender === Gender.FEMALE ? FamilyRelation.DAUGHTER : FamilyRelation.SON })),
  ];
  await recordMoves(tx, ctx, registerNumber, members.map((m) => m.nationalId));
  await tx
    .createQueryBuilder()
    .delete()
    .from(FamilyMember)
    .where("register_number = :registerNumber AND national_id NOT IN (:...ids)", { registerNumber, ids: members.map((m) => m.nationalId) })
    .execute();
  await tx
    .createQueryBuilder()
    .insert()
    .into(FamilyMember)
    .values(members.map((m) => ({ ...m, registerNumber })))
    .orUpdate(["register_number", "relation"], ["national_id"])
    .execute();
}

/**
 * Where the card waits if it is collected or returned: the chosen office, else the head's city's
 * (lowest id first), the city in English or Arabic (registry/cities.ts). A city with no office (or an
 * office without its Arabic city) falls back to the office with the lowest id, logged, since
 * delivery needs an office for every card; an operator then adds the office or its city_ar.
 */
async function officeFor(tx: EntityManager, ctx: RequestContext, application: CardApplication, applicant: Citizen): Promise<string | null> {
  if (application.pickupOfficeId) return application.pickupOfficeId;
  const offices = await tx.getRepository(CivilAffairsOffice).find({ order: { id: "ASC" } });
  const [local] = applicant.address?.city ? officesIn(offices, applicant.address.city) : [];
  if (local) return local.id;
  ctx.log.warn({ applicationId: application.id, officeId: offices[0]?.id ?? null }, "no office in the head's city: a returned card would wait at the fallback office");
  return offices[0]?.id ?? null;
}

/**
 * The review's heads check again, inside the issuing transaction and with each person locked, so
 * that two issues at once cannot both move one person (or make him head here and member there).
 */
async function assertNoOtherHeads(tx: EntityManager, ctx: RequestContext, application: CardApplication): Promise<void> {
  const people = [...new Set([application.applicantId, ...application.spouseIds, ...application.childIds])].sort();
  for (const id of people) await tx.query(`SELECT pg_advisory_xact_lock(hashtext('person:' || $1))`, [id]);
  const named = [...application.spouseIds, ...application.childIds];
  const heads: Array<{ head_id: string }> = named.length ? await tx.query(`SELECT head_id FROM family WHERE head_id = ANY($1)`, [named]) : [];
  if (heads.length === 0) return;
  const violations = new Violations(ctx.lang);
  for (const { head_id: id } of heads) {
    const field = application.spouseIds.includes(id) ? `spouseIds[${application.spouseIds.indexOf(id)}]` : `childIds[${application.childIds.indexOf(id)}]`;
    violations.add(field, "HEADS_ANOTHER_FAMILY", applicationMessages.headsAnotherFamily, { id });
  }
  violations.throwIfAny();
}

/**
 * APPROVED → ISSUED in one transaction: the family register (created if there is none), its
 * members, a new card with the next version, the previous card REPLACED, and a CardIssued event
 * in the outbox for each subscriber. The card, and the event's id.
 */
export async function issueFamilyCard(ctx: RequestContext, applicationId: string, subscribers: string[]): Promise<{ card: FamilyCard; eventId: string }> {
  let cardNumber = "";
  const eventId = crypto.randomUUID();
  await applyMove(ctx, applicationId, "issue", {
    precheck: (application) => assertRegistryAgrees(ctx, application),
    alongside: async (tx, application, issuedAt) => {
      await assertNoOtherHeads(tx, ctx, application);
      const applicant = await tx.getRepository(Citizen).findOneByOrFail({ nationalId: application.applicantId });
      const registerNumber = await registerOf(tx, applicant.nationalId);
      if (application.kind === ApplicationKind.NEW_CARD || application.kind === ApplicationKind.MEMBERS_UPDATE) {
        await setMembers(tx, ctx, registerNumber, application);
      }
      const cards = tx.getRepository(FamilyCard);
      const [{ latest }] = await tx.query(`SELECT coalesce(max(version), 0) AS latest FROM family_card WHERE register_number = $1`, [registerNumber]);
      await cards.update({ registerNumber, status: CardStatus.ACTIVE }, { status: CardStatus.REPLACED });
      const version = Number(latest) + 1;
      cardNumber = cardNumberOf(registerNumber, version);
      await cards.insert({ cardNumber, registerNumber, version, status: CardStatus.ACTIVE, issuedAt, applicationId: application.id });
      await tx.getRepository(CardApplication).update({ id: application.id }, { cardNumber, registerNumber, decidedAt: application.decidedAt ?? issuedAt });
      const members: RegisterMemberFacts[] = await tx.query(
        `SELECT m.national_id AS "nationalId", m.relation, c.birth_date::text AS "birthDate", c.nationality
         FROM family_member m JOIN citizen c ON c.national_id = m.national_id WHERE m.register_number = $1 ORDER BY m.national_id`,
        [registerNumber],
      );
      const byPost = application.deliveryMethod === DeliveryMethod.SAUDI_POST;
      const event: CardIssuedEvent = {
        type: "CardIssued",
        eventId,
        occurredAt: issuedAt.toISOString(),
        cardNumber,
        registerNumber,
        version,
        applicationId: application.id,
        deliveryMethod: byPost ? "SAUDI_POST" : "OFFICE_PICKUP",
        officeId: await officeFor(tx, ctx, application, applicant),
        address: byPost ? (application.deliveryAddressSnapshot?.buildingNumber ? application.deliveryAddressSnapshot : applicant.address) : null,
        recipientName: applicant.fullNameAr,
        headNationalId: applicant.nationalId,
        memberIds: members.map((m) => m.nationalId),
        members,
        issuedAt: issuedAt.toISOString(),
      };
      await enqueue(tx, event, subscribers);
    },
  });
  return { card: await ctx.db.getRepository(FamilyCard).findOneByOrFail({ cardNumber }), eventId };
}
