import { In } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { entityRows } from "../../../../kernel/database/entityRows";
import { loaderByKey, loaderOfMany } from "../../../../kernel/loaders";
import { CardApplication } from "./cardApplication.entity";
import { ApplicationDocument } from "./documents/document.entity";
import { StatusChange } from "./statusChange.entity";

type Ctx = RequestContext;

export const applicationById = loaderByKey<string, CardApplication, Ctx>(
  (ids, ctx) => entityRows(ctx.db, CardApplication).whereIn("id", ids),
  (row) => row.id,
);

export const applicationsByRegister = loaderOfMany<string, CardApplication, Ctx>(
  (numbers, ctx) =>
    ctx.db.getRepository(CardApplication).find({ where: { registerNumber: In([...numbers]) }, order: { createdAt: "DESC" } }),
  (row) => row.registerNumber!,
);

/** Each application's documents, oldest first (read on every submission). */
export const documentsByApplication = loaderOfMany<string, ApplicationDocument, Ctx>(
  async (ids, ctx) => (await entityRows(ctx.db, ApplicationDocument).whereIn("applicationId", ids)).sort((a, b) => a.uploadedAt.getTime() - b.uploadedAt.getTime()),
  (row) => row.applicationId,
);

export const historyByApplication = loaderOfMany<string, StatusChange, Ctx>(
  (ids, ctx) => ctx.db.getRepository(StatusChange).find({ where: { applicationId: In([...ids]) }, order: { id: "ASC" } }),
  (row) => row.applicationId,
);
