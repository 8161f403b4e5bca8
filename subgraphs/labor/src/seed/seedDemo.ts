import type { DataSource } from "typeorm";
import { insertInChunks } from "../../../../kernel/database/insertInChunks";
import type { Cast } from "../../../../seed/demoCast";
import { WageRecord, WageSource } from "../wages/wageRecord.entity";

/** The demo wages are reported by the social-insurance feed as in effect since this date. */
const DEMO_WAGES_SINCE = "2025-01-01";

/** Loads labor's part of the demo data (the cast's wages); does nothing when it is already there. */
export async function seedLabor(db: DataSource, cast: Cast): Promise<void> {
  const first = cast.wages[0];
  if (!first || (await db.getRepository(WageRecord).existsBy({ nationalId: first.nationalId }))) return;
  const rows = cast.wages.map((wage) =>
    Object.assign(new WageRecord(), { ...wage, source: WageSource.GOSI, effectiveFrom: DEMO_WAGES_SINCE, recordedBy: null }),
  );
  await db.transaction((tx) => insertInChunks(tx, WageRecord, rows));
}
