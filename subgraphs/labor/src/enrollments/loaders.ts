import { In } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { loaderOfMany } from "../../../../kernel/loaders";
import { BenefitEnrollment } from "./benefitEnrollment.entity";

export const enrollmentsByRegister = loaderOfMany<string, BenefitEnrollment, RequestContext>(
  (numbers, ctx) =>
    ctx.db.getRepository(BenefitEnrollment).find({ where: { registerNumber: In([...numbers]) }, order: { appliedAt: "DESC", id: "ASC" } }),
  (row) => row.registerNumber,
);
