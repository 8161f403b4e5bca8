import { auditRows } from "../audit/plugin";
import type { AuditPolicy } from "../audit/policy";
import { trailOf } from "../audit/trail";
import { testContext } from "../../test/support/context";

const [OFFICER, FAHAD, NOURA, SARAH] = ["1000000909", "1000000016", "1000000024", "1000000032"];

/** Registers belong to their members; a citizen to himself (as civil-affairs' policy says, owners given on the object here). */
const policy: AuditPolicy = {
  personal: {
    Family: { owners: (family: { members: string[] }) => Promise.resolve(family.members) },
    Citizen: { owners: (citizen: { nationalId: string }) => [citizen.nationalId] },
  },
};

describe("the records of what a request read (kernel/audit/plugin.ts)", () => {
  it("gives each person exactly the fields read on everything that is his, whatever order they were noted in", async () => {
    const ctx = testContext(null as never, { nationalId: OFFICER, roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const trail = trailOf(ctx);
    const [first, second] = [{ members: [FAHAD, NOURA] }, { members: [NOURA, SARAH, OFFICER] }];
    // The same two fields on both registers, noted in opposite orders.
    trail.noteRead("Family", first, "Family.members");
    trail.noteRead("Family", first, "Family.card");
    trail.noteRead("Family", second, "Family.card");
    trail.noteRead("Family", second, "Family.members");
    trail.noteRead("Family", second, "Family.card");
    for (const [nationalId, fields] of [
      [FAHAD, ["Citizen.nationalId", "Citizen.birthDate"]],
      [NOURA, ["Citizen.birthDate"]],
      [SARAH, ["Citizen.birthDate", "Citizen.nationalId"]],
      [OFFICER, ["Citizen.birthDate"]],
    ] as const) {
      const citizen = { nationalId };
      for (const field of fields) trail.noteRead("Citizen", citizen, field);
    }
    trail.noteRefused("Citizen", { nationalId: SARAH }, "Citizen.mobile");

    const rows = await auditRows(policy, ctx, "Review");
    const summary = rows.map((row) => ({ owners: [...row.ownerIds].sort(), action: row.action, fields: row.fields, refused: row.refusedFields }));
    expect(summary.sort((a, b) => a.owners[0]!.localeCompare(b.owners[0]!))).toEqual([
      { owners: [FAHAD], action: "READ", fields: ["Citizen.birthDate", "Citizen.nationalId", "Family.card", "Family.members"], refused: [] },
      { owners: [NOURA], action: "READ", fields: ["Citizen.birthDate", "Family.card", "Family.members"], refused: [] },
      { owners: [SARAH], action: "READ", fields: ["Citizen.birthDate", "Citizen.nationalId", "Family.card", "Family.members"], refused: ["Citizen.mobile"] },
    ]);
    // Never the reader himself; one record per set of fields, listing everyone it concerns.
    expect(rows.every((row) => !row.ownerIds.includes(OFFICER) && row.accessorId === OFFICER && row.operationName === "Review")).toBe(true);
  });

  it("lists everyone with the same fields in one record", async () => {
    const ctx = testContext(null as never, { nationalId: OFFICER, roles: ["CIVIL_AFFAIRS_OFFICER"] });
    const trail = trailOf(ctx);
    for (const nationalId of [FAHAD, NOURA, SARAH]) {
      const citizen = { nationalId };
      // Noted in a different order for each person: the record is the same.
      const fields = nationalId === NOURA ? ["Citizen.nationalId", "Citizen.birthDate"] : ["Citizen.birthDate", "Citizen.nationalId"];
      for (const field of fields) trail.noteRead("Citizen", citizen, field);
    }
    const rows = await auditRows(policy, ctx, null);
    expect(rows.map((row) => ({ owners: row.ownerIds, fields: row.fields }))).toEqual([{ owners: [FAHAD, NOURA, SARAH], fields: ["Citizen.birthDate", "Citizen.nationalId"] }]);
  });
});
